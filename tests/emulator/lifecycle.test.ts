/** Connector lifecycle against the emulator: create, provision, fail, update, delete, list by name. */
import { describe, expect, it } from 'vitest';
import { storedTunnelKeys } from '../api/support';
import { basicDesign, ipsecDesign, PSK_DMZ } from '../helpers/designs';
import { CONNECTORS, toBody, emulatorServerForFile } from '../helpers/emulator-api';

const emulator = emulatorServerForFile();
const { api } = emulator;

describe('create', () => {
  it('creates with provision=true: 202, provision request PENDING/IN_PROGRESS then SUCCESS', async () => {
    const created = await api.call('POST', `${CONNECTORS}?provision=true`, toBody(basicDesign('er-basic')));
    expect(created.status).toBe(202);
    const requestId = created.headers.get('x-provision-request-id');
    expect(requestId).toBeTruthy();
    expect(created.body).toMatchObject({
      name: 'er-basic',
      size: 'MEDIUM',
      cxp: 'USWEST-AZURE-1',
      group: 'networking',
      billingTags: [101],
    });
    expect(typeof created.body.id).toBe('number');
    expect(typeof created.body.implicitGroupId).toBe('number');
    expect(typeof created.body.instances[0].id).toBe('number');
    expect(['PENDING', 'IN_PROGRESS']).toContain(created.body.provisionState);

    const { final, seen } = await api.settle(requestId!);
    expect(['PENDING', 'IN_PROGRESS']).toContain(seen[0]);
    expect(final).toMatchObject({ id: requestId, state: 'SUCCESS', operation: 'create', connectorId: created.body.id });

    const item = await api.call('GET', `${CONNECTORS}/${created.body.id}?includeMarkedForDeletion=true`);
    expect(item.status).toBe(200);
    expect(item.headers.get('x-provision-request-state')).toBe('SUCCESS');
    expect(item.headers.get('x-provision-request-id')).toBe(requestId);
    expect(item.body.provisionState).toBe('SUCCESS');
    const state = await api.call('GET', `/tenantnetworks/1/connectors/${created.body.id}`);
    expect(state.body).toEqual({ state: 'SUCCESS', docState: 'ACTIVE' });
  });

  it('creates without provisioning: 201, no provision request, state null', async () => {
    const created = await api.call('POST', CONNECTORS, toBody(basicDesign('er-draft')));
    expect(created.status).toBe(201);
    expect(created.headers.get('x-provision-request-id')).toBeNull();
    expect(created.body.provisionState).toBeNull();
  });

  it('stores IPsec tunnels with their pre-shared keys and assigns gateway and tunnel ids', async () => {
    const created = await api.call('POST', `${CONNECTORS}?provision=true`, toBody(ipsecDesign('er-ipsec')));
    expect(created.status).toBe(202);
    const tunnel = created.body.instances[0].segmentOptions[0].customerGateways[0].tunnels[0];
    // The tests hold the app's token, so they see what the app sees.
    expect(tunnel).toMatchObject({ name: 'primary-tunnel', preSharedKey: PSK_DMZ, profileId: 10 });
    expect(storedTunnelKeys(emulator.server, created.body.id)).toContain(PSK_DMZ);
    expect(typeof tunnel.id).toBe('string');
    expect(emulator.server.logs()).not.toContain(PSK_DMZ);
  });

  it('fails provisioning for the fail circuit, with errorDetails.message', async () => {
    const created = await api.call(
      'POST',
      `${CONNECTORS}?provision=true`,
      toBody(basicDesign('er-doomed', 'fail-provision-circuit')),
    );
    expect(created.status).toBe(202);
    const { final } = await api.settle(created.headers.get('x-provision-request-id')!);
    expect(final.state).toBe('FAILED');
    expect(final.errorDetails.message).toMatch(/fail-provision-circuit/);
    const item = await api.call('GET', `${CONNECTORS}/${created.body.id}`);
    expect(item.headers.get('x-provision-request-state')).toBe('FAILED');
  });

  it('refuses a duplicate name with 409', async () => {
    await api.call('POST', CONNECTORS, toBody(basicDesign('er-unique')));
    const again = await api.call('POST', CONNECTORS, toBody(basicDesign('er-unique')));
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/er-unique.*already exists/);
  });
});

