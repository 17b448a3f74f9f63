/**
 * Catalog picks as Terraform `data` sources looked up by name: a reviewer
 * reads `segment_id = data.alkira_segment.dmz.id` next to
 * `data "alkira_segment" "dmz" { name = "dmz" }` instead of `segment_id = "2"`.
 *
 * Only the data sources the provider has (provider-schema.json v1.5.1):
 * `alkira_segment`, `alkira_credential`, `alkira_group` and `alkira_billing_tag`.
 * There is none for IPsec tunnel profiles or CXPs: those stay literal.
 *
 * One implementation for the designer's file (document operations) and the
 * module export (./../export/catalog-data.ts): the kinds, the labels, the
 * block text and reading a file's data blocks all live here.
 */
import type { ReferenceKind } from '../resource';
import { expressionBody, isExpression, toExpression } from '../design';
import { quoteHclString, toHclIdentifier } from './strings';
import { attribute, block, writeHclLines, type HclBlock } from './writer';
import { templateLiteral } from '@/lib/hcl/values';
import type { Block, HclFile } from '@/lib/hcl/syntax';
import { captured } from '@/lib/util/indexing';

export interface DataSourceKind {
  /** The provider's data source type. */
  type: string;
  /** The data source attribute the resource's field wants. */
  attribute: string;
  /** The label used when a name gives no identifier. */
  fallback: string;
}

/** The data source of each reference kind, when the provider has one. */
export const DATA_SOURCE_KINDS: Readonly<Partial<Record<ReferenceKind, DataSourceKind>>> = {
  segment: { type: 'alkira_segment', attribute: 'id', fallback: 'segment' },
  credential: { type: 'alkira_credential', attribute: 'credential_id', fallback: 'credential' },
  // The connector's `group` takes the group's name; the data source still checks at plan time that it exists.
  group: { type: 'alkira_group', attribute: 'name', fallback: 'group' },
  billing_tag: { type: 'alkira_billing_tag', attribute: 'id', fallback: 'billing_tag' },
};

/** One `data "<type>" "<label>" { name = "<name>" }` of a file. */
export interface DataSource {
  type: string;
  label: string;
  /** The literal `name` it looks up; null when the name is not a literal string. */
  name: string | null;
  block?: Block;
}

/** The `data` blocks of the provider's catalog types in a file, in file order. */
export function dataSourcesOf(file: HclFile): DataSource[] {
  const types = new Set(Object.values(DATA_SOURCE_KINDS).map((k) => k.type));
  const found: DataSource[] = [];
  for (const item of file.body.items) {
    if (item.type !== 'block' || item.blockType.name !== 'data') continue;
    const labels = labelPair(item);
    if (!labels) continue;
    const [type, label] = labels;
    if (!types.has(type)) continue;
    const nameAttr = item.body.items.find((i) => i.type === 'attribute' && i.name.name === 'name');
    const value = nameAttr?.type === 'attribute' ? nameAttr.value : undefined;
    const name = value?.type === 'template' ? templateLiteral(file.text, value) : null;
    found.push({ type, label, name, block: item });
  }
  return found;
}

/** A block's two labels (a data source's type and name); null when it has another number. */
function labelPair(block: Block): [string, string] | null {
  const [type, label] = block.labels;
  return type && label && block.labels.length === 2 ? [type.value, label.value] : null;
}

/**
 * Whether a top-level block is a catalog data source the file refers to (`data.<type>.<label>` appears):
 * the designer writes these for picks by name, so the importer reads them rather than noting them as ignored.
 */
export function isReferencedDataSource(block: Block, text: string): boolean {
  const labels = block.blockType.name === 'data' ? labelPair(block) : null;
  if (!labels) return false;
  const [type, label] = labels;
  if (!Object.values(DATA_SOURCE_KINDS).some((k) => k.type === type)) return false;
  const address = `data.${type}.${label}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${address}\\.`).test(text);
}

/** `data.<type>.<label>` → the name it looks up (a file's literal names only). */
export type DataSourceNames = ReadonlyMap<string, string>;

export function dataSourceNames(sources: readonly DataSource[]): DataSourceNames {
  const names = new Map<string, string>();
  for (const s of sources)
    if (s.name !== null && !names.has(`data.${s.type}.${s.label}`)) names.set(`data.${s.type}.${s.label}`, s.name);
  return names;
}

/** The expression a field holds for a data source: `${data.alkira_segment.dmz.id}`. */
export function dataSourceExpression(kind: DataSourceKind, label: string): string {
  return toExpression(`data.${kind.type}.${label}.${kind.attribute}`);
}

const REFERENCE_RE = /^data\.(alkira_[a-z_]+)\.([A-Za-z_][A-Za-z0-9_-]*)\.([a-z_]+)$/;

/** The data source a field's value refers to (`${data.alkira_segment.dmz.id}` → type and label), if it is one of `kind`. */
export function dataSourceReference(
  kind: DataSourceKind | undefined,
  value: unknown,
): { type: string; label: string } | null {
  if (!kind || !isExpression(value)) return null;
  const m = REFERENCE_RE.exec(expressionBody(value).trim());
  if (!m || m[1] !== kind.type || m[3] !== kind.attribute) return null;
  return { type: captured(m, 1), label: captured(m, 2) };
}

/** The name a reference field's data source looks up (from the file's data blocks), or null. */
export function referencedName(
  kind: DataSourceKind | undefined,
  value: unknown,
  names: DataSourceNames,
): string | null {
  const ref = dataSourceReference(kind, value);
  return ref ? (names.get(`data.${ref.type}.${ref.label}`) ?? null) : null;
}

/**
 * The label for a data source of `type` looking up `name`: the label of a
 * block that already looks it up, else one derived from the name that no
 * block of that type has (`dmz`, `dmz_2`, …). `existing`: whether it exists.
 */
export function dataSourceLabel(
  sources: readonly DataSource[],
  kind: DataSourceKind,
  name: string,
): { label: string; existing: boolean } {
  const same = sources.find((s) => s.type === kind.type && s.name === name);
  if (same) return { label: same.label, existing: true };
  const taken = new Set(sources.filter((s) => s.type === kind.type).map((s) => s.label));
  const base = toHclIdentifier(name, kind.fallback);
  let label = base;
  for (let n = 2; taken.has(label); n++) label = `${base}_${n}`;
  return { label, existing: false };
}

/** The block as the module export and the designer write it. */
export function dataSourceBlock(type: string, label: string, name: string): HclBlock {
  return block('data', [quoteHclString(type), quoteHclString(label)], [attribute('name', quoteHclString(name))]);
}

export function dataSourceLines(type: string, label: string, name: string): string[] {
  return writeHclLines([dataSourceBlock(type, label, name)], '');
}
