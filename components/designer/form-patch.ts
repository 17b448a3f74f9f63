/**
 * Brings the form to a new design by changing only what differs, instead of
 * resetting it. A reset gives every list row a new identity, so React
 * rebuilds the whole form — seconds for a 640-tunnel design — when an edit in
 * the HCL editor or an undo changed one value.
 *
 * The patch: each changed value (a list of plain values counts as one value),
 * and each list of blocks whose length changed as a whole (its rows are
 * rebuilt, the others stay).
 */
import type { FieldPath, FieldPathValue, UseFormSetValue } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';

export interface FormPatch {
  path: string;
  value: unknown;
}

/** Beyond this many changes a reset is as cheap and simpler (a template, another file). */
const MAX_PATCHES = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlockList = (v: unknown): v is unknown[] => Array.isArray(v) && v.some(isObject);
const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    for (const k in a) if (!sameValue(a[k], b[k])) return false;
    for (const k in b) if (!(k in a) && !sameValue(undefined, b[k])) return false;
    return true;
  }
  return false;
}

/** The changes turning `current` into `next`, or null when a reset is the better way (too many, or not two designs). */
export function formPatches(current: unknown, next: unknown): FormPatch[] | null {
  if (!isObject(current) || !isObject(next)) return null;
  const out: FormPatch[] = [];
  const walk = (a: unknown, b: unknown, path: string): boolean => {
    if (Object.is(a, b)) return true;
    if (isObject(a) && isObject(b)) {
      // Every key of either, once (no set of both: this runs for every block of a large design per reading).
      for (const key in a) if (!walk(a[key], b[key], join(path, key))) return false;
      for (const key in b) if (!(key in a) && !walk(undefined, b[key], join(path, key))) return false;
      return true;
    }
    if (isBlockList(a) && isBlockList(b) && a.length === b.length && a.every(isObject) && b.every(isObject)) {
      for (let i = 0; i < a.length; i++) if (!walk(a[i], b[i], join(path, i))) return false;
      return true;
    }
    if (sameValue(a, b)) return true;
    out.push({ path, value: b });
    return out.length <= MAX_PATCHES;
  };
  return walk(current, next, '') ? out : null;
}

export function applyFormPatches(setValue: UseFormSetValue<ConnectorDesign>, patches: readonly FormPatch[]): void {
  for (const { path, value } of patches) {
    // The paths come from walking two designs, so each names a field of the form and holds a value of its type.
    const name = path as FieldPath<ConnectorDesign>;
    setValue(name, value as FieldPathValue<ConnectorDesign, typeof name>, { shouldDirty: true });
  }
}

/** Blocks (list rows) at and under `value`: what rendering a patch of it costs. */
function blocksIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + (isObject(v) ? 1 : 0) + blocksIn(v), 0);
  if (isObject(value)) return Object.values(value).reduce((n: number, v) => n + blocksIn(v), 0);
  return 0;
}

/** Patches bringing in more rows than this render as a transition (in slices), not in one task. */
const BLOCKS_RENDERED_AT_ONCE = 16;

/** True when `patches` bring in so many rows (a pasted file's instances, say) that the form should render them in slices. */
export function isLargePatch(patches: readonly FormPatch[]): boolean {
  let blocks = 0;
  for (const { value } of patches) {
    blocks += blocksIn(value);
    if (blocks > BLOCKS_RENDERED_AT_ONCE) return true;
  }
  return false;
}
