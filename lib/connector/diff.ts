/**
 * The change list between two designs, as a plan shows it: one entry per
 * changed attribute (`update`), or per added/removed block (`create`/`delete`,
 * with the whole block), at dotted design paths
 * (`instances.0.ipsec_customer_gateway.1.customer_gateway.0.tunnel.0.initiator`).
 *
 * Pure. Walks the resource's block structure; blocks in a list are matched by
 * their identity attribute (an instance by name, a segment option by segment)
 * so removing the first instance reads as one delete, not a cascade of
 * updates. Paths use the index in the design the entry comes from: `after` for
 * create/update, `before` for delete. Unset attributes equal their provider
 * default, numbers equal their numeric strings, and sensitive values are shown
 * as "(sensitive)".
 */
import { CONNECTOR_RESOURCE, type BodySpec } from './resource';
import { isRecord, type LooseRecord } from '@/lib/util/records';
import { isSensitiveAttribute, mapSensitiveValues, SENSITIVE_PLACEHOLDER } from './sensitive';
import { itemAt } from '@/lib/util/indexing';

export type ChangeAction = 'create' | 'update' | 'delete';

export interface DesignChange {
  path: string;
  action: ChangeAction;
  before?: unknown;
  after?: unknown;
}

export interface BlockShape {
  /** The attribute that identifies one block among its siblings. */
  key: string;
  /** Attributes with a provider default (unset means this value). */
  defaults?: Record<string, unknown>;
  /** Nested block lists. */
  blocks?: Record<string, BlockShape>;
}

/** A body's shape for the diff, a fold over the description: its defaults and its block lists with their identities. */
function shapeOf(body: BodySpec, key: string): BlockShape {
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(body.attributes))
    if (spec.default !== undefined) defaults[name] = spec.default;
  const blocks: Record<string, BlockShape> = {};
  for (const [name, block] of Object.entries(body.blocks)) blocks[name] = shapeOf(block.body, block.identity ?? 'name');
  return { key, defaults, blocks };
}

/** The connector's shape for diffs and merges (./merge.ts): defaults and block lists keyed by `BlockSpec.identity`. */
export const CONNECTOR_SHAPE = shapeOf(CONNECTOR_RESOURCE, 'name');
const CONNECTOR = CONNECTOR_SHAPE;

export function records(v: unknown): LooseRecord[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function isUnset(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Numbers and numeric strings compare as numbers (Terraform converts them). */
function canonical(v: unknown): unknown {
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  if (Array.isArray(v)) return v.map(canonical);
  return v;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function shown(path: string, v: unknown): unknown {
  if (isSensitiveAttribute(path)) return SENSITIVE_PLACEHOLDER;
  return mapSensitiveValues(v, () => SENSITIVE_PLACEHOLDER);
}

export function effective(block: LooseRecord, name: string, shape: BlockShape): unknown {
  const v = block[name];
  if (isUnset(v) && shape.defaults && name in shape.defaults) return shape.defaults[name];
  return isUnset(v) ? undefined : v;
}

/** Each block's identity (its `key` attribute, canonical), or '' where it has none. */
export function blockIds(list: readonly LooseRecord[], key: string): string[] {
  return list.map((r) => (typeof r[key] === 'string' || typeof r[key] === 'number' ? String(canonical(r[key])) : ''));
}

/** True when every block has an identity and no two share one (else blocks pair by position). */
export function uniqueIds(ids: readonly string[]): boolean {
  return ids.every((id) => id !== '') && new Set(ids).size === ids.length;
}

/** Pairs blocks by identity; falls back to position when identities are missing or repeated. */
function pairBlocks(before: LooseRecord[], after: LooseRecord[], key: string): { b?: number; a?: number }[] {
  const bIds = blockIds(before, key);
  const aIds = blockIds(after, key);
  if (!uniqueIds(bIds) || !uniqueIds(aIds)) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => ({
      ...(i < before.length ? { b: i } : {}),
      ...(i < after.length ? { a: i } : {}),
    }));
  }
  const pairs: { b?: number; a?: number }[] = aIds.map((id, a) => {
    const b = bIds.indexOf(id);
    return b >= 0 ? { b, a } : { a };
  });
  bIds.forEach((id, b) => {
    if (!aIds.includes(id)) pairs.push({ b });
  });
  return pairs;
}

function diffBlock(
  before: LooseRecord,
  after: LooseRecord,
  shape: BlockShape,
  path: string,
  out: DesignChange[],
): void {
  const nested = shape.blocks ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((n) => !(n in nested));
  for (const name of names) {
    const p = path ? `${path}.${name}` : name;
    const b = effective(before, name, shape);
    const a = effective(after, name, shape);
    if (b === undefined && a === undefined) continue;
    if (b === undefined) out.push({ path: p, action: 'create', after: shown(p, a) });
    else if (a === undefined) out.push({ path: p, action: 'delete', before: shown(p, b) });
    else if (!sameValue(a, b)) out.push({ path: p, action: 'update', before: shown(p, b), after: shown(p, a) });
  }
  for (const [name, child] of Object.entries(nested)) {
    const bList = records(before[name]);
    const aList = records(after[name]);
    const base = path ? `${path}.${name}` : name;
    for (const { b, a } of pairBlocks(bList, aList, child.key)) {
      if (b !== undefined && a !== undefined)
        diffBlock(itemAt(bList, b, 'block'), itemAt(aList, a, 'block'), child, `${base}.${a}`, out);
      else if (a !== undefined)
        out.push({ path: `${base}.${a}`, action: 'create', after: shown(`${base}.${a}`, itemAt(aList, a, 'block')) });
      else if (b !== undefined)
        out.push({ path: `${base}.${b}`, action: 'delete', before: shown(`${base}.${b}`, itemAt(bList, b, 'block')) });
    }
  }
}

/** The changes within one block (at `path`), e.g. to tell whether a side changed a block the other removed. */
export function blockChanges(before: LooseRecord, after: LooseRecord, shape: BlockShape, path = ''): DesignChange[] {
  const out: DesignChange[] = [];
  diffBlock(before, after, shape, path, out);
  return out;
}

/** Every change that turns `before` into `after` (both designs, or anything: non-objects read as empty). */
export function diffDesigns(before: unknown, after: unknown): DesignChange[] {
  const out: DesignChange[] = [];
  diffBlock(isRecord(before) ? before : {}, isRecord(after) ? after : {}, CONNECTOR, '', out);
  return out;
}

export interface PlanSummary {
  add: number;
  change: number;
  destroy: number;
  /** Terraform's wording: "Plan: 0 to add, 1 to change, 0 to destroy." or "No changes." */
  text: string;
}

/**
 * The summary line for applying a design to one connector: a connector that
 * does not exist yet is added, any change to an existing one is an in-place
 * update of the one resource.
 */
export function planSummary(exists: boolean, changes: DesignChange[]): PlanSummary {
  const add = exists ? 0 : 1;
  const change = exists && changes.length > 0 ? 1 : 0;
  const text = add + change === 0 ? 'No changes.' : `Plan: ${add} to add, ${change} to change, 0 to destroy.`;
  return { add, change, destroy: 0, text };
}
