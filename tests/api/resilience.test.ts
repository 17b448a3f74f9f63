/**
 * The client's behaviour when Alkira misbehaves, provoked through the
 * emulator's admin fault rules: retries that recover, failures that surface
 * as 502/504 with a clear message, and a create whose response is lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, clearFaults, CONNECTORS_PATH, emulator, injectFaults, TEST_ENV } from './support';
import { at } from '../helpers/present';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
});
afterEach(async () => {
  await clearFaults(server);
});
afterAll(async () => {
  await server?.stop();
});

async function connectorsNamed(name: string) {
  const r = await emulator(
    server,
    'GET',
    `/v1/tenantnetworks/1${CONNECTORS_PATH}?name=${encodeURIComponent(name)}&paginated=false`,
  );
  return (r.body as Array<{ name: string; id: number }>).filter((c) => c.name === name);
}

describe('retries', () => {
  it('recovers from 429 (honouring Retry-After) and answers normally', async () => {
    await call(server, 'GET', '/api/catalog/groups'); // tenant id already discovered
    await injectFaults(server, [{ method: 'GET', path: '/groups', status: 429, retryAfter: 1, times: 2 }]);
    const started = Date.now();
    const r = await call(server, 'GET', '/api/catalog/groups');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBe(4);
    // Two waits of Retry-After: 1 s each.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(server.logs()).toMatch(/GET \/emulator\/api\/tenantnetworks\/1\/groups: attempt 2 failed \(HTTP 429\)/);
  });

  it('retries a create refused with 429 and creates exactly one connector', async () => {
    await injectFaults(server, [{ method: 'POST', path: CONNECTORS_PATH, status: 429, times: 2 }]);
    const r = await call(server, 'POST', '/api/connectors', basicDesign('after-429'));
    expect(r.status).toBe(201);
    expect(await connectorsNamed('after-429')).toHaveLength(1);
  });

  it('recovers from transient 503s', async () => {
    await injectFaults(server, [{ method: 'GET', path: CONNECTORS_PATH, status: 503, times: 3 }]);
    const r = await call(server, 'GET', '/api/connectors');
    expect(r.status).toBe(200);
  });
});

describe('upstream failures', () => {
  it('answers 502 with a clear message when Alkira keeps failing', async () => {
    await injectFaults(server, [{ method: 'GET', path: CONNECTORS_PATH, status: 500, times: 50 }]);
    const r = await call(server, 'GET', '/api/connectors');
    expect(r.status).toBe(502);
    expect(r.body).toEqual({ error: 'The Alkira API failed with HTTP 500 (after 5 attempts): Internal server error' });
  });

  it('answers 504 when Alkira does not answer in time', async () => {
    await injectFaults(server, [{ method: 'GET', path: '/segments', delayMs: 4000, status: 500, times: 5 }]);
    const started = Date.now();
    const r = await call(server, 'GET', '/api/catalog/segments');
    expect(r.status).toBe(504);
    expect(r.body.error).toMatch(
      /^The Alkira API at 127\.0\.0\.1:\d+ did not answer within 1500 ms \(after 2 attempts\)$/,
    );
    // One retry only: a hung upstream must not hold the browser for long.
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('passes an upstream 4xx through with its message', async () => {
    await injectFaults(server, [{ method: 'GET', path: '/tags', status: 403, times: 1 }]);
    const r = await call(server, 'GET', '/api/catalog/billing-tags');
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/^Alkira API: /);
  });
});

describe('a create whose response is lost', () => {
  it('adopts the connector the lost attempt made instead of creating a duplicate (500 after commit)', async () => {
    await injectFaults(server, [{ method: 'POST', path: CONNECTORS_PATH, status: 500, afterCommit: true, times: 1 }]);
    const r = await call(server, 'POST', '/api/connectors', basicDesign('lost-response'));
    expect(r.status).toBe(201);
    expect(r.body.connector.name).toBe('lost-response');
    // Recovered from the connector itself, so the UI can still follow provisioning.
    expect(r.body.provisionRequestId).toEqual(expect.any(String));
    const found = await connectorsNamed('lost-response');
    expect(found).toHaveLength(1);
    expect(r.body.id).toBe(at(found, 0).id);
    expect(server.logs()).toMatch(/change was applied; adopting it/);
  });

  it('adopts it too when the lost attempt timed out', async () => {
    await injectFaults(server, [
      { method: 'POST', path: CONNECTORS_PATH, status: 500, afterCommit: true, delayMs: 2500, times: 1 },
    ]);
    const r = await call(server, 'POST', '/api/connectors', basicDesign('lost-timeout'));
    expect(r.status).toBe(201);
    // Let the delayed emulator request finish, then make sure there is still one.
    await new Promise((res) => setTimeout(res, 1500));
    expect(await connectorsNamed('lost-timeout')).toHaveLength(1);
  });

  it('adopts it and says so when the lookups after the lost answer fail too', async () => {
    // The POST commits, then hangs past the client's timeout; while it hangs, name lookups start failing.
    await injectFaults(server, [
      { method: 'POST', path: CONNECTORS_PATH, status: 502, afterCommit: true, delayMs: 3000, times: 1 },
    ]);
    const pending = call(server, 'POST', '/api/connectors', basicDesign('lost-lookups'));
    while ((await connectorsNamed('lost-lookups')).length === 0) await new Promise((res) => setTimeout(res, 50));
    // Every lookup of one client call (5 attempts) and one more after that fail.
    await injectFaults(server, [{ method: 'GET', path: CONNECTORS_PATH, status: 502, times: 6 }]);
    const r = await pending;
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      adopted: true,
      message: 'Alkira created the connector but its answer was lost; Connector Studio found it by name and adopted it',
      provisionRequestId: expect.any(String),
    });
    expect(await connectorsNamed('lost-lookups')).toHaveLength(1);
  });

  it('returns the provision request id even when reading the adopted connector fails at first', async () => {
    await injectFaults(server, [
      { method: 'POST', path: CONNECTORS_PATH, status: 500, afterCommit: true, times: 1 },
      // The item GET (which carries the provision request id) fails for one whole client call.
      { method: 'GET', path: `${CONNECTORS_PATH}/`, status: 500, times: 5 },
    ]);
    const r = await call(server, 'POST', '/api/connectors', basicDesign('lost-item-read'));
    expect(r.status).toBe(201);
    expect(r.body.adopted).toBe(true);
    expect(r.body.provisionRequestId).toEqual(expect.any(String));
    const request = await call(server, 'GET', `/api/provision-requests/${r.body.provisionRequestId}`);
    expect(request.status).toBe(200);
  });

  it('the adopted connector appears in the list', async () => {
    const list = await call(server, 'GET', '/api/connectors');
    const names = list.body.connectors.map((c: { name: string }) => c.name);
    expect(names.filter((n: string) => n === 'lost-response')).toHaveLength(1);
  });
});
