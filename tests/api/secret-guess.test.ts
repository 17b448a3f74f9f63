/**
 * No answer tells whether a guessed secret is the stored one. Over real HTTP:
 * a plan against a live connector, and the 409 of a stale save, answer a
 * pre-shared key guessed right exactly as one guessed wrong — "(sensitive)"
 * changed — while the stored secret `{ "stored": true }` is "no change".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { ipsecDesign, PSK_DMZ } from '../helpers/designs';
import { call, TEST_ENV, waitForProvision } from './support';

const TUNNEL0 = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';
const KEY_CHANGED = [
  { path: `${TUNNEL0}.pre_shared_key`, action: 'update', before: '(sensitive)', after: '(sensitive)' },
];

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
});
afterAll(async () => {
  await server?.stop();
});

function withFirstKey(design: any, key: unknown) {
  const copy = structuredClone(design);
  copy.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = key;
  return copy;
}

/** The answer without what differs between any two requests (nothing else may differ). */
function comparable(body: Record<string, unknown>) {
  return JSON.parse(JSON.stringify(body, (key, value) => (key === 'updated_at' ? undefined : value)));
}

describe('a guessed pre-shared key', () => {
  it('plans the same whether it is right or wrong', async () => {
    const created = await call(server, 'POST', '/api/connectors', ipsecDesign('guess-plan'));
    expect(created.status, created.text).toBe(201);
    await waitForProvision(server, created.body.provisionRequestId);
    const id = created.body.id;
    const design = (await call(server, 'GET', `/api/connectors/${id}/design`)).body;
    expect(design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key).toEqual({
      stored: true,
    });

    const plan = (key: unknown) =>
      call(server, 'POST', `/api/connectors/${id}/plan`, { design: withFirstKey(design, key) });
    const [kept, right, wrong] = await Promise.all([plan({ stored: true }), plan(PSK_DMZ), plan('not-the-key-0000')]);
    expect(kept.status).toBe(200);
    expect(kept.body.changes).toEqual([]);
    expect(right.status).toBe(200);
    expect(right.body.changes).toEqual(KEY_CHANGED);
    expect(wrong.status).toBe(200);
    expect(right.body).toEqual(wrong.body);
    expect(right.text).not.toContain(PSK_DMZ);
  });

  it("gets the same stale save's 409 whether it is right or wrong", async () => {
    const created = await call(server, 'POST', '/api/designs', { design: ipsecDesign('guess-save') });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const v1 = (await call(server, 'GET', `/api/designs/${id}`)).body.design;
    v1.description = 'version 2';
    expect((await call(server, 'PUT', `/api/designs/${id}`, { design: v1, base_version: 1 })).status).toBe(200);

    // Saves on version 1, now stale: each answers 409 with what it would change on version 2.
    const save = (key: unknown) =>
      call(server, 'PUT', `/api/designs/${id}`, { design: withFirstKey(v1, key), base_version: 1 });
    const kept = await save({ stored: true });
    const right = await save(PSK_DMZ);
    const wrong = await save('not-the-key-0000');
    for (const r of [kept, right, wrong]) expect(r.status).toBe(409);
    expect(kept.body.changes).toEqual([]);
    expect(right.body.changes).toEqual(KEY_CHANGED);
    expect(comparable(right.body)).toEqual(comparable(wrong.body));
    expect(right.text).not.toContain(PSK_DMZ);
  });

  it('"********" (the mask older versions answered) is not a stored secret but a key like any other', async () => {
    const created = await call(server, 'POST', '/api/designs', {
      design: withFirstKey(ipsecDesign('guess-mask'), '********'),
    });
    expect(created.status, created.text).toBe(201);
    const read = await call(server, 'GET', `/api/designs/${created.body.id}`);
    expect(
      read.body.design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key,
    ).toEqual({ stored: true });
  });
});
