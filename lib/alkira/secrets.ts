import 'server-only';
/**
 * Secrets never leave the server. Which fields are secret is the resource
 * description's `sensitive` flag (pre-shared keys and remote auth values):
 * connector views show them as `SETTINGS_MASK`, design views as the stored
 * secret (`{ "stored": true }`), and a design sent back with it keeps the
 * value already stored for that tunnel.
 *
 * This is also the Alkira REST boundary for secrets: Alkira answers `********`
 * in place of a value it does not reveal. `designFromAlkira` reads that mask
 * as the stored secret, and `fillStoredSecrets` (used by resolveDesign) turns a
 * stored secret back into what Alkira holds — its value, or its own mask,
 * which Alkira reads as "keep". Nowhere else is Alkira's mask known.
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import type { ConnectorDesign } from '@/lib/connector/design';
import { alkiraConnectorToDesign } from '@/lib/connector/mapping';
import { keepStoredSecrets, withStoredSecrets } from '@/lib/connector/sensitive';
import {
  CONNECTOR_RESOURCE,
  SENSITIVE_API_FIELDS,
  SENSITIVE_ATTRIBUTES,
  SETTINGS_MASK_TEXT,
  type AttributeSpec,
  type BodySpec,
} from '@/lib/connector/resource';
import { isRecord } from '@/lib/util/records';

export const SETTINGS_MASK = SETTINGS_MASK_TEXT;

/** A deep copy with every non-empty value of a field in `fields` replaced by `replace(value)`. */
function mapSecrets(value: unknown, fields: ReadonlySet<string>, replace: (secret: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapSecrets(item, fields, replace));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    out[key] =
      fields.has(key) && typeof entry === 'string' && entry !== ''
        ? replace(entry)
        : mapSecrets(entry, fields, replace);
  }
  return out;
}

/** Every non-empty value of a field in `fields`, anywhere in `value`. */
function collectSecrets(value: unknown, fields: ReadonlySet<string>): string[] {
  const found: string[] = [];
  mapSecrets(value, fields, (secret) => {
    found.push(secret);
    return secret;
  });
  return found;
}

/** How a block item is recognised across an edit: its first required text attribute (a name, or the segment it serves). */
function identityOf(body: BodySpec): string | undefined {
  return Object.values(body.attributes).find(
    (spec) => spec.presence === 'required' && spec.type === 'string' && spec.api,
  )?.api;
}

/** One sensitive field of an API body: where it is (design path, and a key stable across index shifts) and the object holding it. */
export interface SecretSlot {
  /** The identities of the block items on its path and its API name, as JSON. */
  key: string;
  /** Its design path, e.g. `instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key`. */
  path: string;
  spec: AttributeSpec;
  holder: Record<string, unknown>;
  api: string;
}

/** Every sensitive field (set or not) of an API body, found through the description's `sensitive` flag. */
export function secretSlots(
  value: unknown,
  body: BodySpec = CONNECTOR_RESOURCE,
  at = '',
  chain: readonly unknown[] = [],
): SecretSlot[] {
  if (!isRecord(value)) return [];
  const out: SecretSlot[] = [];
  const pathOf = (name: string) => (at ? `${at}.${name}` : name);
  for (const [name, spec] of Object.entries(body.attributes)) {
    if (spec.sensitive && spec.api)
      out.push({ key: JSON.stringify([...chain, spec.api]), path: pathOf(name), spec, holder: value, api: spec.api });
  }
  for (const [name, block] of Object.entries(body.blocks)) {
    const items = value[block.api];
    if (!Array.isArray(items)) continue;
    const identity = identityOf(block.body);
    items.forEach((item, i) => {
      const id = identity && isRecord(item) ? item[identity] : i;
      out.push(...secretSlots(item, block.body, `${pathOf(name)}.${i}`, [...chain, block.api, id]));
    });
  }
  return out;
}

/** A copy with every sensitive value (pre-shared keys, remote auth values) replaced by `mask`. */
export function maskConnectorKeys(conn: AlkiraConnector, mask = SETTINGS_MASK): AlkiraConnector {
  const copy = structuredClone(conn);
  for (const slot of secretSlots(copy)) if (slot.holder[slot.api]) slot.holder[slot.api] = mask;
  return copy;
}

/** Every sensitive value in a connector (to scrub from messages). */
export function connectorKeys(conn: AlkiraConnector): string[] {
  return collectSecrets(conn, SENSITIVE_API_FIELDS);
}

/** Every sensitive value a design holds as text (stored secrets are not text). */
export function designKeys(design: ConnectorDesign): string[] {
  return collectSecrets(design, SENSITIVE_ATTRIBUTES);
}

/** What the Alkira API returns in place of a sensitive value it does not reveal. */
const ALKIRA_SECRET_MASK = '********';

type ToDesignOptions = Parameters<typeof alkiraConnectorToDesign>[1];

/** A connector read from Alkira as a design: each value Alkira masked is the stored secret (other values as Alkira sent them). */
export function designFromAlkira(connector: AlkiraConnector, options?: ToDesignOptions): ConnectorDesign {
  return withStoredSecrets(alkiraConnectorToDesign(connector, options), (value) => value === ALKIRA_SECRET_MASK);
}

/**
 * The design with each stored secret filled with what Alkira holds at the same place in `stored` (the
 * connector being replaced): its value, or Alkira's own mask, which Alkira reads as "keep". `segmentId`
 * names the connector's segments as the design does (places are matched by block identity). Reports the
 * stored secrets nothing is stored for.
 */
export function fillStoredSecrets(
  design: ConnectorDesign,
  stored: AlkiraConnector | undefined,
  segmentId: (name: string) => string | undefined,
) {
  const reference = stored ? alkiraConnectorToDesign(stored, { segmentId, resourceName: design.resource_name }) : null;
  return keepStoredSecrets(design, reference);
}
