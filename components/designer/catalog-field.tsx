'use client';
/**
 * Form fields whose values come from the tenant catalog (segments, groups,
 * credentials, billing tags, CXPs, tunnel profiles). Each wraps
 * `CatalogSelect` with a "Terraform expression…" choice, so a design meant only
 * for HCL export can still hold `${...}` references. The select keeps the
 * `field-<path>` id, which the error summary focuses.
 *
 * A pick is written as a data source by name by default
 * (`data.alkira_segment.dmz.id`, the file gets `data "alkira_segment" "dmz" { name = "dmz" }`),
 * or as the literal id (the "References" choice, ./reference-mode.ts). A field
 * that refers to a data block of the file shows the catalog item of that name
 * as picked.
 */
import { useController } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';
import {
  DATA_SOURCE_KINDS,
  dataSourceReference,
  referencedName,
  type DataSourceKind,
  type DataSourceNames,
} from '@/lib/connector/hcl/data-sources';
import type { ReferenceKind } from '@/lib/connector/resource';
import type { CatalogItem, CatalogKind } from '@/lib/client/types';
import { useCatalog } from '@/lib/client/hooks';
import { CatalogSelect } from '@/components/provisioning/catalog-select';
import { CATALOG_NOUNS, catalogOptions } from '@/components/provisioning/catalog-options';
import { useDataSourceNames, useDocumentStore } from './design-document-context';
import { useReferenceMode } from './reference-mode';
import { FieldShell, fieldId, inputClass, ListRows, useDescribedBy } from './form-fields';
import type { FormPath } from './form-types';
import { helpFor } from './help-text';
import { itemAt } from '@/lib/util/indexing';

/** The form holds numbers for ids loaded from templates or the API, strings once picked. */
function asText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

const REFERENCE_OF: Readonly<Partial<Record<CatalogKind, ReferenceKind>>> = {
  segments: 'segment',
  credentials: 'credential',
  groups: 'group',
  'billing-tags': 'billing_tag',
};

/** The option value of each catalog item, with the item's name. */
function optionsByName(
  kind: CatalogKind,
  items: readonly CatalogItem[] | undefined,
): { value: string; name: string }[] {
  if (!items) return [];
  const options = catalogOptions(kind, items as never[]);
  return items.map((item, i) => ({ value: itemAt(options, i, 'catalog option').value, name: item.name }));
}

/**
 * A catalog field written by name when the user wants it: what the picker shows for a value (the picked item
 * for a data source of the file), and what a picked option becomes in the design.
 */
function usePickByName(kind: CatalogKind, form: string) {
  const store = useDocumentStore();
  const mode = useReferenceMode();
  const names: DataSourceNames = useDataSourceNames();
  const catalog = useCatalog(kind);
  const reference = REFERENCE_OF[kind];
  const source: DataSourceKind | undefined = reference ? DATA_SOURCE_KINDS[reference] : undefined;
  const options = optionsByName(kind, catalog.data as CatalogItem[] | undefined);
  return {
    /** Why a field written by name cannot be provisioned: the tenant has no item of the name its data block looks up. */
    problem(value: unknown): string | null {
      const ref = dataSourceReference(source, value);
      const name = referencedName(source, value, names);
      if (!ref || name === null || !catalog.data || options.some((o) => o.name === name)) return null;
      return `The tenant has no ${CATALOG_NOUNS[kind]} named "${name}" (data.${ref.type}.${ref.label})`;
    },
    shown(value: unknown): string {
      const name = referencedName(source, value, names);
      const option = name === null ? undefined : options.find((o) => o.name === name);
      return option ? option.value : asText(value);
    },
    /** The value a picked option (or typed expression) becomes; `previous`: the field's value before it. */
    picked(value: string, previous: unknown): string {
      const option = mode === 'names' && source ? options.find((o) => o.value === value) : undefined;
      return store.referencePicked(form, source, option ? option.name : null, previous) ?? value;
    },
  };
}

function NameProblem({ text }: { text: string | null }) {
  if (text === null) return null;
  return (
    <p className="mt-1 text-xs text-red-700 dark:text-red-300" data-testid="reference-name-problem">
      {text}
    </p>
  );
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
  const byName = usePickByName(kind, path);
  return (
    <FieldShell path={path} label={label} required={required} className={className}>
      <CatalogSelect
        kind={kind}
        id={fieldId(path)}
        name={path}
        value={byName.shown(field.value)}
        onChange={(v) => field.onChange(byName.picked(v, field.value))}
        allowExpression
        expressionPlaceholder={expressionPlaceholder}
        invalid={Boolean(notes.invalid)}
        aria-describedby={notes.describedBy}
        controlClassName={inputClass}
      />
      <NameProblem text={byName.problem(field.value)} />
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
export function CatalogListField({
  path,
  label,
  itemLabel,
  addLabel,
  kind,
  expressionPlaceholder,
}: CatalogListFieldProps) {
  const { field } = useController<ConnectorDesign>({ name: path });
  const items = Array.isArray(field.value) ? (field.value as (string | number)[]) : [];
  const update = (next: (string | number)[]) => field.onChange(next);
  const byName = usePickByName(kind, path);

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
            value={byName.shown(value)}
            onChange={(v) => update(items.map((old, j) => (j === i ? byName.picked(v, old) : old)))}
            allowExpression
            expressionPlaceholder={expressionPlaceholder}
            invalid={Boolean(errorId)}
            aria-describedby={errorId}
            controlClassName={inputClass}
          />
          <NameProblem text={byName.problem(value)} />
        </div>
      )}
    />
  );
}
