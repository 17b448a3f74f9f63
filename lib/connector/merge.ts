/**
 * The three-way merge of a stale save: `base` (the version both people
 * started from), `theirs` (the version saved meanwhile) and `mine` (what the
 * caller sent). Walks the resource description as the plan's differ does
 * (./diff.ts: blocks in a list matched by `BlockSpec.identity`, unset equals
 * the provider default, numbers equal numeric strings):
 *
 * - an attribute only one side changed takes that side's value; both sides
 *   changing it to the same value is no conflict;
 * - a block added on one side is added; added on both with the same identity,
 *   the two are merged attribute by attribute (against nothing);
 * - a block removed on one side is removed when the other left it unchanged;
 *   removed on one side and changed on the other is a conflict;
 * - anything else both sides changed is a conflict, at its segment-list path.
 *
 * Each conflict takes `resolutions[conflict.id]` ('theirs' or 'mine'); an
 * unresolved one holds theirs in `merged` (callers refuse to save it).
 *
 * Secrets: `base` and `theirs` are designs the server holds; in `mine`, the
 * stored secret (`{stored:true}`) means "as in base", and a secret typed as
 * text always counts as changed — it is never compared with a stored value,
 * so no merge outcome tells whether a typed key equals the stored one.
 * Conflicts show sensitive values as "(sensitive)". Pure.
 */
import { isExpression } from './design';
import {
  blockChanges,
  blockIds,
  CONNECTOR_SHAPE,
  effective,
  records,
  sameValue,
  shown,
  uniqueIds,
  type BlockShape,
} from './diff';
import { isRecord, type LooseRecord } from '@/lib/util/records';
import { keepStoredSecrets, sensitiveSlots } from './sensitive';

export type PathSegment = string | number;
export type MergeSide = 'theirs' | 'mine';

export interface MergeConflict {
  /** Stable across choices: the names and block identities down to it, as JSON. Resolutions are keyed by it. */
  id: string;
  /** Where it is: indices as in theirs when theirs has the block, else as in mine. */
  path: PathSegment[];
  /** `attribute`: both changed one value; `block`: one side removed a block the other changed. */
  kind: 'attribute' | 'block';
  /** As shown to either person (secrets "(sensitive)"); absent = unset or removed. */
  base?: unknown;
  theirs?: unknown;
  mine?: unknown;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: MergeConflict[];
}

interface Walk {
  resolutions: Readonly<Record<string, MergeSide>>;
  conflicts: MergeConflict[];
}

const dotted = (path: readonly PathSegment[]) => path.join('.');

function conflictAt(walk: Walk, conflict: MergeConflict): MergeSide | undefined {
  walk.conflicts.push(conflict);
  return walk.resolutions[conflict.id];
}

function setOrDelete(out: LooseRecord, name: string, from: LooseRecord): void {
  if (name in from) out[name] = structuredClone(from[name]);
  else delete out[name];
}

/** Keys of a list's items: their identities, or `#index` when a list's identities are missing or repeated. */
function keysOf(
  base: LooseRecord[],
  theirs: LooseRecord[],
  mine: LooseRecord[],
  key: string,
): [string[], string[], string[]] {
  const ids: [string[], string[], string[]] = [blockIds(base, key), blockIds(theirs, key), blockIds(mine, key)];
  if (ids.every(uniqueIds)) return ids;
  const positions = (l: LooseRecord[]) => l.map((_, i) => `#${i}`);
  return [positions(base), positions(theirs), positions(mine)];
}

/** Theirs' order, with each item only mine has placed after its predecessor in mine. */
function mergedOrder(tKeys: readonly string[], mKeys: readonly string[]): string[] {
  const order = [...tKeys];
  mKeys.forEach((k, i) => {
    if (order.includes(k)) return;
    let at = 0;
    for (const before of mKeys.slice(0, i).reverse()) {
      const prev = order.indexOf(before);
      if (prev >= 0) {
        at = prev + 1;
        break;
      }
    }
    order.splice(at, 0, k);
  });
  return order;
}

