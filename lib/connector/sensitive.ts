/**
 * Which design attributes hold secrets: the resource description's
 * `sensitive` flag (the provider marks `pre_shared_key` and
 * `remote_auth_value` of a tunnel), read here for diffs, plans, the store's
 * encryption and stored-secret round trips. Nothing here names an attribute.
 */
import { isExpression, type DesignIssue } from './design';
import { blocksOf, CONNECTOR_RESOURCE, SENSITIVE_ATTRIBUTES, type AttributeSpec, type BodySpec } from './resource';
import { isRecord } from '@/lib/util/records';
import { isStoredSecret, STORED_SECRET } from './stored-secret';

/** True when the attribute at the end of a design path (`...tunnel.0.pre_shared_key`) is sensitive. */
export function isSensitiveAttribute(pathOrName: string): boolean {
  const name = pathOrName.slice(pathOrName.lastIndexOf('.') + 1);
  return SENSITIVE_ATTRIBUTES.has(name);
}

/** How a sensitive value is shown in diffs and plans. */
export const SENSITIVE_PLACEHOLDER = '(sensitive)';

/** A deep copy with every sensitive attribute's set value replaced by `replace(value, path)`. */
export function mapSensitiveValues(
  value: unknown,
  replace: (secret: unknown, path: string) => unknown,
  path = '',
): unknown {
  if (Array.isArray(value))
    return value.map((v, i) => mapSensitiveValues(v, replace, path ? `${path}.${i}` : String(i)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    out[k] =
      isSensitiveAttribute(k) && v !== undefined && v !== null && v !== ''
        ? replace(v, p)
        : mapSensitiveValues(v, replace, p);
  }
  return out;
}

/** How a block item is recognised independent of list order: its first required text attribute (a name, or the segment it serves). */
function identityOf(body: BodySpec): string | undefined {
  return Object.entries(body.attributes).find(
    ([, spec]) => spec.presence === 'required' && spec.type === 'string',
  )?.[0];
}

/** One sensitive attribute of a design (set or not): where it is, and the object holding it. */
export interface SensitiveSlot {
  /** Design path, e.g. `instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key`. */
  path: string;
  /** The identities of the block items on its path and its name, as JSON: the same place after items are reordered. */
  key: string;
  name: string;
  spec: AttributeSpec;
  holder: Record<string, unknown>;
}

/** Every sensitive attribute of a design, found through the description. */
export function sensitiveSlots(
  design: unknown,
  body: BodySpec = CONNECTOR_RESOURCE,
  at = '',
  chain: readonly unknown[] = [],
): SensitiveSlot[] {
  if (!isRecord(design)) return [];
  const out: SensitiveSlot[] = [];
  const pathOf = (name: string) => (at ? `${at}.${name}` : name);
  for (const [name, spec] of Object.entries(body.attributes)) {
    if (spec.sensitive)
      out.push({ path: pathOf(name), key: JSON.stringify([...chain, name]), name, spec, holder: design });
  }
  for (const [name, block] of Object.entries(body.blocks)) {
    const items = design[name];
    if (!Array.isArray(items)) continue;
    const identity = identityOf(block.body);
    items.forEach((item, i) => {
      const id = identity && isRecord(item) ? String(item[identity] ?? '') : i;
      out.push(...sensitiveSlots(item, block.body, `${pathOf(name)}.${i}`, [...chain, name, id]));
    });
  }
  return out;
}

const sensitiveNames = new WeakMap<BodySpec, readonly string[]>();

/** A body's sensitive attributes, read from the description once per body. */
function sensitiveNamesOf(body: BodySpec): readonly string[] {
  let names = sensitiveNames.get(body);
  if (names === undefined) {
    names = Object.entries(body.attributes)
      .filter(([, spec]) => spec.sensitive)
      .map(([name]) => name);
    sensitiveNames.set(body, names);
  }
  return names;
}

/**
 * `design` with each sensitive value replaced by `replace(value)`, copied only along the paths that change: the rest
 * is shared with `design` (a 640-tunnel design is not cloned to change a few keys). A fold over the description.
 */
export function replaceSensitiveValues<T>(
  design: T,
  replace: (value: unknown) => unknown,
  body: BodySpec = CONNECTOR_RESOURCE,
): T {
  if (!isRecord(design)) return design;
  let out: Record<string, unknown> | undefined;
  const write = (name: string, value: unknown) => {
    out ??= { ...design };
    out[name] = value;
  };
  for (const name of sensitiveNamesOf(body)) {
    const value = design[name];
    const replaced = replace(value);
    if (replaced !== value) write(name, replaced);
  }
  for (const [name, block] of blocksOf(body)) {
    const items = design[name];
    if (!Array.isArray(items)) continue;
    let changed = false;
    const next = items.map((item) => {
      const replaced = replaceSensitiveValues(item, replace, block.body);
      if (replaced !== item) changed = true;
      return replaced;
    });
    if (changed) write(name, next);
  }
  return (out ?? design) as T;
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** A copy with every sensitive value `isSecret` picks (by default: every set one) replaced by the stored secret. */
export function withStoredSecrets<T>(design: T, isSecret: (value: unknown) => boolean = isSet): T {
  const copy: T = structuredClone(design);
  for (const slot of sensitiveSlots(copy)) {
    if (isSecret(slot.holder[slot.name])) slot.holder[slot.name] = STORED_SECRET;
  }
  return copy;
}

/**
 * Replaces every stored secret in `design` (on a copy) with the value at the
 * same place in `reference` — the stored version — so a design read back
 * with stored secrets can be saved without the browser ever holding them.
 * Reports stored secrets with no counterpart, as issues at their design paths.
 */
export function keepStoredSecrets<T>(design: T, reference: unknown): { design: T; missing: DesignIssue[] } {
  const known = new Map<string, unknown>();
  for (const slot of sensitiveSlots(reference)) known.set(slot.key, slot.holder[slot.name]);
  const copy: T = structuredClone(design);
  const missing: DesignIssue[] = [];
  for (const slot of sensitiveSlots(copy)) {
    if (!isStoredSecret(slot.holder[slot.name])) continue;
    const stored = known.get(slot.key);
    if (typeof stored === 'string' && stored !== '') slot.holder[slot.name] = stored;
    else
      missing.push({
        path: slot.path,
        message: `This ${slot.spec.label.toLowerCase()} is kept as stored, but nothing is stored for it; enter it`,
      });
  }
  return { design: copy, missing };
}

/**
 * `stored` (a design the server holds) as a diff against what a caller sent
 * may show it: wherever `sent` holds a secret the caller typed, the stored
 * value is replaced by the stored secret, which equals no text. A typed
 * secret then always reads as "(sensitive)" changed, so no answer tells
 * whether a guess equals the stored value.
 */
export function blindToTypedSecrets<T>(stored: T, sent: unknown): T {
  // A `${reference}` is not a secret (it is shown as written), so it compares as usual.
  const isTyped = (value: unknown) => typeof value === 'string' && !isExpression(value);
  const typed = new Set(sensitiveSlots(sent).flatMap((slot) => (isTyped(slot.holder[slot.name]) ? [slot.key] : [])));
  const copy: T = structuredClone(stored);
  for (const slot of sensitiveSlots(copy))
    if (typed.has(slot.key) && isSet(slot.holder[slot.name])) slot.holder[slot.name] = STORED_SECRET;
  return copy;
}

/** A copy of `design` with the stored secret wherever `other` holds one (at the same place, by block identity). */
export function storedWhere<T>(design: T, other: unknown): T {
  const stored = new Set(
    sensitiveSlots(other).flatMap((slot) => (isStoredSecret(slot.holder[slot.name]) ? [slot.key] : [])),
  );
  const copy: T = structuredClone(design);
  for (const slot of sensitiveSlots(copy)) if (stored.has(slot.key)) slot.holder[slot.name] = STORED_SECRET;
  return copy;
}
