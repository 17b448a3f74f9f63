/**
 * A tenant snapshot indexed for the checks: names to connectors, the used
 * address space (./address-space.ts), and each catalog kind by id and by
 * name. Built once per snapshot; every check after that is a few lookups.
 */
import type { ReferenceKind } from '../resource';
import { AddressSpace, rangeOf, type UsedBlock } from './address-space';
import type { CatalogEntry, TenantConnector, TenantSnapshot } from './types';

export interface CatalogLookup {
  byId: Map<string, CatalogEntry>;
  byName: Map<string, CatalogEntry>;
}

export interface TenantIndex {
  connectors: number;
  byName: Map<string, TenantConnector[]>;
  space: AddressSpace;
  catalog: Map<ReferenceKind, CatalogLookup>;
}

function lookup(entries: readonly CatalogEntry[]): CatalogLookup {
  const byId = new Map<string, CatalogEntry>();
  const byName = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    byId.set(String(entry.id), entry);
    if (!byName.has(entry.name)) byName.set(entry.name, entry);
  }
  return { byId, byName };
}

export function indexTenant(snapshot: TenantSnapshot): TenantIndex {
  const byName = new Map<string, TenantConnector[]>();
  const blocks: UsedBlock[] = [];
  for (const connector of snapshot.connectors) {
    const named = byName.get(connector.name);
    if (named) named.push(connector);
    else byName.set(connector.name, [connector]);
    const owner = { id: connector.id, name: connector.name };
    const vhub = rangeOf(connector.vhubPrefix);
    // Every block built with the same fields in the same order (one shape for the sort and the searches).
    if (vhub)
      blocks.push({
        start: vhub.start,
        end: vhub.end,
        written: String(connector.vhubPrefix).trim(),
        owner,
        field: 'vhub_prefix',
        instance: undefined,
      });
    for (let instance = 0; instance < connector.loopbackSubnets.length; instance++) {
      const subnet = connector.loopbackSubnets[instance];
      const range = rangeOf(subnet);
      if (range)
        blocks.push({
          start: range.start,
          end: range.end,
          written: String(subnet).trim(),
          owner,
          field: 'loopback_subnet',
          instance,
        });
    }
  }
  const catalog = new Map<ReferenceKind, CatalogLookup>();
  for (const [kind, entries] of Object.entries(snapshot.catalog) as [
    ReferenceKind,
    readonly CatalogEntry[] | undefined,
  ][]) {
    if (entries) catalog.set(kind, lookup(entries));
  }
  return { connectors: snapshot.connectors.length, byName, space: new AddressSpace(blocks), catalog };
}
