import 'server-only';
/**
 * Secrets never leave the server. Which fields are secret is the resource
 * description's `sensitive` flag (pre-shared keys and remote auth values):
 * connector views show them as `SETTINGS_MASK`, design views as
 * `DESIGN_MASK`, and a design sent back with `DESIGN_MASK` keeps the value
 * already stored for that tunnel.
 */
import type { AlkiraConnector, AlkiraTunnel } from '@/lib/connector/alkira-types';
import type { ConnectorDesign } from '@/lib/connector/design';
import { CONNECTOR_RESOURCE, SENSITIVE_API_FIELDS, SENSITIVE_ATTRIBUTES, STORED_SECRET_PLACEHOLDER, SETTINGS_MASK_TEXT, type AttributeSpec } from '@/lib/connector/resource';

export const SETTINGS_MASK = SETTINGS_MASK_TEXT;
export const DESIGN_MASK = STORED_SECRET_PLACEHOLDER;

type Json = unknown;

/** A deep copy with every non-empty value of a field in `fields` replaced by `replace(value)`. */
function mapSecrets(value: Json, fields: ReadonlySet<string>, replace: (secret: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => mapSecrets(item, fields, replace));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, Json> = {};
  for (const [key, entry] of Object.entries(value)) {
    out[key] = fields.has(key) && typeof entry === 'string' && entry !== '' ? replace(entry) : mapSecrets(entry, fields, replace);
  }
  return out;
}

/** Every non-empty value of a field in `fields`, anywhere in `value`. */
function collectSecrets(value: Json, fields: ReadonlySet<string>): string[] {
  const found: string[] = [];
  mapSecrets(value, fields, (secret) => {
    found.push(secret);
    return secret;
  });
  return found;
}

function mapTunnels(conn: AlkiraConnector, fn: (t: AlkiraTunnel) => AlkiraTunnel): AlkiraConnector {
  return {
    ...conn,
    instances: (conn.instances ?? []).map((i) => ({
      ...i,
      ...(i.segmentOptions
        ? {
            segmentOptions: i.segmentOptions.map((so) => ({
              ...so,
              customerGateways: (so.customerGateways ?? []).map((g) => ({ ...g, tunnels: (g.tunnels ?? []).map(fn) })),
            })),
          }
        : {}),
    })),
  };
}

/** A copy of the tunnel with every sensitive field replaced by `mask`. */
function maskTunnel(tunnel: AlkiraTunnel, mask: string): AlkiraTunnel {
  const out = { ...tunnel };
  for (const [, api] of TUNNEL_SECRETS) if (out[api]) out[api] = mask;
  return out;
}

/** A copy with every sensitive value (pre-shared keys, remote auth values) replaced by `mask`. */
export function maskConnectorKeys(conn: AlkiraConnector, mask = SETTINGS_MASK): AlkiraConnector {
  return mapTunnels(conn, (t) => maskTunnel(t, mask));
}

/** Every sensitive value in a connector (to scrub from messages). */
export function connectorKeys(conn: AlkiraConnector): string[] {
  return collectSecrets(conn, SENSITIVE_API_FIELDS);
}

/** Every sensitive value in a design (masks excluded). */
export function designKeys(design: ConnectorDesign): string[] {
  return collectSecrets(design, SENSITIVE_ATTRIBUTES).filter((secret) => secret !== DESIGN_MASK);
}

/** `instance/segment/gateway/tunnel` — how a tunnel is recognised across an edit. */
export function tunnelKey(instance: string, segmentName: string, gateway: string, tunnel: string): string {
  return JSON.stringify([instance, segmentName, gateway, tunnel]);
}

type SecretApiField = 'preSharedKey' | 'remoteAuthValue';

function isSecretApiField(name: string | undefined): name is SecretApiField {
  return name === 'preSharedKey' || name === 'remoteAuthValue';
}

/**
 * The tunnel's sensitive attributes as [HCL name, API field, spec]. The
 * description decides which; the type keeps this in step with AlkiraTunnel
 * (a new sensitive tunnel field must be added to SecretApiField to compile).
 */
export const TUNNEL_SECRETS: readonly [string, SecretApiField, AttributeSpec][] = Object.entries(
  CONNECTOR_RESOURCE.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks.tunnel.body.attributes,
).flatMap(([name, spec]): [string, SecretApiField, AttributeSpec][] => {
  const api = 'api' in spec ? spec.api : undefined;
  if (!('sensitive' in spec) || !isSecretApiField(api)) return [];
  return [[name, api, spec]];
});

/** The stored sensitive values of a connector by tunnel key and API field. */
export function storedSecretsByTunnel(conn: AlkiraConnector): Map<string, Partial<Record<SecretApiField, string>>> {
  const out = new Map<string, Partial<Record<SecretApiField, string>>>();
  for (const i of conn.instances ?? [])
    for (const so of i.segmentOptions ?? [])
      for (const g of so.customerGateways ?? [])
        for (const t of g.tunnels ?? []) {
          const values: Partial<Record<SecretApiField, string>> = {};
          for (const [, api] of TUNNEL_SECRETS) if (t[api]) values[api] = t[api];
          out.set(tunnelKey(i.name, so.segmentName, g.name, t.name), values);
        }
  return out;
}
