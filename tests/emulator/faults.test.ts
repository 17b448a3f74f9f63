/** Fault injection through the admin API, and persistence across a restart. */
import { describe, expect, it } from 'vitest';
import { basicDesign } from '../helpers/designs';
import { client, CONNECTORS, toBody, emulatorServerForFile } from '../helpers/emulator-api';
import { startServer } from '../helpers/server';

const emulator = emulatorServerForFile();
const { api } = emulator;

describe('admin fault rules', () => {
  it('answers 429 with Retry-After for the configured number of times, then serves normally', async () => {
    const added = await api.admin('faults', {
      rules: [{ method: 'GET', path: '/tags', status: 429, retryAfter: 2, times: 2 }],
    });
    expect(added.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const r = await api.call('GET', '/tags');
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('2');
    }
    expect((await api.call('GET', '/tags')).status).toBe(200);
  });

  it('afterCommit creates the connector but answers 500', async () => {
    await api.admin('faults', {
      rules: [{ method: 'POST', path: 'azure-express-route-connectors', status: 500, times: 1, afterCommit: true }],
    });
    const r = await api.call('POST', `${CONNECTORS}?provision=true`, toBody(basicDesign('er-lost-reply')));
    expect(r.status).toBe(500);
    expect(r.body.message).toBeTruthy();
    const found = await api.call('GET', `${CONNECTORS}?name=er-lost-reply&paginated=false`);
    expect(found.body).toHaveLength(1);
  });

  it('delays the answer by delayMs', async () => {
    await api.admin('faults', { rules: [{ path: '/inventory/cxps', delayMs: 700, times: 1 }] });
    const started = Date.now();
    const r = await api.call('GET', '/inventory/cxps');
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
  });

  it('rejects an invalid rule and resets everything', async () => {
    expect((await api.admin('faults', { rules: [{ status: 'teapot' }] })).status).toBe(400);
    await api.admin('faults', { rules: [{ path: '/tags', status: 503, times: 5 }] });
    expect((await api.admin('reset')).status).toBe(200);
    expect((await api.call('GET', '/tags')).status).toBe(200);
    expect((await api.call('GET', CONNECTORS)).body).toEqual([]);
  });
});

describe('persistence', () => {
  it('keeps connectors and provision requests across a restart with the same data directory', async () => {
    const created = await api.call('POST', `${CONNECTORS}?provision=true`, toBody(basicDesign('er-durable')));
    const requestId = created.headers.get('x-provision-request-id')!;
    await emulator.restart();
    const item = await api.call('GET', `${CONNECTORS}/${created.body.id}`);
    expect(item.status).toBe(200);
    expect(item.body.name).toBe('er-durable');
    const { final } = await api.settle(requestId);
    expect(final.state).toBe('SUCCESS');
  });
});

describe('environment faults, admin disabled', () => {
  it('answers every API call with 500 at ALKIRA_EMULATOR_RATE_500=1, and hides the admin endpoints', async () => {
    const plain = await startServer({ ALKIRA_EMULATOR_RATE_500: '1' });
    try {
      const r = await client(plain).call('GET', '/tags');
      expect(r.status).toBe(500);
      expect(r.body.message).toBeTruthy();
      const admin = await fetch(plain.url + '/emulator/_admin/reset', { method: 'POST' });
      expect(admin.status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
