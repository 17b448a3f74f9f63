/** The emulated Alkira API's surface: auth, discovery, catalog, errors, body validation. */
import { describe, expect, it } from 'vitest';
import { basicDesign, ipsecDesign } from '../helpers/designs';
import { CONNECTORS, toBody, emulatorServerForFile } from '../helpers/emulator-api';
import { APP_CALLER_HEADERS } from '../helpers/server';

const emulator = emulatorServerForFile();
const { api } = emulator;

describe('authentication', () => {
  it('answers 401 with a JSON message without an Authorization header', async () => {
    const res = await fetch(emulator.server.url + '/emulator/api/tenantnetworksummaries', {
      headers: APP_CALLER_HEADERS,
    });
    expect(res.status).toBe(401);
    expect((await res.json()).message).toMatch(/api-key/);
  });

  it('answers 401 for a wrong key and for another scheme', async () => {
    const wrong = await api.call('GET', '/tenantnetworksummaries', undefined, {
      authorization: 'api-key ' + Buffer.from('not-the-key').toString('base64'),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Invalid API key');
    const basic = await api.call('GET', '/tenantnetworksummaries', undefined, { authorization: 'basic dXNlcjpwYXNz' });
    expect(basic.status).toBe(401);
  });

  it('echoes x-ak-request-id', async () => {
    const r = await api.call('GET', '/tenantnetworksummaries', undefined, { 'x-ak-request-id': 'client-abc-123' });
    expect(r.headers.get('x-ak-request-id')).toBe('client-abc-123');
  });
});

describe('tenant and catalog', () => {
  it('discovers tenant network 1', async () => {
    const r = await api.call('GET', '/tenantnetworksummaries');
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ id: 1, name: 'acme-tenant-network' });
  });

  it('lists segments, finds one by id and by name', async () => {
    const all = await api.call('GET', '/tenantnetworks/1/segments');
    expect(all.body.map((s: any) => s.name)).toEqual(
      expect.arrayContaining(['prod', 'dmz', 'internal', 'dev', 'shared-services']),
    );
    expect(all.body[0]).toHaveProperty('ipBlocks.values');
    const one = await api.call('GET', '/tenantnetworks/1/segments/2');
    expect(one.body).toMatchObject({ id: 2, name: 'dmz' });
    const byName = await api.call('GET', '/tenantnetworks/1/segments?name=internal&paginated=false');
    expect(byName.body).toHaveLength(1);
    expect(byName.body[0].id).toBe(3);
    expect((await api.call('GET', '/tenantnetworks/1/segments/99')).status).toBe(404);
  });

  it('lists groups, billing tags, credentials of several types, CXPs and tunnel profiles', async () => {
    const groups = await api.call('GET', '/tenantnetworks/1/groups');
    expect(groups.body.map((g: any) => g.name)).toEqual(['networking', 'core-network', 'security', 'global-network']);
    const tags = await api.call('GET', '/tags');
    expect(tags.body.map((t: any) => t.name)).toEqual(['production', 'networking', 'cost-center-42']);
    const creds = await api.call('GET', '/credentials');
    const types = new Set(creds.body.map((c: any) => c.credentialType));
    expect(types.has('azurevnet')).toBe(true);
    expect(types.size).toBeGreaterThan(1);
    const cxps = await api.call('GET', '/inventory/cxps');
    expect(cxps.body.find((c: any) => c.name === 'USWEST-AZURE-1')).toMatchObject({ provider: 'AZURE' });
    expect(cxps.body.some((c: any) => c.provider !== 'AZURE')).toBe(true);
    const profiles = await api.call('GET', '/v1/tenantnetworks/1/ipsec-tunnel-profiles');
    expect(profiles.body.map((p: any) => p.id)).toEqual([10, 11, 12, 20, 21]);
    expect(profiles.body[0].ikeConfiguration).toHaveProperty('dhGroup');
  });
});

describe('errors', () => {
  it('answers 404 for unknown paths, tenants and ids', async () => {
    expect((await api.call('GET', '/no/such/thing')).status).toBe(404);
    expect((await api.call('GET', '/v1/tenantnetworks/7/azure-express-route-connectors')).status).toBe(404);
    const missing = await api.call('GET', `${CONNECTORS}/987654`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/987654 not found/);
    expect((await api.call('PUT', `${CONNECTORS}/987654`, toBody(basicDesign('x')))).status).toBe(404);
    expect((await api.call('DELETE', `${CONNECTORS}/987654?provision=true`)).status).toBe(404);
    expect((await api.call('GET', '/tenantnetworks/1/provision-requests/nope')).status).toBe(404);
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const r = await api.call('DELETE', CONNECTORS);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, POST');
    expect((await api.call('POST', '/tags', {})).status).toBe(405);
    const patch = await api.call('PATCH', `${CONNECTORS}/1`, {});
    expect(patch.status).toBe(405);
    expect(patch.body.message).toMatch(/PATCH is not allowed/);
  });
});

