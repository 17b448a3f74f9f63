/**
 * The connector proxy routes' success paths against the embedded emulator:
 * create → list → view → design → update → delete, catalog pickers, and
 * provision request polling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign, CIRCUIT, CRED_PROD, ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { call, emulator, storedTunnelKeys, TEST_ENV, waitForProvision } from './support';
import { at } from '../helpers/present';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
});
afterAll(async () => {
  await server?.stop();
});

describe('catalog pickers', () => {
  it('lists segments with string ids', async () => {
    const r = await call(server, 'GET', '/api/catalog/segments');
    expect(r.status).toBe(200);
    expect(r.body.items).toContainEqual({ id: '1', name: 'prod', asn: 65514 });
  });

  it('offers only Azure VNET credentials and Azure CXPs', async () => {
    const creds = await call(server, 'GET', '/api/catalog/credentials');
    expect(creds.status).toBe(200);
    expect(creds.body.items.length).toBeGreaterThan(0);
    expect(creds.body.items.every((c: { type: string }) => c.type === 'azurevnet')).toBe(true);
    expect(creds.body.items).toContainEqual({ id: CRED_PROD, name: 'azure-prod', type: 'azurevnet' });

    const cxps = await call(server, 'GET', '/api/catalog/cxps');
    expect(cxps.body.items.map((c: { name: string }) => c.name).sort()).toEqual([
      'EUWEST-AZURE-1',
      'USEAST-AZURE-1',
      'USWEST-AZURE-1',
    ]);
    expect(cxps.body.items[0]).toMatchObject({
      provider: 'AZURE',
      providerRegion: expect.any(String),
      state: expect.any(String),
    });
  });

  it('lists groups, billing tags and IPsec tunnel profiles', async () => {
    const groups = await call(server, 'GET', '/api/catalog/groups');
    expect(groups.body.items.map((g: { name: string }) => g.name)).toEqual(
      expect.arrayContaining(['networking', 'core-network', 'security', 'global-network']),
    );
    const tags = await call(server, 'GET', '/api/catalog/billing-tags');
    expect(tags.body.items).toContainEqual({ id: 101, name: 'production', description: 'Production workloads' });
    const profiles = await call(server, 'GET', '/api/catalog/ipsec-tunnel-profiles');
    expect(profiles.body.items.map((p: { id: number }) => p.id)).toEqual(expect.arrayContaining([10, 11, 12, 20, 21]));
  });

  it('answers 404 for an unknown catalog', async () => {
    const r = await call(server, 'GET', '/api/catalog/widgets');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatch(/Unknown catalog "widgets"/);
  });
});

describe('connector lifecycle', () => {
  let id: number;
  let createRequestId: string;

  it('creates and provisions a connector from a design (201)', async () => {
    const r = await call(server, 'POST', '/api/connectors', basicDesign('lifecycle-basic'));
    expect(r.status).toBe(201);
    expect(r.body.id).toEqual(expect.any(Number));
    expect(r.body.provisionRequestId).toEqual(expect.any(String));
    expect(r.body.connector).toMatchObject({
      id: r.body.id,
      name: 'lifecycle-basic',
      cxp: 'USWEST-AZURE-1',
      size: 'MEDIUM',
      tunnelProtocol: 'VXLAN_GPE',
      instances: 1,
      segments: 1,
      enabled: true,
      lastProvisionRequestId: r.body.provisionRequestId,
    });
    expect(Date.parse(r.body.connector.lastChange)).not.toBeNaN();
    id = r.body.id;
    createRequestId = r.body.provisionRequestId;

    // What reached Alkira: segment id "1" sent as its name, numbers as numbers.
    const live = await emulator(server, 'GET', `/v1/tenantnetworks/1/azure-express-route-connectors/${id}`);
    expect(live.body.segmentOptions).toEqual([
      { segmentName: 'prod', customerAsn: 65001, disableInternetExit: true, advertiseOnPremRoutes: true },
    ]);
    expect(live.body.group).toBe('networking');
    expect(live.body.billingTags).toEqual([101]);
  });

  it('tracks the provision request until it succeeds', async () => {
    const done = await waitForProvision(server, createRequestId);
    expect(done).toEqual({ id: createRequestId, state: 'SUCCESS' });
    const list = await call(server, 'GET', '/api/connectors');
    expect(list.status).toBe(200);
    expect(list.body.backend).toEqual({ mode: 'emulator' });
    const mine = list.body.connectors.find((c: { id: number }) => c.id === id);
    expect(mine).toMatchObject({
      name: 'lifecycle-basic',
      provisionState: 'SUCCESS',
      lastProvisionRequestId: createRequestId,
    });
  });

  it('shows the connector with its settings and provisioning history', async () => {
    const r = await call(server, 'GET', `/api/connectors/${id}`);
    expect(r.status).toBe(200);
    expect(r.body.connector).toMatchObject({ id, name: 'lifecycle-basic' });
    expect(r.body.settings).toMatchObject({
      id,
      name: 'lifecycle-basic',
      vhubPrefix: '10.130.0.0/23',
      cxp: 'USWEST-AZURE-1',
    });
    expect(r.body.provisionRequests).toEqual([
      {
        id: createRequestId,
        operation: 'create',
        state: 'SUCCESS',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
  });

  it('returns the live connector as a design with segment ids', async () => {
    const r = await call(server, 'GET', `/api/connectors/${id}/design`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: 'lifecycle-basic',
      size: 'MEDIUM',
      vhub_prefix: '10.130.0.0/23',
      group: 'networking',
      billing_tag_ids: [101],
      segment_options: [
        { segment_id: '1', customer_asn: 65001, disable_internet_exit: true, advertise_on_prem_routes: true },
      ],
    });
    expect(r.body.instances[0]).toMatchObject({
      name: 'primary-instance',
      credential_id: CRED_PROD,
      loopback_subnet: '192.168.20.0/26',
    });
  });

  it('updates the connector (PUT) and records the update', async () => {
    const design = {
      ...basicDesign('lifecycle-basic'),
      size: 'LARGE',
      segment_options: [{ segment_id: '4', customer_asn: 65010 }],
    };
    const r = await call(server, 'PUT', `/api/connectors/${id}`, design);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id, provisionRequestId: expect.any(String) });
    await waitForProvision(server, r.body.provisionRequestId);
    const view = await call(server, 'GET', `/api/connectors/${id}`);
    expect(view.body.connector).toMatchObject({ size: 'LARGE', lastProvisionRequestId: r.body.provisionRequestId });
    expect(view.body.settings.segmentOptions[0].segmentName).toBe('dev');
    expect(view.body.provisionRequests.map((p: { operation: string }) => p.operation)).toEqual(['update', 'create']);
  });

  it('deletes the connector (202) and it disappears once deprovisioned', async () => {
    const r = await call(server, 'DELETE', `/api/connectors/${id}`);
    expect(r.status).toBe(202);
    expect(r.body.provisionRequestId).toEqual(expect.any(String));
    const done = await waitForProvision(server, r.body.provisionRequestId);
    expect(done.state).toBe('SUCCESS');
    const list = await call(server, 'GET', '/api/connectors');
    expect(list.body.connectors.find((c: { id: number }) => c.id === id)).toBeUndefined();
    expect((await call(server, 'GET', `/api/connectors/${id}`)).status).toBe(404);
  });

  it('creates without provisioning when ?provision=false', async () => {
    const r = await call(server, 'POST', '/api/connectors?provision=false', basicDesign('not-provisioned'));
    expect(r.status).toBe(201);
    expect(r.body.provisionRequestId).toBeNull();
    expect(r.body.connector.lastProvisionRequestId).toBeNull();
  });
});

describe('IPsec connectors and pre-shared keys', () => {
  let id: number;

  it('provisions an IPSEC design and answers every key as a stored secret when read back', async () => {
    const r = await call(server, 'POST', '/api/connectors', ipsecDesign('ipsec-keys'));
    expect(r.status).toBe(201);
    id = r.body.id;
    const view = await call(server, 'GET', `/api/connectors/${id}`);
    const tunnels = view.body.settings.instances[0].segmentOptions.flatMap((so: any) =>
      so.customerGateways.flatMap((g: any) => g.tunnels),
    );
    expect(tunnels).toHaveLength(2);
    expect(tunnels.every((t: { preSharedKey: string }) => t.preSharedKey === '••••••••')).toBe(true);
    // remote_auth_value is sensitive in the provider schema: masked like the keys.
    expect(tunnels.every((t: { remoteAuthValue: string }) => t.remoteAuthValue === '••••••••')).toBe(true);
    expect(view.text).not.toContain(PSK_DMZ);
    expect(view.text).not.toContain('.example.com');

    const design = await call(server, 'GET', `/api/connectors/${id}/design`);
    expect(design.text).not.toContain(PSK_DMZ);
    expect(design.text).not.toContain('.example.com');
    const gw = design.body.instances[0].ipsec_customer_gateway;
    expect(gw.map((g: { segment_id: string }) => g.segment_id)).toEqual(['2', '3']);
    expect(gw[0].customer_gateway[0].tunnel[0]).toMatchObject({
      pre_shared_key: { stored: true },
      remote_auth_value: { stored: true },
      profile_id: 10,
      initiator: true,
    });
    expect(gw[1].customer_gateway[0].tunnel[0]).toMatchObject({ pre_shared_key: { stored: true }, initiator: false });
  });

  it('keeps the stored keys when the design is sent back with stored secrets', async () => {
    const design = (await call(server, 'GET', `/api/connectors/${id}/design`)).body;
    design.description = 'edited through the designer';
    const r = await call(server, 'PUT', `/api/connectors/${id}`, design);
    expect(r.status).toBe(200);
    const live = await emulator(server, 'GET', `/v1/tenantnetworks/1/azure-express-route-connectors/${id}`);
    expect(live.body.description).toBe('edited through the designer');
    const keys = live.body.instances[0].segmentOptions.flatMap((so: any) =>
      so.customerGateways.flatMap((g: any) => g.tunnels.map((t: any) => t.preSharedKey)),
    );
    expect(keys).toEqual([PSK_DMZ, PSK_INTERNAL]);
    const remoteAuth = live.body.instances[0].segmentOptions.flatMap((so: any) =>
      so.customerGateways.flatMap((g: any) => g.tunnels.map((t: any) => t.remoteAuthValue)),
    );
    expect(remoteAuth.every((v: string) => v.endsWith('.example.com'))).toBe(true);
  });

  it('replaces a key that is sent in clear', async () => {
    const design = (await call(server, 'GET', `/api/connectors/${id}/design`)).body;
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = 'rotated-key-0001';
    expect((await call(server, 'PUT', `/api/connectors/${id}`, design)).status).toBe(200);
    expect(storedTunnelKeys(server, id)).toEqual(['rotated-key-0001', PSK_INTERNAL]);
  });

  it('refuses a stored secret on a tunnel that has no stored key (409)', async () => {
    const design = (await call(server, 'GET', `/api/connectors/${id}/design`)).body;
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].name = 'renamed-tunnel';
    const r = await call(server, 'PUT', `/api/connectors/${id}`, design);
    expect(r.status).toBe(409);
    expect(r.body.unresolved).toEqual([
      {
        path: 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key',
        value: '(sensitive)',
        message: expect.stringMatching(/kept as stored, but nothing is stored/),
      },
      {
        path: 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.remote_auth_value',
        value: '(sensitive)',
        message: expect.stringMatching(/kept as stored, but nothing is stored/),
      },
    ]);
  });
});

describe('failed provisioning', () => {
  it('reports FAILED with the upstream error message in the request, the list and the view', async () => {
    const design = basicDesign('fails-to-provision');
    at(design.instances as Array<Record<string, unknown>>, 0).expressroute_circuit_id =
      CIRCUIT + 'fail-provision-circuit';
    const r = await call(server, 'POST', '/api/connectors', design);
    expect(r.status).toBe(201);
    const done = await waitForProvision(server, r.body.provisionRequestId);
    expect(done).toEqual({ id: r.body.provisionRequestId, state: 'FAILED', errorMessage: expect.any(String) });
    const list = await call(server, 'GET', '/api/connectors');
    expect(list.body.connectors.find((c: { id: number }) => c.id === r.body.id).provisionState).toBe('FAILED');
    const view = await call(server, 'GET', `/api/connectors/${r.body.id}`);
    expect(view.body.provisionRequests[0]).toMatchObject({ state: 'FAILED', errorMessage: done.errorMessage });
  });
});
