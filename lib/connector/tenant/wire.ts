/**
 * The tenant snapshot as the server hands it to the designer: each connector
 * one row `[id, name, vhubPrefix, loopbackSubnets]` (a 10,000-connector
 * tenant is a few hundred KB before compression, not a list of objects with
 * repeated keys), plus the catalog's ids and names. Only what the tenant
 * checks compare: no keys, circuits or anything else of a connector.
 */
import type { CatalogEntry, TenantCatalog, TenantConnector, TenantSnapshot } from './types';

export type WireConnector = [
  id: number | string,
  name: string,
  vhubPrefix: string | null,
  loopbackSubnets: Array<string | null>,
];

export interface TenantSnapshotWire {
  connectors: WireConnector[];
  catalog: TenantCatalog;
}

export function toWire(snapshot: TenantSnapshot): TenantSnapshotWire {
  return {
    connectors: snapshot.connectors.map((c) => [
      c.id,
      c.name,
      c.vhubPrefix ?? null,
      c.loopbackSubnets.map((s) => s ?? null),
    ]),
    catalog: snapshot.catalog,
  };
}

const isKey = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
const optionalText = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function catalogEntries(list: unknown): CatalogEntry[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: CatalogEntry[] = [];
  for (const e of list) {
    if (e && typeof e === 'object' && isKey((e as CatalogEntry).id) && typeof (e as CatalogEntry).name === 'string')
      out.push({ id: (e as CatalogEntry).id, name: (e as CatalogEntry).name });
  }
  return out;
}

/** The snapshot a wire body describes; rows that are not `[id, name, …]` are left out (read defensively: it crossed a network). */
export function fromWire(wire: unknown): TenantSnapshot {
  const body = wire && typeof wire === 'object' ? (wire as Partial<TenantSnapshotWire>) : {};
  const connectors: TenantConnector[] = [];
  for (const row of Array.isArray(body.connectors) ? body.connectors : []) {
    if (!Array.isArray(row) || !isKey(row[0]) || typeof row[1] !== 'string') continue;
    connectors.push({
      id: row[0],
      name: row[1],
      vhubPrefix: optionalText(row[2]),
      loopbackSubnets: Array.isArray(row[3]) ? row[3].map(optionalText) : [],
    });
  }
  const catalog: TenantCatalog = {};
  const raw = body.catalog && typeof body.catalog === 'object' ? (body.catalog as Record<string, unknown>) : {};
  for (const kind of ['segment', 'credential', 'group', 'billing_tag', 'tunnel_profile', 'cxp'] as const) {
    const entries = catalogEntries(raw[kind]);
    if (entries) catalog[kind] = entries;
  }
  return { connectors, catalog };
}
