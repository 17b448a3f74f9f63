/**
 * Catalog endpoints: tenant network summaries, segments, groups, billing tags,
 * credentials, CXPs, IPsec tunnel profiles. Lists accept `?name=` (exact
 * match) and always answer a plain array. Segments can be replaced (PUT), so a
 * rename can be seen reaching the connectors that use it.
 */
import { z } from 'zod';
import { ok, ApiError, readJsonBody } from '../http';
import type { Handler, Route } from '../router';
import { TENANT_NETWORK_SUMMARY, type EmulatorCatalogKind } from '../seed';
import { catalogList, renameSegmentInConnectors, replaceCatalogEntry, transaction } from '../store';
import { requireTenant } from './common';

function listOf(kind: EmulatorCatalogKind, perTenant: boolean): Handler {
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

const segmentBody = z.object({
  name: z.string().trim().min(1, 'name is required').max(128),
  asn: z.number().int().optional(),
  ipBlocks: z.object({ values: z.array(z.string()) }).optional(),
});

/** PUT (full replacement, as `alkira_segment` does): a rename reaches every connector using the segment. */
const putSegment: Handler = async ({ req, params }) => {
  requireTenant(params.tn);
  const seg = catalogList('segments').find((e) => e.key === params.id);
  if (!seg) throw new ApiError(404, `Segment ${params.id} not found`);
  const parsed = segmentBody.safeParse(await readJsonBody(req));
  if (!parsed.success)
    throw new ApiError(400, parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '));
  const next = { ...seg.body, ...parsed.data, id: seg.body.id };
  transaction(() => {
    if (catalogList('segments').some((e) => e.key !== seg.key && e.name === next.name))
      throw new ApiError(409, `A segment named "${next.name}" already exists`);
    replaceCatalogEntry('segments', seg.key, next.name, next);
    if (next.name !== seg.name) renameSegmentInConnectors(seg.name, next.name);
  });
  return ok(next);
};

export const catalogRoutes: Route[] = [
  { pattern: '/api/tenantnetworksummaries', methods: { GET: () => ok([TENANT_NETWORK_SUMMARY]) } },
  { pattern: '/api/tenantnetworks/:tn/segments', methods: { GET: listOf('segments', true) } },
  { pattern: '/api/tenantnetworks/:tn/segments/:id', methods: { GET: getSegment, PUT: putSegment } },
  { pattern: '/api/tenantnetworks/:tn/groups', methods: { GET: listOf('groups', true) } },
  { pattern: '/api/tags', methods: { GET: listOf('tags', false) } },
  { pattern: '/api/credentials', methods: { GET: listOf('credentials', false) } },
  { pattern: '/api/inventory/cxps', methods: { GET: listOf('cxps', false) } },
  {
    pattern: '/api/v1/tenantnetworks/:tn/ipsec-tunnel-profiles',
    methods: { GET: listOf('ipsecTunnelProfiles', true) },
  },
];