function mergeBlock(
  base: LooseRecord,
  theirs: LooseRecord,
  mine: LooseRecord,
  shape: BlockShape,
  path: PathSegment[],
  id: unknown[],
  walk: Walk,
): LooseRecord {
  const nested = shape.blocks ?? {};
  const out: LooseRecord = structuredClone(theirs);
  const names = [...new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)])].filter(
    (n) => !(n in nested),
  );
  for (const name of names) {
    const b = effective(base, name, shape);
    const t = effective(theirs, name, shape);
    const m = effective(mine, name, shape);
    if (sameValue(b, m) || sameValue(t, m)) continue;
    if (sameValue(b, t)) {
      setOrDelete(out, name, mine);
      continue;
    }
    const at = [...path, name];
    const label = dotted(at);
    const pick = conflictAt(walk, {
      id: JSON.stringify([...id, name]),
      path: at,
      kind: 'attribute',
      ...(b === undefined ? {} : { base: shown(label, b) }),
      ...(t === undefined ? {} : { theirs: shown(label, t) }),
      ...(m === undefined ? {} : { mine: shown(label, m) }),
    });
    if (pick === 'mine') setOrDelete(out, name, mine);
  }
  for (const [name, child] of Object.entries(nested)) {
    const [bList, tList, mList] = [records(base[name]), records(theirs[name]), records(mine[name])];
    const [bKeys, tKeys, mKeys] = keysOf(bList, tList, mList, child.key);
    const items: LooseRecord[] = [];
    for (const key of mergedOrder(tKeys, mKeys)) {
      const bi = bList[bKeys.indexOf(key)];
      const ti = tKeys.indexOf(key);
      const mi = mKeys.indexOf(key);
      const itemId = [...id, name, key];
      const itemPath = [...path, name, ti >= 0 ? ti : mi];
      // The merged order holds each key of theirs and mine: at least one side has it.
      const theirsItem = tList[ti];
      const mineItem = mList[mi];
      if (theirsItem && mineItem) {
        items.push(mergeBlock(bi ?? {}, theirsItem, mineItem, child, itemPath, itemId, walk));
        continue;
      }
      const kept = theirsItem ?? mineItem;
      if (!kept) throw new Error(`Internal error: merged block ${JSON.stringify(key)} is on neither side`);
      // Added on one side only: keep it.
      if (!bi) {
        items.push(structuredClone(kept));
        continue;
      }
      // Removed on one side: gone, unless the other side changed it meanwhile.
      if (blockChanges(bi, kept, child).length === 0) continue;
      const label = dotted(itemPath);
      const pick = conflictAt(walk, {
        id: JSON.stringify(itemId),
        path: itemPath,
        kind: 'block',
        base: shown(label, bi),
        ...(ti >= 0 ? { theirs: shown(label, kept) } : { mine: shown(label, kept) }),
      });
      if ((pick === 'mine') === mi >= 0) items.push(structuredClone(kept));
    }
    if (items.length > 0 || name in theirs || name in mine) out[name] = items;
  }
  return out;
}

/** Marks for the secrets mine typed: a string no real value equals, mapped back to the typed text after the merge. */
const TYPED_MARK = '\u0000typed-secret:';

/**
 * Mine with stored secrets as base's values, and each typed secret (literal
 * text, not a `${reference}`) replaced by a mark that equals nothing: typed
 * keys always read as changed.
 */
function blindMine(base: unknown, mine: unknown): { blind: LooseRecord; typed: Map<string, unknown> } {
  const kept = keepStoredSecrets(mine, base).design;
  const blind: LooseRecord = isRecord(kept) ? kept : {};
  const typed = new Map<string, unknown>();
  const sent = sensitiveSlots(mine);
  sensitiveSlots(blind).forEach((slot, i) => {
    const original = sent[i]?.holder[sent[i].name];
    if (typeof original !== 'string' || original === '' || isExpression(original)) return;
    const mark = `${TYPED_MARK}${typed.size}`;
    typed.set(mark, original);
    slot.holder[slot.name] = mark;
  });
  return { blind, typed };
}

function unblind(value: unknown, typed: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') return typed.has(value) ? typed.get(value) : value;
  if (Array.isArray(value)) return value.map((v) => unblind(v, typed));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unblind(v, typed)]));
}

/** The merge of `mine` into `theirs`, both edited from `base`; see the module comment. */
export function mergeDesigns<T>(
  base: T,
  theirs: T,
  mine: T,
  resolutions: Readonly<Record<string, MergeSide>> = {},
): MergeResult<T> {
  const walk: Walk = { resolutions, conflicts: [] };
  const { blind, typed } = blindMine(base, mine);
  const merged = mergeBlock(
    isRecord(base) ? base : {},
    isRecord(theirs) ? theirs : {},
    blind,
    CONNECTOR_SHAPE,
    [],
    [],
    walk,
  );
  return { merged: unblind(merged, typed) as T, conflicts: walk.conflicts };
}

/** The conflicts `resolutions` leaves without a choice. */
export function unresolvedConflicts(
  conflicts: readonly MergeConflict[],
  resolutions: Readonly<Record<string, MergeSide>>,
): MergeConflict[] {
  return conflicts.filter((c) => resolutions[c.id] !== 'theirs' && resolutions[c.id] !== 'mine');
}
