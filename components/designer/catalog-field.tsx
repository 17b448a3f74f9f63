'use client';
/**
 * Form fields whose values come from the tenant catalog (segments, groups,
 * credentials, billing tags, CXPs, tunnel profiles). Each wraps
 * `CatalogSelect` with a "Terraform expression…" choice, so a design meant only
 * for HCL export can still hold `${...}` references. The select keeps the
 * `field-<path>` id, which the error summary focuses.
 */
import { useId } from 'react';
import { useController, useFormState, get, type FieldError } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { CatalogKind } from '@/lib/client/types';
import { CatalogSelect } from '@/components/provisioning/CatalogSelect';
import { FieldShell, fieldId, inputClass, useFieldError } from './form-fields';
import type { FormPath } from './form-types';
import { helpFor } from './help-text';

function describedBy(path: string, hasHelp: boolean, hasError: boolean): string | undefined {
  const ids = [hasError ? `error-${path}` : '', hasHelp ? `help-${path}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The form holds numbers for ids loaded from templates or the API, strings once picked. */
function asText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

interface CatalogFieldProps {
  path: FormPath;
  label: string;
  kind: CatalogKind;
  required?: boolean;
  /** Example expression for HCL-only designs, e.g. `${alkira_group.networking.name}`. */
  expressionPlaceholder: string;
  className?: string;
}

export function CatalogField({ path, label, kind, required, expressionPlaceholder, className }: CatalogFieldProps) {
  const { field } = useController<ConnectorDesign>({ name: path });
  const error = useFieldError(path);
  const help = helpFor(path);
  return (
    <FieldShell path={path} label={label} required={required} error={error} className={className}>
      <CatalogSelect
        kind={kind}
        id={fieldId(path)}
        name={path}
        value={asText(field.value)}
        onChange={(v) => field.onChange(v)}
        allowExpression
        expressionPlaceholder={expressionPlaceholder}
        invalid={Boolean(error)}
        aria-describedby={describedBy(path, Boolean(help), Boolean(error))}
        controlClassName={inputClass}
      />
    </FieldShell>
  );
}

function messageAt(errors: unknown, path: string): string | undefined {
  const node = get(errors, path) as (FieldError & { root?: FieldError }) | undefined;
  if (!node) return undefined;
  if (typeof node.message === 'string' && node.message) return node.message;
  return node.root?.message;
}

interface CatalogListFieldProps {
  /** Path of a list of ids, e.g. `billing_tag_ids`. */
  path: FormPath;
  label: string;
  itemLabel: string;
  addLabel: string;
  kind: CatalogKind;
  expressionPlaceholder: string;
}

/**
 * A list of catalog picks edited as rows (one picker each). The whole list is
 * one controlled value; each row's picker gets its item path
 * (`billing_tag_ids.1`) as id and error slot, like `ValueListField`.
 */
export function CatalogListField({ path, label, itemLabel, addLabel, kind, expressionPlaceholder }: CatalogListFieldProps) {
  const { field } = useController<ConnectorDesign>({ name: path });
  const { errors } = useFormState<ConnectorDesign>({ name: path });
  const items = Array.isArray(field.value) ? (field.value as (string | number)[]) : [];
  const listError = messageAt(errors, path);
  const headingId = useId();
  const update = (next: (string | number)[]) => field.onChange(next);

  return (
    <fieldset className="min-w-0" aria-labelledby={headingId}>
      <div className="flex items-center justify-between">
        <span id={headingId} className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {label}
        </span>
        <button type="button" id={fieldId(path)} className="btn-link text-xs" onClick={() => update([...items, ''])}>
          + {addLabel}
        </button>
      </div>
      {items.length === 0 && <p className="mt-1 text-xs italic text-slate-500 dark:text-slate-400">None</p>}
      <ul className="mt-1 space-y-1">
        {items.map((value, i) => {
          const itemPath = `${path}.${i}`;
          const itemError = messageAt(errors, itemPath);
          return (
            <li key={i}>
              <div className="flex items-start gap-1">
                <label htmlFor={fieldId(itemPath)} className="sr-only">
                  {itemLabel} {i + 1}
                </label>
                <div className="min-w-0 flex-1">
                  <CatalogSelect
                    kind={kind}
                    id={fieldId(itemPath)}
                    name={itemPath}
                    value={asText(value)}
                    onChange={(v) => update(items.map((old, j) => (j === i ? v : old)))}
                    allowExpression
                    expressionPlaceholder={expressionPlaceholder}
                    invalid={Boolean(itemError)}
                    aria-describedby={itemError ? `error-${itemPath}` : undefined}
                    controlClassName={inputClass}
                  />
                </div>
                <button
                  type="button"
                  className="btn-icon"
                  aria-label={`Remove ${itemLabel} ${i + 1}`}
                  onClick={() => update(items.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </div>
              {itemError && (
                <p id={`error-${itemPath}`} role="alert" className="mt-0.5 text-xs font-medium text-red-600 dark:text-red-400">
                  {itemError}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {listError && (
        <p role="alert" className="mt-0.5 text-xs font-medium text-red-600 dark:text-red-400">
          {listError}
        </p>
      )}
    </fieldset>
  );
}
