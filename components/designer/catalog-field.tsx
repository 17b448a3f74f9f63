'use client';
/**
 * Form fields whose values come from the tenant catalog (segments, groups,
 * credentials, billing tags, CXPs, tunnel profiles). Each wraps
 * `CatalogSelect` with a "Terraform expression…" choice, so a design meant only
 * for HCL export can still hold `${...}` references. The select keeps the
 * `field-<path>` id, which the error summary focuses.
 */
import { useController } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { CatalogKind } from '@/lib/client/types';
import { CatalogSelect } from '@/components/provisioning/CatalogSelect';
import { FieldShell, fieldId, inputClass, ListRows, useDescribedBy } from './form-fields';
import type { FormPath } from './form-types';
import { helpFor } from './help-text';

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
  const help = helpFor(path);
  const notes = useDescribedBy(path, Boolean(help));
  return (
    <FieldShell path={path} label={label} required={required} className={className}>
      <CatalogSelect
        kind={kind}
        id={fieldId(path)}
        name={path}
        value={asText(field.value)}
        onChange={(v) => field.onChange(v)}
        allowExpression
        expressionPlaceholder={expressionPlaceholder}
        invalid={Boolean(notes.invalid)}
        aria-describedby={notes.describedBy}
        controlClassName={inputClass}
      />
    </FieldShell>
  );
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
  const items = Array.isArray(field.value) ? (field.value as (string | number)[]) : [];
  const update = (next: (string | number)[]) => field.onChange(next);

  return (
    <ListRows
      path={path}
      label={label}
      itemLabel={itemLabel}
      addLabel={addLabel}
      items={items}
      onChange={update}
      newItem=""
      align="start"
      renderControl={(value, i, itemPath, errorId) => (
        <div className="min-w-0 flex-1">
          <CatalogSelect
            kind={kind}
            id={fieldId(itemPath)}
            name={itemPath}
            value={asText(value)}
            onChange={(v) => update(items.map((old, j) => (j === i ? v : old)))}
            allowExpression
            expressionPlaceholder={expressionPlaceholder}
            invalid={Boolean(errorId)}
            aria-describedby={errorId}
            controlClassName={inputClass}
          />
        </div>
      )}
    />
  );
}
