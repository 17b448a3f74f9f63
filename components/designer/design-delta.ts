/**
 * What changed from one version of a design to the next, for a copy kept in a
 * worker: versions share every object an edit did not touch (design-document.ts),
 * so the changes are found by following the objects that differ, and only
 * they are sent — not the whole design, whose copy into a message took the
 * main thread ~15 ms per keystroke at 640 tunnels.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { isRecord, ownValue, setOwn } from '@/lib/util/records';

type Key = string | number;

/** At `path`, `value` now (a new part, or one changed wholesale), or nothing (a key removed). */
export type DesignChange = { path: Key[]; value: unknown } | { path: Key[]; removed: true };

/** More parts than this compared, and the design is sent whole (a load shares nothing with the version before). */
const MAX_VISITS = 2000;

/** The changes turning `previous` into `next`, or null when sending `next` whole is cheaper. */
export function designChanges(previous: ConnectorDesign, next: ConnectorDesign): DesignChange[] | null {
  const changes: DesignChange[] = [];
  let visits = 0;
  const walk = (before: unknown, after: unknown, path: Key[]): boolean => {
    if (Object.is(before, after)) return true;
    if (++visits > MAX_VISITS) return false;
    if (isRecord(before) && isRecord(after)) {
      for (const key of Object.keys(before))
        if (!Object.hasOwn(after, key)) changes.push({ path: [...path, key], removed: true });
      for (const key of Object.keys(after)) if (!walk(ownValue(before, key), after[key], [...path, key])) return false;
      return true;
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
      for (let i = 0; i < after.length; i++) if (!walk(before[i], after[i], [...path, i])) return false;
      return true;
    }
    changes.push({ path, value: after });
    return true;
  };
  if (!walk(previous, next, [])) return null;
  // The root replaced wholesale is the design sent whole.
  return changes.some((c) => c.path.length === 0) ? null : changes;
}

/** `root` with one change made, copying only the objects along its path (the parts it keeps stay shared). */
function withChange(root: unknown, change: DesignChange, depth = 0): unknown {
  if (depth === change.path.length) return 'removed' in change ? undefined : change.value;
  const key = change.path[depth] as Key;
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[Number(key)] = withChange(root[Number(key)], change, depth + 1);
    return copy;
  }
  const record: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  const name = String(key);
  if ('removed' in change && depth === change.path.length - 1) delete record[name];
  else setOwn(record, name, withChange(ownValue(record, name), change, depth + 1));
  return record;
}

/** The design `changes` make of `design` (which is left as it was). */
export function withDesignChanges(design: ConnectorDesign, changes: readonly DesignChange[]): ConnectorDesign {
  let root: unknown = design;
  for (const change of changes) root = withChange(root, change);
  return root as ConnectorDesign;
}
