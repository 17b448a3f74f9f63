import 'server-only';
/**
 * Pre-shared keys never leave the server: connector views show them as
 * `SETTINGS_MASK`, design views as `DESIGN_MASK`, and a design sent back with
 * `DESIGN_MASK` keeps the key already stored for that tunnel.
 */
import type { AlkiraConnector, AlkiraTunnel } from '@/lib/connector/alkira-types';
import type { ConnectorDesign } from '@/lib/connector/design';

export const SETTINGS_MASK = '••••••••';
export const DESIGN_MASK = '********';

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

/** A copy with every pre-shared key replaced by `mask`. */
export function maskConnectorKeys(conn: AlkiraConnector, mask = SETTINGS_MASK): AlkiraConnector {
  return mapTunnels(conn, (t) => (t.preSharedKey ? { ...t, preSharedKey: mask } : t));
}

/** Every pre-shared key in a connector (to scrub from messages). */
export function connectorKeys(conn: AlkiraConnector): string[] {
  const keys: string[] = [];
  mapTunnels(conn, (t) => {
    if (t.preSharedKey) keys.push(t.preSharedKey);
    return t;
  });
  return keys;
}

/** Every pre-shared key in a design. */
export function designKeys(design: ConnectorDesign): string[] {
  const keys: string[] = [];
  for (const inst of design.instances ?? [])
    for (const g of inst.ipsec_customer_gateway ?? [])
      for (const cg of g.customer_gateway ?? [])
        for (const t of cg.tunnel ?? []) if (t.pre_shared_key && t.pre_shared_key !== DESIGN_MASK) keys.push(t.pre_shared_key);
  return keys;
}

/** `instance/segment/gateway/tunnel` — how a tunnel is recognised across an edit. */
export function tunnelKey(instance: string, segmentName: string, gateway: string, tunnel: string): string {
  return JSON.stringify([instance, segmentName, gateway, tunnel]);
}

/** The stored pre-shared keys of a connector by tunnel key. */
export function storedKeysByTunnel(conn: AlkiraConnector): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of conn.instances ?? [])
    for (const so of i.segmentOptions ?? [])
      for (const g of so.customerGateways ?? [])
        for (const t of g.tunnels ?? []) if (t.preSharedKey) out.set(tunnelKey(i.name, so.segmentName, g.name, t.name), t.preSharedKey);
  return out;
}
