/**
 * The audit trail over HTTP with sign-in on: two operators create, update
 * and delete one connector; a viewer reads who did what and how each
 * provision ended, filtered by user and connector; no secret is recorded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { oidcAppEnv, signIn, startOidcProvider, type RunningOidcProvider } from '../helpers/oidc';
import { ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { call, TEST_ENV } from '../api/support';
import { present } from '../helpers/present';

let idp: RunningOidcProvider;
let app: RunningServer;
const as: Record<string, string> = {};
const cookieOf = (user: string) => present(as[user], `a session cookie for ${user}`);

/** `call` as `user`, with the session cookie they signed in with. */
const send = (user: string, method: string, url: string, body?: unknown) =>
  call(app, method, url, body, { cookie: cookieOf(user) });

async function settle(user: string, requestId: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await send(user, 'GET', `/api/provision-requests/${requestId}`);
    if (['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS'].includes(r.body.state)) return r.body.state;
    if (Date.now() > deadline) throw new Error(`${requestId} still ${r.body.state}`);
    await new Promise((res) => setTimeout(res, 150));
  }
}

let connectorId: number;
let requests: { create: string; update: string; remove: string };

beforeAll(async () => {
  const port = await freePort();
  idp = await startOidcProvider({ appOrigins: [`http://127.0.0.1:${port}`] });
  app = await startServer({ ...TEST_ENV, ...oidcAppEnv(idp.issuer) }, { port });
  for (const user of ['olivia', 'otto', 'victor', 'dana']) as[user] = (await signIn(app.url, user)).cookie;

  const created = await send('olivia', 'POST', '/api/connectors', ipsecDesign('audited-edge'));
  expect(created.status).toBe(201);
  connectorId = created.body.id;
  await settle('olivia', created.body.provisionRequestId);
  const updated = await send('otto', 'PUT', `/api/connectors/${connectorId}`, {
    ...ipsecDesign('audited-edge'),
    size: 'LARGE',
  });
  expect(updated.status).toBe(200);
  await settle('otto', updated.body.provisionRequestId);
  const removed = await send('olivia', 'DELETE', `/api/connectors/${connectorId}`);
  expect(removed.status).toBe(202);
  // Nobody watches the deletion finish: the activity list brings it up to date itself.
  requests = {
    create: created.body.provisionRequestId,
    update: updated.body.provisionRequestId,
    remove: removed.body.provisionRequestId,
  };
});
afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

async function activity(query = '') {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const r = await send('victor', 'GET', `/api/activity${query}`);
    expect(r.status).toBe(200);
    if (r.body.entries.every((e: { result: unknown }) => e.result) || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, 200));
  }
}

describe('the audit trail', () => {
  it('records each change with the user who made it, the change and the final provision state', async () => {
    const r = await activity();
    const rows = r.body.entries.map((e: any) => ({
      user: e.actor.name,
      action: e.action,
      target: `${e.targetName}#${e.targetId}`,
      requestId: e.requestId,
      state: e.result?.state,
    }));
    const target = `audited-edge#${connectorId}`;
    expect(rows).toEqual([
      { user: 'Olivia Park', action: 'delete', target, requestId: requests.remove, state: 'SUCCESS' },
      { user: 'Otto Brandt', action: 'update', target, requestId: requests.update, state: 'SUCCESS' },
      { user: 'Olivia Park', action: 'create', target, requestId: requests.create, state: 'SUCCESS' },
    ]);
    expect(r.body.entries[1].summary).toBe('Changed size');
    expect(r.body.entries[2].summary).toMatch(/^Created \(2LARGE, IPSEC, 1 instance, 2 segments\)/);
    expect(r.body.users).toEqual([
      { id: 'olivia', name: 'Olivia Park' },
      { id: 'otto', name: 'Otto Brandt' },
    ]);
  });

  it('records design saves by a designer, and refuses them to a viewer', async () => {
    const created = await send('dana', 'POST', '/api/designs', {
      design: ipsecDesign('branch-apac'),
      note: 'first draft',
    });
    expect(created.status).toBe(201);
    const saved = await send('dana', 'PUT', `/api/designs/${created.body.id}`, {
      design: { ...ipsecDesign('branch-apac'), size: 'LARGE' },
      base_version: 1,
      note: 'bigger',
    });
    expect(saved.status).toBe(200);
    expect((await send('victor', 'POST', '/api/designs', { design: ipsecDesign('not-allowed') })).status).toBe(403);
    const r = await activity('?user=dana');
    expect(r.body.entries.map((e: any) => [e.action, e.targetType, e.targetName, e.summary])).toEqual([
      ['save', 'design', 'branch-apac', 'Saved version 2: bigger'],
      ['create', 'design', 'branch-apac', 'Created version 1: first draft'],
    ]);
    for (const psk of [PSK_DMZ, PSK_INTERNAL]) expect(r.text).not.toContain(psk);
  });

  it('filters by user and by connector', async () => {
    const otto = await activity('?user=otto');
    expect(otto.body.entries.map((e: any) => e.action)).toEqual(['update']);
    const byConnector = await activity(`?connector=${connectorId}`);
    expect(byConnector.body.entries).toHaveLength(3);
    expect((await activity('?connector=424242')).body.entries).toEqual([]);
    const bad = await send('victor', 'GET', '/api/activity?connector=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/connector id/);
  });

  it('offers no way to change or delete entries', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await send('olivia', method, '/api/activity')).status).toBe(405);
    }
  });

  it('never stores or returns a pre-shared key', async () => {
    const r = await activity();
    for (const psk of [PSK_DMZ, PSK_INTERNAL]) expect(r.text).not.toContain(psk);
    const files = readdirSync(app.dataDir).filter((f) => f.startsWith('app.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    // The database and its write-ahead log, as bytes: the entries are there, the keys are not.
    const bytes = files.map((f) => readFileSync(path.join(app.dataDir, f)).toString('latin1')).join('');
    expect(bytes).toContain('Olivia Park');
    for (const psk of [PSK_DMZ, PSK_INTERNAL]) expect(bytes).not.toContain(psk);
  });
});
