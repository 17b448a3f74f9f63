/**
 * Which design attributes hold secrets: the resource description's
 * `sensitive` flag (the provider marks `pre_shared_key` and
 * `remote_auth_value` of a tunnel), read here for diffs, plans, the store's
 * encryption and masked round trips. Nothing here names an attribute.
 */
import type { DesignIssue } from './design';
import { CONNECTOR_RESOURCE, SENSITIVE_ATTRIBUTES, type AttributeSpec, type BodySpec } from './resource';
import { isRecord } from './hcl/loose';

/** True when the attribute at the end of a design path (`...tunnel.0.pre_shared_key`) is sensitive. */
export function isSensitiveAttribute(pathOrName: string): boolean {
  const name = pathOrName.slice(pathOrName.lastIndexOf('.') + 1);
  return SENSITIVE_ATTRIBUTES.has(name);
}

/** How a sensitive value is shown in diffs and plans. */
export const SENSITIVE_PLACEHOLDER = '(sensitive)';

/** A deep copy with every sensitive attribute's set value replaced by `replace(value, path)`. */
export function mapSensitiveValues(value: unknown, replace: (secret: unknown, path: string) => unknown, path = ''): unknown {
  if (Array.isArray(value)) return value.map((v, i) => mapSensitiveValues(v, replace, path ? `${path}.${i}` : String(i)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    out[k] = isSensitiveAttribute(k) && v !== undefined && v !== null && v !== '' ? replace(v, p) : mapSensitiveValues(v, replace, p);
  }
  return out;
}

/** How a block item is recognised independent of list order: its first required text attribute (a name, or the segment it serves). */
function identityOf(body: BodySpec): string | undefined {
  return Object.entries(body.attributes).find(([, spec]) => spec.presence === 'required' && spec.type === 'string')?.[0];
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
export function sensitiveSlots(design: unknown, body: BodySpec = CONNECTOR_RESOURCE, at = '', chain: readonly unknown[] = []): SensitiveSlot[] {
  if (!isRecord(design)) return [];
  const out: SensitiveSlot[] = [];
  const pathOf = (name: string) => (at ? `${at}.${name}` : name);
  for (const [name, spec] of Object.entries(body.attributes)) {
    if (spec.sensitive) out.push({ path: pathOf(name), key: JSON.stringify([...chain, name]), name, spec, holder: design });
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

/** A copy with every set sensitive value replaced by `mask`. */
export function maskSensitiveValues<T>(design: T, mask: string, isSecret: (value: unknown) => boolean = (v) => v !== undefined && v !== null && v !== ''): T {
  const copy: T = structuredClone(design);
  for (const slot of sensitiveSlots(copy)) {
    if (isSecret(slot.holder[slot.name])) slot.holder[slot.name] = mask;
  }
  return copy;
}

/**
 * Replaces every sensitive value equal to `mask` in `design` (on a copy) with
 * the value at the same place in `reference` — the stored version or the live
 * connector — so a design read back masked can be saved or planned without
 * the browser ever holding the secret. Reports masks with no counterpart, as
 * issues at their design paths.
 */
export function keepMaskedSecrets<T>(design: T, reference: unknown, mask: string): { design: T; missing: DesignIssue[] } {
  const known = new Map<string, unknown>();
  for (const slot of sensitiveSlots(reference)) known.set(slot.key, slot.holder[slot.name]);
  const copy: T = structuredClone(design);
  const missing: DesignIssue[] = [];
  for (const slot of sensitiveSlots(copy)) {
    if (slot.holder[slot.name] !== mask) continue;
    const stored = known.get(slot.key);
    if (typeof stored === 'string' && stored !== '' && stored !== mask) slot.holder[slot.name] = stored;
    else missing.push({ path: slot.path, message: `This ${slot.spec.label.toLowerCase()} is masked and nothing stored matches it; enter it again` });
  }
  return { design: copy, missing };
}