describe('body validation', () => {
  it('rejects malformed JSON with 400', async () => {
    const r = await api.call('POST', CONNECTORS, '{"name": "broken",');
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/not valid JSON/);
  });

  it('rejects a wrong type with 400 naming the field', async () => {
    const body: any = toBody(basicDesign('typed'));
    body.segmentOptions[0].customerAsn = 'sixty-five thousand';
    body.instances[0].redundantRouter = 'yes';
    const r = await api.call('POST', CONNECTORS, body);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('segmentOptions[0].customerAsn');
    expect(r.body.errors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining(['segmentOptions[0].customerAsn', 'instances[0].redundantRouter']),
    );
  });

  it('rejects a missing required field and an unknown size', async () => {
    const body: any = toBody(basicDesign('missing'));
    delete body.vhubPrefix;
    body.size = 'HUGE';
    const r = await api.call('POST', CONNECTORS, body);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('vhubPrefix');
    expect(r.body.message).toContain('size');
  });

  it('rejects references the tenant does not have, naming each', async () => {
    const body: any = toBody(basicDesign('dangling'));
    body.segmentOptions[0].segmentName = 'nowhere';
    body.instances[0].credentialId = '9a8b7c6d-0000-4000-8000-00000000aw51'; // the AWS credential
    body.group = 'no-such-group';
    body.billingTags = [999];
    body.cxp = 'US-WEST-1';
    const r = await api.call('POST', CONNECTORS, body);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('segment "nowhere" does not exist');
    expect(r.body.message).toContain('not azurevnet');
    expect(r.body.message).toContain('group "no-such-group"');
    expect(r.body.message).toContain('billing tag 999');
    expect(r.body.message).toContain('not an Azure CXP');
    const list = await api.call('GET', `${CONNECTORS}?name=dangling&paginated=false`);
    expect(list.body).toEqual([]);
  });

  it('rejects an unknown IPsec tunnel profile', async () => {
    const body: any = toBody(basicDesign('profiles'));
    body.tunnelProtocol = 'IPSEC';
    body.instances[0].segmentOptions = [
      {
        segmentName: 'prod',
        customerGateways: [
          {
            name: 'gw',
            tunnels: [
              {
                name: 't',
                initiator: true,
                profileId: 77,
                ikeVersion: 'IKEv2',
                preSharedKey: 'x-secret',
                remoteAuthType: 'FQDN',
                remoteAuthValue: 'gw.example.com',
              },
            ],
          },
        ],
      },
    ];
    const r = await api.call('POST', CONNECTORS, body);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('instances[0].segmentOptions[0].customerGateways[0].tunnels[0].profileId');
  });

  it('rejects an unknown key deep in a tunnel with 400 naming its path, and stores nothing', async () => {
    const body: any = toBody(ipsecDesign('unknown-deep'));
    body.instances[0].segmentOptions[1].customerGateways[0].tunnels[0].preSharedKeys = 'typo-secret';
    const r = await api.call('POST', CONNECTORS, body);
    expect(r.status).toBe(400);
    const field = 'instances[0].segmentOptions[1].customerGateways[0].tunnels[0].preSharedKeys';
    expect(r.body.errors).toEqual([{ field, message: 'unknown field preSharedKeys — did you mean preSharedKey?' }]);
    expect(r.body.message).toContain(field);
    // The value of an unknown field is never quoted back.
    expect(JSON.stringify(r.body)).not.toContain('typo-secret');
    const list = await api.call('GET', `${CONNECTORS}?name=unknown-deep&paginated=false`);
    expect(list.body).toEqual([]);
  });

  it('rejects unknown keys at the top and in a segment option, each at its own path', async () => {
    const body: any = { ...toBody(basicDesign('unknown-top')), provisioningState: 'SUCCESS' };
    body.segmentOptions[0].foo = 1;
    const r = await api.call('POST', CONNECTORS, body);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: any) => e.field).sort()).toEqual(['provisioningState', 'segmentOptions[0].foo']);
  });

  it('still accepts a valid IPsec body, storing every field it was sent', async () => {
    const body = toBody(ipsecDesign('valid-ipsec'));
    const r = await api.call('POST', CONNECTORS, body);
    expect(r.status).toBe(201);
    const tunnel = r.body.instances[0].segmentOptions[0].customerGateways[0].tunnels[0];
    expect(tunnel).toMatchObject({
      name: 'primary-tunnel',
      ikeVersion: 'IKEv2',
      initiator: true,
      profileId: 10,
      remoteAuthType: 'FQDN',
    });
    expect(typeof tunnel.id).toBe('string');
    // A body read back (ids, provision state and all) is a valid request too.
    expect(r.body).toHaveProperty('provisionState');
    const again = await api.call('PUT', `${CONNECTORS}/${r.body.id}`, r.body);
    expect(again.status).toBe(200);
    expect(again.body.instances[0].segmentOptions[0].customerGateways[0].tunnels[0].id).toBe(tunnel.id);
  });
});
