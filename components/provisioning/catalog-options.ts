/**
 * How each tenant catalog becomes picker options: the label a user reads and
 * the value the design stores (segment id, group NAME, credential id, billing
 * tag id, CXP name, tunnel profile id).
 */
import type { CatalogItemsByKind, CatalogKind } from '@/lib/client/types';

export interface CatalogOption {
  value: string;
  label: string;
}

type OptionMappers = { [K in CatalogKind]: (item: CatalogItemsByKind[K]) => CatalogOption };

const MAPPERS: OptionMappers = {
  segments: (s) => ({ value: String(s.id), label: `${s.name} (id ${s.id}${s.asn != null ? `, ASN ${s.asn}` : ''})` }),
  groups: (g) => ({ value: g.name, label: g.description ? `${g.name} — ${g.description}` : g.name }),
  credentials: (c) => ({ value: c.id, label: `${c.name} (${c.id})` }),
  'billing-tags': (b) => ({ value: String(b.id), label: `${b.name} (id ${b.id})` }),
  cxps: (x) => ({ value: x.name, label: x.providerRegion ? `${x.name} (${x.providerRegion})` : x.name }),
  'ipsec-tunnel-profiles': (p) => ({ value: String(p.id), label: `${p.name} (id ${p.id})` }),
};

export function catalogOptions<K extends CatalogKind>(kind: K, items: CatalogItemsByKind[K][]): CatalogOption[] {
  const mapper = MAPPERS[kind] as (item: CatalogItemsByKind[K]) => CatalogOption;
  return items.map(mapper);
}

/** What one item of each catalog is called, for placeholders and messages. */
export const CATALOG_NOUNS: Record<CatalogKind, string> = {
  segments: 'segment',
  groups: 'group',
  credentials: 'credential',
  'billing-tags': 'billing tag',
  cxps: 'CXP',
  'ipsec-tunnel-profiles': 'IPsec tunnel profile',
};
