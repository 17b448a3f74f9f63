/**
 * Draft autosave. The design goes to localStorage so it survives a reload or a
 * restart; pre-shared keys are split off into sessionStorage (same tab only,
 * gone when the tab closes) so secrets are never left on disk in clear.
 */
import { emptyDesign, type ConnectorDesign } from '@/lib/connector/design';
import { isConnectorDesign } from '@/lib/connector/schema';

export const DRAFT_KEY = 'connector-studio:draft:v1';
export const DRAFT_SECRETS_KEY = 'connector-studio:draft-secrets:v1';

type SecretMap = Record<string, string>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/**
 * Makes every list the form edits an array, so a draft or template written
 * without optional lists still works with the field arrays. Scalars are left
 * as they are: filling them in would change the exported HCL.
 */
export function withFormLists(design: ConnectorDesign): ConnectorDesign {
  return {
    ...design,
    billing_tag_ids: arrayOf(design.billing_tag_ids),
    segment_options: arrayOf(design.segment_options),
    instances: arrayOf<ConnectorDesign['instances'][number]>(design.instances).map((inst) => ({
      ...inst,
      gateway_mac_address: arrayOf(inst.gateway_mac_address),
      virtual_network_interface: arrayOf(inst.virtual_network_interface),
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

/** Calls `visit(path, tunnel)` for every tunnel of the design. */
function forEachTunnel(design: ConnectorDesign, visit: (path: string, tunnel: Record<string, unknown>) => void) {
  arrayOf<ConnectorDesign['instances'][number]>(design.instances).forEach((inst, i) =>
    arrayOf<{ customer_gateway?: unknown }>(inst?.ipsec_customer_gateway).forEach((g, j) =>
      arrayOf<{ tunnel?: unknown }>(g?.customer_gateway).forEach((c, k) =>
        arrayOf<Record<string, unknown>>(c?.tunnel).forEach((t, l) => {
          if (isObject(t)) visit(`instances.${i}.ipsec_customer_gateway.${j}.customer_gateway.${k}.tunnel.${l}`, t);
        }),
      ),
    ),
  );
}

const EMPTY_JSON = JSON.stringify(withFormLists(emptyDesign()));

export function saveDraft(design: ConnectorDesign): void {
  try {
    const copy = structuredClone(design);
    const secrets: SecretMap = {};
    forEachTunnel(copy, (path, tunnel) => {
      if (typeof tunnel.pre_shared_key === 'string' && tunnel.pre_shared_key !== '') {
        secrets[path] = tunnel.pre_shared_key;
        tunnel.pre_shared_key = '';
      }
    });
    const json = JSON.stringify(copy);
    if (json === EMPTY_JSON) {
      clearDraft();
      return;
    }
    localStorage.setItem(DRAFT_KEY, json);
    sessionStorage.setItem(DRAFT_SECRETS_KEY, JSON.stringify(secrets));
  } catch {
    // Storage full or disabled (private mode): autosave is best effort.
  }
}

/** The saved draft, with this tab's pre-shared keys put back; null when there is none or it is unreadable. */
export function loadDraft(): ConnectorDesign | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    // Accept both the bare design and a `{ design }` envelope.
    const design = isObject(parsed) && isObject(parsed.design) ? parsed.design : parsed;
    if (!isConnectorDesign(design)) return null;
    const restored = withFormLists(design);
    const secretsRaw = sessionStorage.getItem(DRAFT_SECRETS_KEY);
    const secrets: unknown = secretsRaw ? JSON.parse(secretsRaw) : {};
    if (isObject(secrets)) {
      forEachTunnel(restored, (path, tunnel) => {
        const key = secrets[path];
        if (typeof key === 'string' && !tunnel.pre_shared_key) tunnel.pre_shared_key = key;
      });
    }
    return restored;
  } catch {
    return null;
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY);
    sessionStorage.removeItem(DRAFT_SECRETS_KEY);
  } catch {
    // Nothing to clear.
  }
}
