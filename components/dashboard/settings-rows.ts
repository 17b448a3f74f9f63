/**
 * The detail view's rows, derived from the resource description: one row per
 * attribute the Alkira JSON carries (label, formatted value), in the
 * description's order. Sensitive values are never shown, whatever arrives.
 */
import { SETTINGS_MASK_TEXT, type AttributeSpec, type BodySpec, type ReferenceKind } from '@/lib/connector/resource';

export interface SettingsRow {
  /** The API field name (stable React key). */
  key: string;
  label: string;
  text: string;
  /** Identifiers and addresses read better in a monospace font. */
  mono: boolean;
}

export type ReferenceNames = Partial<Record<ReferenceKind, (value: unknown) => string | undefined>>;

function fieldOf(record: object, key: string): unknown {
  return Object.getOwnPropertyDescriptor(record, key)?.value;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function formatValue(spec: AttributeSpec, value: unknown, names: ReferenceNames): string {
  if (spec.sensitive) return isEmpty(value) ? '' : SETTINGS_MASK_TEXT;
  if (spec.type === 'bool') return value === true ? 'Yes' : 'No';
  const named = (item: unknown) => {
    const name = spec.reference ? names[spec.reference]?.(item) : undefined;
    return name ? `${name} (${String(item)})` : String(item);
  };
  if (Array.isArray(value)) return value.map(named).join(', ');
  return isEmpty(value) ? '' : named(value);
}

const MONO_TYPES = new Set(['credential', 'cxp']);

/** Rows for one body of the API JSON. `id` is left to the caller's heading. */
export function settingsRows(body: BodySpec, record: object, names: ReferenceNames = {}): SettingsRow[] {
  const rows: SettingsRow[] = [];
  // What the user set first, then what the service computed.
  const attributes = Object.entries(body.attributes);
  const ordered = [
    ...attributes.filter(([, spec]) => spec.presence !== 'computed'),
    ...attributes.filter(([, spec]) => spec.presence === 'computed'),
  ];
  for (const [name, spec] of ordered) {
    if (!spec.api || spec.api === 'id') continue;
    const value = fieldOf(record, spec.api);
    // Computed values the service has not reported, and protocol-specific lists that do not apply, are left out.
    if ((spec.presence === 'computed' || spec.onlyWithProtocol) && isEmpty(value)) continue;
    const mono =
      (spec.reference !== undefined && MONO_TYPES.has(spec.reference)) || /prefix|subnet|circuit|mac/.test(name);
    rows.push({ key: spec.api, label: spec.label, text: formatValue(spec, value, names), mono });
  }
  return rows;
}

/** Column headers and one row of cells per item, for a block shown as a table (tunnels, segment options). */
export function settingsTable(body: BodySpec, records: readonly object[], names: ReferenceNames = {}) {
  const columns = Object.values(body.attributes).filter(
    (spec) => spec.api && spec.api !== 'id' && spec.presence !== 'computed',
  );
  return {
    headers: columns.map((spec) => spec.label),
    rows: records.map((record) => columns.map((spec) => formatValue(spec, fieldOf(record, spec.api ?? ''), names))),
  };
}
