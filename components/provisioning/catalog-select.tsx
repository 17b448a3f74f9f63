'use client';
/**
 * A picker fed by the tenant catalog (`useCatalog(kind)`): shows names, stores
 * the value the design needs (segment id, group NAME, credential id, billing
 * tag id, CXP name, profile id). With `allowExpression`, a "Terraform
 * expression…" choice reveals a text input for a bare HCL expression. A current value the
 * catalog does not know is kept as its own option rather than dropped. If the
 * catalog cannot be loaded it degrades to a plain text input.
 *
 * The caller renders the `<label htmlFor={id}>`; `id` lands on the select (or
 * the fallback text input).
 */
import { useState } from 'react';
import { isExpression, toExpression } from '@/lib/connector/design';
import { useCatalog } from '@/lib/client/hooks';
import type { CatalogKind } from '@/lib/client/types';
import { CATALOG_NOUNS, catalogOptions } from './catalog-options';
import { withArticle } from '@/lib/client/format';

export interface CatalogSelectProps {
  kind: CatalogKind;
  value: string;
  onChange(value: string): void;
  id: string;
  name?: string;
  'aria-describedby'?: string;
  /** Offer a free-typed `${...}` Terraform expression besides the catalog. */
  allowExpression?: boolean;
  /** Marks the control invalid (aria-invalid), e.g. when a form reports an error for it. */
  invalid?: boolean;
  /** Example shown in the empty expression input, e.g. `${alkira_group.networking.name}`. */
  expressionPlaceholder?: string;
  /** Replaces the default control styling, so the picker matches the surrounding form. */
  controlClassName?: string;
}

const EXPRESSION_CHOICE = '__terraform_expression__';

/**
 * The expression box takes HCL as Terraform users write it (`alkira_segment.dmz.id`,
 * `var.x`, function calls); the design keeps Terraform's JSON convention `${...}`.
 * Typing `${...}` yourself is accepted too.
 */
function expressionText(value: string): string {
  return isExpression(value) ? value.slice(2, -1) : value;
}

function expressionValue(typed: string): string {
  if (typed.trim() === '') return '';
  return isExpression(typed.trim()) ? typed.trim() : toExpression(typed);
}
const controlClass =
  'w-full rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1.5 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200';

export function CatalogSelect({
  kind,
  value,
  onChange,
  id,
  name,
  allowExpression = false,
  invalid,
  expressionPlaceholder = '${alkira_segment.prod.id}',
  controlClassName = controlClass,
  ...rest
}: CatalogSelectProps) {
  const catalog = useCatalog(kind);
  const describedBy = rest['aria-describedby'];
  const ariaInvalid = invalid ? true : undefined;
  const noun = CATALOG_NOUNS[kind];
  const options = catalog.data ? catalogOptions(kind, catalog.data) : [];
  const known = options.some((o) => o.value === value);
  // Expression mode is sticky once chosen, so a half-typed `${alk` stays in the text box; but a catalog
  // value set from outside (a form reset, a loaded template) shows as the picked option again.
  const [expressionChosen, setExpressionChosen] = useState(false);
  const expressionMode = allowExpression && (isExpression(value) || (expressionChosen && !known));

  if (catalog.isError) {
    const fallbackNote = `${id}-catalog-unavailable`;
    return (
      <div>
        <input
          id={id}
          name={name}
          type="text"
          className={controlClassName}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={ariaInvalid}
          aria-describedby={[describedBy, fallbackNote].filter(Boolean).join(' ')}
          placeholder={allowExpression ? `${noun} value or \${...}` : `${noun} value`}
        />
        <p id={fallbackNote} className="mt-1 text-xs text-amber-800 dark:text-amber-200">
          The tenant&apos;s {noun} list could not be loaded; type the value.
        </p>
      </div>
    );
  }

  const selectValue = expressionMode ? EXPRESSION_CHOICE : value;

  return (
    <div className="space-y-1">
      <select
        id={id}
        name={expressionMode ? undefined : name}
        className={controlClassName}
        value={selectValue}
        aria-invalid={ariaInvalid}
        aria-describedby={describedBy}
        aria-busy={catalog.isPending || undefined}
        onChange={(e) => {
          if (e.target.value === EXPRESSION_CHOICE) {
            setExpressionChosen(true);
            if (!isExpression(value)) onChange('');
          } else {
            setExpressionChosen(false);
            onChange(e.target.value);
          }
        }}
      >
        <option value="">{catalog.isPending ? 'Loading…' : `Choose ${withArticle(noun)}…`}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {!known && value !== '' && !expressionMode && (
          <option value={value}>{value} (not in the tenant catalog)</option>
        )}
        {allowExpression && <option value={EXPRESSION_CHOICE}>Terraform expression…</option>}
      </select>
      {expressionMode && (
        <div>
          <label htmlFor={`${id}-expression`} className="sr-only">
            Terraform expression for the {noun}
          </label>
          <input
            id={`${id}-expression`}
            name={name}
            type="text"
            className={`${controlClassName} font-mono`}
            value={expressionText(value)}
            placeholder={expressionText(expressionPlaceholder)}
            onChange={(e) => onChange(expressionValue(e.target.value))}
            aria-invalid={ariaInvalid}
            aria-describedby={describedBy}
          />
        </div>
      )}
    </div>
  );
}
