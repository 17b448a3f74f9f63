/**
 * Draft autosave. The design goes to localStorage so it survives a reload or a
 * restart; its sensitive values (pre-shared keys, remote auth values: the
 * description's `sensitive` attributes) are split off into sessionStorage
 * (same tab only, gone when the tab closes) so secrets are never left on disk
 * in clear.
 */
import { emptyDesign, isExpression, type ConnectorDesign } from '@/lib/connector/design';
import type { TerraformExpression } from '@/lib/connector/resource';
import { isConnectorDesign } from '@/lib/connector/schema';
import { sensitiveSlots } from '@/lib/connector/sensitive';

export const DRAFT_KEY = 'connector-studio:draft:v1';
export const DRAFT_SECRETS_KEY = 'connector-studio:draft-secrets:v1';

/**
 * Where a draft lives: the new-design draft by default; a stored workspace
 * design keeps its unsaved edits in its own slot (`design:<id>`).
 */
export interface DraftSlot {
  key: string;
  secretsKey: string;
}
export const NEW_DESIGN_SLOT: DraftSlot = { key: DRAFT_KEY, secretsKey: DRAFT_SECRETS_KEY };

export function namedDraftSlot(name: string): DraftSlot {
  return { key: `connector-studio:draft:${name}:v1`, secretsKey: `connector-studio:draft-secrets:${name}:v1` };
}

type SecretMap = Record<string, string>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** A list attribute's value: a list, or a whole-list expression (`${var.ids}`) kept as it is. */
function listOrExpression<T>(value: unknown): T[] | TerraformExpression {
  return isExpression(value) ? (value as TerraformExpression) : arrayOf<T>(value);
}

/**
 * Makes every list the form edits an array, so a draft or template written
 * without optional lists still works with the field arrays. Scalars are left
 * as they are: filling them in would change the exported HCL.
 */
export function withFormLists(design: ConnectorDesign): ConnectorDesign {
  return {
    ...design,
    billing_tag_ids: listOrExpression(design.billing_tag_ids),
    segment_options: arrayOf(design.segment_options),
    instances: arrayOf<ConnectorDesign['instances'][number]>(design.instances).map((inst) => ({
      ...inst,
      gateway_mac_address: listOrExpression(inst.gateway_mac_address),
      virtual_network_interface: listOrExpression(inst.virtual_network_interface),
      ipsec_customer_gateway: arrayOf<NonNullable<typeof inst.ipsec_customer_gateway>[number]>(inst.ipsec_customer_gateway).map(
        (g) => ({
          ...g,
          customer_gateway: arrayOf<(typeof g.customer_gateway)[number]>(g.customer_gateway).map((c) => ({
            ...c,
            tunnel: arrayOf(c.tunnel),
          })),
        }),
      ),
    })),
  };
}

const EMPTY_JSON = JSON.stringify(withFormLists(emptyDesign()));

export function saveDraft(design: ConnectorDesign, slot: DraftSlot = NEW_DESIGN_SLOT): void {
  try {
    const copy = structuredClone(design);
    // Every sensitive value (the description says which) stays in this tab's session, never in localStorage.
    const secrets: SecretMap = {};
    for (const { path, name, holder } of sensitiveSlots(copy)) {
      const value = holder[name];
      if (typeof value === 'string' && value !== '') {
        secrets[path] = value;
        holder[name] = '';
      }
    }
    const json = JSON.stringify(copy);
    if (json === EMPTY_JSON) {
      clearDraft(slot);
      return;
    }
    localStorage.setItem(slot.key, json);
    sessionStorage.setItem(slot.secretsKey, JSON.stringify(secrets));
  } catch {
    // Storage full or disabled (private mode): autosave is best effort.
  }
}

/** The saved draft, with this tab's pre-shared keys put back; null when there is none or it is unreadable. */
export function loadDraft(slot: DraftSlot = NEW_DESIGN_SLOT): ConnectorDesign | null {
  try {
    const raw = localStorage.getItem(slot.key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    // Accept both the bare design and a `{ design }` envelope.
    const design = isObject(parsed) && isObject(parsed.design) ? parsed.design : parsed;
    if (!isConnectorDesign(design)) return null;
    const restored = withFormLists(design);
    const secretsRaw = sessionStorage.getItem(slot.secretsKey);
    const secrets: unknown = secretsRaw ? JSON.parse(secretsRaw) : {};
    if (isObject(secrets)) {
      for (const { path, name, holder } of sensitiveSlots(restored)) {
        const value = secrets[path];
        if (typeof value === 'string' && !holder[name]) holder[name] = value;
      }
    }
    return restored;
  } catch {
    return null;
  }
}

export function clearDraft(slot: DraftSlot = NEW_DESIGN_SLOT): void {
  try {
    localStorage.removeItem(slot.key);
    sessionStorage.removeItem(slot.secretsKey);
  } catch {
    // Nothing to clear.
  }
}
