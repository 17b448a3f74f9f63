/**
 * Read-only catalog endpoints: tenant network summaries, segments, groups,
 * billing tags, credentials, CXPs, IPsec tunnel profiles. Lists accept
 * `?name=` (exact match) and always answer a plain array.
 */
import { ok, ApiError } from '../http';
import type { Handler, Route } from '../router';
import { TENANT_NETWORK_SUMMARY, type CatalogKind } from '../seed';
import { catalogList } from '../store';
import { requireTenant } from './common';

function listOf(kind: CatalogKind, perTenant: boolean): Handler {
  return ({ params, query }) => {
    if (perTenant) requireTenant(params.tn);
    const name = query.get('name');
    const list = catalogList(kind).filter((e) => name === null || e.name === name);
    return ok(list.map((e) => e.body));
  };
}

const getSegment: Handler = ({ params }) => {
  requireTenant(params.tn);
  const seg = catalogList('segments').find((e) => e.key === params.id);
  if (!seg) throw new ApiError(404, `Segment ${params.id} not found`);
  return ok(seg.body);
};

export const catalogRoutes: Route[] = [
  { pattern: '/api/tenantnetworksummaries', methods: { GET: () => ok([TENANT_NETWORK_SUMMARY]) } },
  { pattern: '/api/tenantnetworks/:tn/segments', methods: { GET: listOf('segments', true) } },
  { pattern: '/api/tenantnetworks/:tn/segments/:id', methods: { GET: getSegment } },
  { pattern: '/api/tenantnetworks/:tn/groups', methods: { GET: listOf('groups', true) } },
  { pattern: '/api/tags', methods: { GET: listOf('tags', false) } },
  { pattern: '/api/credentials', methods: { GET: listOf('credentials', false) } },
  { pattern: '/api/inventory/cxps', methods: { GET: listOf('cxps', false) } },
  { pattern: '/api/v1/tenantnetworks/:tn/ipsec-tunnel-profiles', methods: { GET: listOf('ipsecTunnelProfiles', true) } },
];
