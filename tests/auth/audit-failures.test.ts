/**
 * Attempts that fail are in the audit trail too, over HTTP with sign-in on:
 * a design the server refuses, an upstream 4xx, an upstream 5xx on update
 * and delete, a create Alkira never confirmed, and a provision that ends
 * FAILED — each with the user, the target and the failure as its result.
 * A request refused for want of a role is not an attempt and is not recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { oidcAppEnv, signIn, startOidcProvider, type RunningOidcProvider } from '../helpers/oidc';
import { basicDesign, CIRCUIT, ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { call, clearFaults, CONNECTORS_PATH, injectFaults, TEST_ENV } from '../api/support';
import { at, present } from '../helpers/present';

let idp: RunningOidcProvider;
let app: RunningServer;
const as: Record<string, string> = {};
const cookieOf = (user: string) => present(as[user], `a session cookie for ${user}`);

/** `call` as `user`, with the session cookie they signed in with. */
const send = (user: string, method: string, url: string, body?: unknown) =>
  call(app, method, url, body, { cookie: cookieOf(user) });

interface Row {
  user: string;
  action: string;
  target: string;
  state: string | undefined;
  detail: string | null | undefined;
  requestId: string | null;
}

async function activity(query = ''): Promise<{ rows: Row[]; text: string; body: any }> {
  const r = await send('victor', 'GET', `/api/activity${query}`);
  expect(r.status).toBe(200);
  const rows = r.body.entries.map((e: any) => ({
    user: e.actor.name,
    action: e.action,
    target: `${e.targetName}#${e.targetId}`,
    state: e.result?.state,
    detail: e.result?.detail,
    requestId: e.requestId,
  }));
  return { rows, text: r.text, body: r.body };
}

let connectorId: number;

beforeAll(async () => {
  const port = await freePort();
  idp = await startOidcProvider({ appOrigins: [`http://127.0.0.1:${port}`] });
  app = await startServer({ ...TEST_ENV, ...oidcAppEnv(idp.issuer) }, { port });
  for (const user of ['olivia', 'otto', 'victor']) as[user] = (await signIn(app.url, user)).cookie;
  const created = await send('olivia', 'POST', '/api/connectors?provision=false', ipsecDesign('fragile-edge'));
  expect(created.status).toBe(201);
  connectorId = created.body.id;
});
afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

describe('failed attempts in the audit trail', () => {
  it('records a design the server refused, with the reason and no secret', async () => {
    const bad = { ...ipsecDesign('refused-edge'), size: 'HUGE' };
    const r = await send('olivia', 'POST', '/api/connectors', bad);
    expect(r.status).toBe(422);
    const { rows, text } = await activity('?user=olivia');
    expect(rows[0]).toMatchObject({
      user: 'Olivia Park',
      action: 'create',
      target: 'refused-edge#',
      state: 'REJECTED',
      requestId: null,
    });
    expect(at(rows, 0).detail).toMatch(/^422: The design has 1 error \(size: /);
    for (const psk of [PSK_DMZ, PSK_INTERNAL]) expect(text).not.toContain(psk);
  });

  it('records a body that is not JSON as a refused create', async () => {
    const r = await send('otto', 'POST', '/api/connectors', '{"name": ');
    expect(r.status).toBe(400);
    const { rows } = await activity('?user=otto');
    expect(rows[0]).toMatchObject({ action: 'create', target: '#', state: 'REJECTED' });
    expect(at(rows, 0).detail).toMatch(/^400: /);
  });

  it('records an update the upstream refused (4xx) and one it failed (5xx)', async () => {
    await injectFaults(app, [{ method: 'PUT', path: CONNECTORS_PATH, status: 400, times: 1 }]);
    const refused = await send('otto', 'PUT', `/api/connectors/${connectorId}`, {
      ...ipsecDesign('fragile-edge'),
      size: 'LARGE',
    });
    expect(refused.status).toBe(400);
    await injectFaults(app, [{ method: 'PUT', path: CONNECTORS_PATH, status: 500, times: 20 }]);
    const failed = await send('otto', 'PUT', `/api/connectors/${connectorId}`, {
      ...ipsecDesign('fragile-edge'),
      size: 'LARGE',
    });
    expect(failed.status).toBe(502);
    await clearFaults(app);
    const { rows } = await activity(`?user=otto&connector=${connectorId}`);
    const target = `fragile-edge#${connectorId}`;
    expect(rows.map((r) => [r.action, r.target, r.state])).toEqual([
      ['update', target, 'FAILED'],
      ['update', target, 'REJECTED'],
    ]);
    expect(at(rows, 1).detail).toMatch(/^Alkira API answered 400: /);
    expect(at(rows, 0).detail).toBeTruthy();
  });

  it('records a delete the upstream failed, and none for a viewer refused for want of the role', async () => {
    await injectFaults(app, [{ method: 'DELETE', path: CONNECTORS_PATH, status: 503, times: 20 }]);
    const failed = await send('olivia', 'DELETE', `/api/connectors/${connectorId}`);
    expect(failed.status).toBe(502);
    await clearFaults(app);
    expect((await send('victor', 'DELETE', `/api/connectors/${connectorId}`)).status).toBe(403);
    const { rows } = await activity(`?connector=${connectorId}`);
    expect(rows.map((r) => `${r.user} ${r.action} ${r.state ?? '-'}`)).toEqual([
      'Olivia Park delete FAILED',
      'Otto Brandt update FAILED',
      'Otto Brandt update REJECTED',
      'Olivia Park create -',
    ]);
    expect((await activity('?user=victor')).rows).toEqual([]);
  });

  it('records a create Alkira never confirmed as UNCONFIRMED, not as failed', async () => {
    await injectFaults(app, [{ method: 'POST', path: CONNECTORS_PATH, status: 500, times: 40 }]);
    const r = await send('otto', 'POST', '/api/connectors', basicDesign('silent-edge'));
    await clearFaults(app);
    expect(r.status).toBe(502);
    const { rows } = await activity('?user=otto');
    expect(rows[0]).toMatchObject({ action: 'create', target: 'silent-edge#', state: 'UNCONFIRMED' });
    expect(at(rows, 0).detail).toMatch(/may have been applied/);
  });

  it('records a provision that ended FAILED with the upstream error', async () => {
    const design = basicDesign('doomed-edge') as { instances: Array<Record<string, unknown>> };
    present(design.instances[0], 'instance 0').expressroute_circuit_id = `${CIRCUIT}fail-provision-circuit`;
    const r = await send('olivia', 'POST', '/api/connectors', design);
    expect(r.status).toBe(201);
    const deadline = Date.now() + 15_000;
    let row: Row | undefined;
    do {
      await new Promise((res) => setTimeout(res, 250));
      row = (await activity(`?connector=${r.body.id}`)).rows[0];
    } while (!row?.state && Date.now() < deadline);
    expect(row).toMatchObject({
      user: 'Olivia Park',
      action: 'create',
      target: `doomed-edge#${r.body.id}`,
      state: 'FAILED',
      requestId: r.body.provisionRequestId,
    });
    expect(row?.detail).toBeTruthy();
  });

  it('keeps failed creates out of the connector filter options', async () => {
    const { body } = await activity();
    expect(body.connectors.map((c: { id: string }) => c.id)).not.toContain('');
  });
});
