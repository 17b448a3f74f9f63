import 'server-only';
/**
 * The tenant catalog the designer's pickers offer, normalised to the shapes in
 * the contract, and filtered to what an Azure ExpressRoute connector can use
 * (azurevnet credentials, AZURE CXPs).
 */
import {
  type BillingTagItem,
  type CatalogKind,
  type CredentialItem,
  type CxpItem,
  type GroupItem,
  type SegmentItem,
  type TunnelProfileItem,
} from '@/lib/contract';
import type { AlkiraApi } from './api';

export async function segmentItems(api: AlkiraApi): Promise<SegmentItem[]> {
  return (await api.segments()).map((s) => ({ id: String(s.id), name: s.name, asn: s.asn ?? null }));
}

export async function groupItems(api: AlkiraApi): Promise<GroupItem[]> {
  return (await api.groups()).map((g) => ({ id: g.id, name: g.name, description: g.description ?? '' }));
}

export async function credentialItems(api: AlkiraApi): Promise<CredentialItem[]> {
  return (await api.credentials())
    .filter((c) => (c.credentialType ?? '').toLowerCase() === 'azurevnet')
    .map((c) => ({ id: c.credentialId, name: c.name, type: c.credentialType ?? 'azurevnet' }));
}

export async function billingTagItems(api: AlkiraApi): Promise<BillingTagItem[]> {
  return (await api.billingTags()).map((t) => ({ id: Number(t.id), name: t.name, description: t.description ?? '' }));
}

export async function cxpItems(api: AlkiraApi): Promise<CxpItem[]> {
  return (await api.cxps())
    .filter((c) => (c.provider ?? '').toUpperCase() === 'AZURE')
    .map((c) => ({
      id: c.id,
      name: c.name,
      provider: c.provider ?? '',
      providerRegion: c.providerRegion ?? '',
      state: c.state ?? '',
    }));
}

export async function profileItems(api: AlkiraApi): Promise<TunnelProfileItem[]> {
  return (await api.ipsecTunnelProfiles()).map((p) => ({
    id: Number(p.id),
    name: p.name,
    description: p.description ?? '',
  }));
}

export async function catalogItems(api: AlkiraApi, kind: CatalogKind): Promise<unknown[]> {
  switch (kind) {
    case 'segments':
      return segmentItems(api);
    case 'groups':
      return groupItems(api);
    case 'credentials':
      return credentialItems(api);
    case 'billing-tags':
      return billingTagItems(api);
    case 'cxps':
      return cxpItems(api);
    case 'ipsec-tunnel-profiles':
      return profileItems(api);
  }
}
