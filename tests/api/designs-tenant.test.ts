/**
 * POST /api/designs/validate?tenant=1 over real HTTP: the tenant checks
 * against the embedded emulator's tenant, added to the offline answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, TEST_ENV } from './support';
import { checkDesignOffline } from '@/lib/connector/check';
import type { ConnectorDesign } from '@/lib/connector/design';

let server: RunningServer;
let seededId: number;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
  // vhub_prefix 10.130.0.0/23, loopback 192.168.20.0/26.
  const created = await call(server, 'POST', '/api/connectors?provision=false', basicDesign('seeded-er'));
  expect(created.status).toBe(201);
  seededId = created.body.id;
});
afterAll(async () => {
  await server?.stop();
});

const validate = (design: unknown, query = '') => call(server, 'POST', `/api/designs/validate${query}`, design);

describe('POST /api/designs/validate?tenant=1', () => {
  it('reports a prefix and a name a seeded connector has, at their fields, naming it', async () => {
    const design = basicDesign('seeded-er');
    const r = await validate(design, '?tenant=1');
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.errors).toEqual([
      {
        path: 'name',
        message: `name "seeded-er" is taken by connector id ${seededId} in this tenant; connector names are unique, choose another`,
        ruleId: 'tenant-name-taken',
      },
      {
        path: 'vhub_prefix',
        message: `vhub_prefix 10.130.0.0/23 overlaps connector "seeded-er" (id ${seededId})'s vhub_prefix 10.130.0.0/23; the next free /23 is 10.130.2.0/23`,
        ruleId: 'tenant-vhub-prefix-overlap',
        fix: '10.130.2.0/23',
      },
      {
        path: 'instances.0.loopback_subnet',
        message: `Instance "primary-instance": loopback_subnet 192.168.20.0/26 overlaps connector "seeded-er" (id ${seededId})'s loopback_subnet (instance #1) 192.168.20.0/26; the next free /26 is 192.168.20.64/26`,
        ruleId: 'tenant-loopback-subnet-overlap',
        fix: '192.168.20.64/26',
      },
    ]);
    // The offline answer is all there too, unchanged.
    expect(r.body.warnings).toEqual(checkDesignOffline(design as unknown as ConnectorDesign).warnings);
  });

  it('an edit of that connector (connector=<id>) is not in its own way', async () => {
    const r = await validate(basicDesign('seeded-er'), `?tenant=1&connector=${seededId}`);
    expect(r.body).toMatchObject({ ok: true, errors: [] });
  });

  it('reports literal references the tenant catalog lacks', async () => {
    const design: Record<string, any> = {
      ...basicDesign('fresh-er'),
      vhub_prefix: '10.140.0.0/23',
      group: 'no-such-group',
    };
    design.segment_options[0].segment_id = 'dmz';
    const r = await validate(design, '?tenant=1');
    expect(r.body.errors).toEqual([
      expect.objectContaining({ path: 'instances.0.loopback_subnet', ruleId: 'tenant-loopback-subnet-overlap' }),
      {
        path: 'group',
        message: '"no-such-group" is not a group name of this tenant',
        ruleId: 'tenant-unknown-reference',
      },
      {
        path: 'segment_options.0.segment_id',
        message: '"dmz" is not a segment id of this tenant; the segment named "dmz" has id 2',
        ruleId: 'tenant-unknown-reference',
        fix: '2',
      },
    ]);
  });

  it('without tenant=1 the answer is the offline check alone', async () => {
    const design = basicDesign('seeded-er');
    const r = await validate(design);
    const offline = checkDesignOffline(design as unknown as ConnectorDesign);
    expect(r.body).toEqual({ ok: offline.ok, errors: offline.errors, warnings: offline.warnings });
    expect(r.body.ok).toBe(true);
  });
});