describe('list', () => {
  it('filters by name and carries provision state in items', async () => {
    await api.call('POST', CONNECTORS, toBody(basicDesign('er-find-me')));
    const found = await api.call('GET', `${CONNECTORS}?name=er-find-me&paginated=false`);
    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(1);
    expect(found.body[0]).toHaveProperty('provisionState');
    expect((await api.call('GET', `${CONNECTORS}?name=er-nobody&paginated=false`)).body).toEqual([]);
    const all = await api.call('GET', CONNECTORS);
    expect(all.body.length).toBeGreaterThan(1);
  });
});

describe('update', () => {
  it('replaces the connector with PUT, keeping instance ids, and provisions the update', async () => {
    const created = await api.call('POST', CONNECTORS, toBody(basicDesign('er-change')));
    const body = { ...toBody(basicDesign('er-change')), size: 'LARGE', description: 'now larger' };
    const put = await api.call('PUT', `${CONNECTORS}/${created.body.id}?provision=true`, body);
    expect(put.status).toBe(202);
    expect(put.body).toMatchObject({ id: created.body.id, size: 'LARGE', description: 'now larger' });
    expect(put.body.instances[0].id).toBe(created.body.instances[0].id);
    const { final } = await api.settle(put.headers.get('x-provision-request-id')!);
    expect(final).toMatchObject({ state: 'SUCCESS', operation: 'update' });
    expect((await api.call('GET', `${CONNECTORS}/${created.body.id}`)).body.size).toBe('LARGE');
  });

  it('answers 200 without provisioning, 400 for an invalid body, 409 when renaming onto another connector', async () => {
    const a = await api.call('POST', CONNECTORS, toBody(basicDesign('er-a')));
    await api.call('POST', CONNECTORS, toBody(basicDesign('er-b')));
    const plain = await api.call('PUT', `${CONNECTORS}/${a.body.id}`, {
      ...toBody(basicDesign('er-a')),
      enabled: false,
    });
    expect(plain.status).toBe(200);
    expect(plain.body.enabled).toBe(false);
    const invalid = await api.call('PUT', `${CONNECTORS}/${a.body.id}`, {
      ...toBody(basicDesign('er-a')),
      enabled: 'no',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toContain('enabled');
    const clash = await api.call('PUT', `${CONNECTORS}/${a.body.id}`, toBody(basicDesign('er-b')));
    expect(clash.status).toBe(409);
  });
});

describe('delete', () => {
  it('marks for deletion with provision=true and removes the connector once the request succeeds', async () => {
    const created = await api.call('POST', `${CONNECTORS}?provision=true`, toBody(basicDesign('er-gone')));
    const id = created.body.id;
    const del = await api.call('DELETE', `${CONNECTORS}/${id}?provision=true`);
    expect(del.status).toBe(202);
    const requestId = del.headers.get('x-provision-request-id')!;
    expect(requestId).toBeTruthy();

    const marked = await api.call('GET', `${CONNECTORS}/${id}?includeMarkedForDeletion=true`);
    expect(marked.status).toBe(200);
    expect(marked.body.markedForDeletion).toBe(true);
    expect((await api.call('GET', `${CONNECTORS}/${id}`)).status).toBe(404);

    const { final } = await api.settle(requestId);
    expect(final).toMatchObject({ state: 'SUCCESS', operation: 'delete' });
    expect((await api.call('GET', `${CONNECTORS}/${id}?includeMarkedForDeletion=true`)).status).toBe(404);
    expect((await api.call('GET', `${CONNECTORS}?name=er-gone&paginated=false`)).body).toEqual([]);
    // The name is free again.
    expect((await api.call('POST', CONNECTORS, toBody(basicDesign('er-gone')))).status).toBe(201);
  });

  it('deletes at once without provisioning', async () => {
    const created = await api.call('POST', CONNECTORS, toBody(basicDesign('er-quick')));
    const del = await api.call('DELETE', `${CONNECTORS}/${created.body.id}`);
    expect(del.status).toBe(200);
    expect((await api.call('GET', `${CONNECTORS}/${created.body.id}?includeMarkedForDeletion=true`)).status).toBe(404);
  });
});
