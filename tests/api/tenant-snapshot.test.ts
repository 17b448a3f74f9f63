/**
 * GET /api/tenant/snapshot over real HTTP: the designer's copy of the tenant
 * (embedded emulator), revalidated by ETag, with nothing secret in it, and
 * checked in the designer's way (components/designer/design-check.ts) it
 * answers what `POST /api/designs/validate?tenant=1` answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign, ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { call, clearFaults, CONNECTORS_PATH, injectFaults, TEST_ENV } from './support';
import { checkDesign } from '@/components/designer/design-check';
import { DEFAULT_CHECK_OPTIONS } from '@/lib/connector/check';
import type { ConnectorDesign } from '@/lib/connector/design';
import { fromWire, indexTenant, type TenantSnapshotWire } from '@/lib/connector/tenant';

let server: RunningServer;
let basicId: number;
let ipsecId: number;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
  const basic = await call(server, 'POST', '/api/connectors?provision=false', basicDesign('snapshot-basic'));
  const ipsec = await call(server, 'POST', '/api/connectors?provision=false', ipsecDesign('snapshot-ipsec'));
  expect([basic.status, ipsec.status]).toEqual([201, 201]);
  basicId = basic.body.id;
  ipsecId = ipsec.body.id;
});
afterAll(async () => {
  await server?.stop();
});

const snapshot = (headers: Record<string, string> = {}) =>
  call<TenantSnapshotWire>(server, 'GET', '/api/tenant/snapshot', undefined, headers);

describe('GET /api/tenant/snapshot', () => {
  it("has every connector's id, name, vHub prefix and loopbacks, and the catalog, but no key or circuit", async () => {
    const r = await snapshot();
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(r.headers.get('cache-control')).toBe('private, no-cache');
    expect(r.body.connectors).toContainEqual([basicId, 'snapshot-basic', '10.130.0.0/23', ['192.168.20.0/26']]);
    expect(r.body.connectors).toContainEqual([ipsecId, 'snapshot-ipsec', '10.132.0.0/23', ['192.168.22.0/26']]);
    expect(r.body.catalog.segment?.map((s) => [String(s.id), s.name])).toContainEqual(['1', 'prod']);
    expect(r.body.catalog.group?.map((g) => g.name)).toContain('networking');
    for (const secret of [PSK_DMZ, PSK_INTERNAL, 'primary-circuit', 'multi-segment-circuit', 'example.com'])
      expect(r.text).not.toContain(secret);
  });

  it('answers 304 to its own ETag, and a new ETag once the tenant changed', async () => {
    const first = await snapshot();
    const etag = first.headers.get('etag') ?? '';
    const again = await snapshot({ 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const later = basicDesign('snapshot-later') as { instances: Record<string, unknown>[] };
    const created = await call(server, 'POST', '/api/connectors?provision=false', {
      ...later,
      vhub_prefix: '10.134.0.0/23',
      instances: [{ ...later.instances[0], loopback_subnet: '192.168.24.0/26' }],
    });
    expect(created.status).toBe(201);
    const after = await snapshot({ 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.body.connectors.map((c) => c[1])).toContain('snapshot-later');
  });

  it("checked the designer's way, gives the API's tenant findings (same paths, messages and fixes)", async () => {
    const { body } = await snapshot();
    const tenant = { index: indexTenant(fromWire(body)), linkedConnectorId: null };
    const design = { ...basicDesign('snapshot-ipsec'), group: 'no-such-group' };
    const api = await call(server, 'POST', '/api/designs/validate?tenant=1', design);
    const designer = checkDesign(design as unknown as ConnectorDesign, DEFAULT_CHECK_OPTIONS, tenant);
    expect(designer.errors).toEqual(api.body.errors);
    expect(designer.errors.map((e) => e.path)).toEqual(['name', 'vhub_prefix', 'instances.0.loopback_subnet', 'group']);
    // As an edit of the connector it names, its own name is not taken.
    const linked = checkDesign(design as unknown as ConnectorDesign, DEFAULT_CHECK_OPTIONS, {
      ...tenant,
      linkedConnectorId: ipsecId,
    });
    const apiLinked = await call(server, 'POST', `/api/designs/validate?tenant=1&connector=${ipsecId}`, design);
    expect(linked.errors).toEqual(apiLinked.body.errors);
    expect(linked.errors.map((e) => e.path)).not.toContain('name');
  });

  it('says why when the tenant cannot be listed (a 5xx naming the problem, no stack)', async () => {
    await injectFaults(server, [{ method: 'GET', path: CONNECTORS_PATH, status: 500, times: 20 }]);
    try {
      const r = await call<{ error?: string }>(server, 'GET', '/api/tenant/snapshot');
      expect(r.status).toBeGreaterThanOrEqual(502);
      expect(r.body.error).toMatch(/\w/);
      expect(r.text).not.toMatch(/\n\s+at /);
    } finally {
      await clearFaults(server);
    }
  });
});
