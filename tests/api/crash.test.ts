/**
 * Provisioning survives a crash: the server is killed with SIGKILL (no
 * shutdown code runs) while a provision is in flight, and started again on
 * the same data directory. The request settles, nothing stays PENDING, and
 * nothing is duplicated — also when the kill lands between Alkira committing
 * a create and the app recording it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, CONNECTORS_PATH, emulator, injectFaults, TEST_ENV } from './support';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-crash-'));
const ENV = { ...TEST_ENV, ALKIRA_EMULATOR_PROVISION_MS: '3000', CONNECTOR_STUDIO_RECONCILE_MS: '500' };
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
});

async function connectorsNamed(s: RunningServer, name: string): Promise<Array<{ id: number; name: string }>> {
  const r = await emulator(s, 'GET', `/v1/tenantnetworks/1${CONNECTORS_PATH}?name=${encodeURIComponent(name)}`);
  return (r.body as Array<{ id: number; name: string }>).filter((c) => c.name === name);
}

/** Polls the dashboard's list until `name` shows a final provision state. */
async function settledOnDashboard(
  s: RunningServer,
  name: string,
): Promise<{ id: number; provisionState: string; lastProvisionRequestId: string | null }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await call(s, 'GET', '/api/connectors');
    const row = list.body.connectors.find((c: { name: string }) => c.name === name);
    if (row && ['SUCCESS', 'FAILED'].includes(row.provisionState) && row.lastProvisionRequestId) return row;
    if (Date.now() > deadline) throw new Error(`${name} did not settle: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('SIGKILL while provisioning', () => {
  it('a provision in flight settles after a restart, without a duplicate', async () => {
    server = await startServer(ENV, { dataDir });
    const created = await call(server, 'POST', '/api/connectors', basicDesign('crash-in-flight'));
    expect(created.status).toBe(201);
    expect(created.body.connector.provisionState).toBe('PENDING');
    await server.crash();

    server = await startServer(ENV, { dataDir });
    const row = await settledOnDashboard(server, 'crash-in-flight');
    expect(row).toMatchObject({
      id: created.body.id,
      provisionState: 'SUCCESS',
      lastProvisionRequestId: created.body.provisionRequestId,
    });
    const view = await call(server, 'GET', `/api/connectors/${created.body.id}`);
    expect(view.body.provisionRequests).toEqual([
      expect.objectContaining({ id: created.body.provisionRequestId, operation: 'create', state: 'SUCCESS' }),
    ]);
    expect(await connectorsNamed(server, 'crash-in-flight')).toHaveLength(1);
  });

  it('a create Alkira committed but the app never recorded is adopted after the restart', async () => {
    // Alkira commits the create, then its answer is held back; the server dies meanwhile.
    await injectFaults(server!, [
      { method: 'POST', path: CONNECTORS_PATH, status: 500, afterCommit: true, delayMs: 60_000, times: 1 },
    ]);
    const lost = call(server!, 'POST', '/api/connectors', basicDesign('crash-mid-create')).catch(() => null);
    while ((await connectorsNamed(server!, 'crash-mid-create')).length === 0)
      await new Promise((r) => setTimeout(r, 50));
    await server!.crash();
    expect(await lost).toBeNull(); // the client saw the connection drop: it knows nothing

    server = await startServer(ENV, { dataDir });
    // The dashboard shows it with its provision request, settled; and there is exactly one.
    const row = await settledOnDashboard(server, 'crash-mid-create');
    expect(row.provisionState).toBe('SUCCESS');
    expect(await connectorsNamed(server, 'crash-mid-create')).toHaveLength(1);
    expect(server.logs()).toMatch(/a create whose result was not recorded \(connector \d+\) was found and adopted/);
    // The audit trail has the create, by whoever asked, with its request and final state.
    const activity = await call(server, 'GET', `/api/activity?connector=${row.id}`);
    expect(activity.body.entries).toEqual([
      expect.objectContaining({
        actor: { id: 'local', name: 'Local operator' },
        action: 'create',
        targetName: 'crash-mid-create',
        requestId: row.lastProvisionRequestId,
        summary: expect.stringMatching(/its answer was lost, the connector was found and adopted$/),
      }),
    ]);
    // Creating it again is refused, not duplicated.
    const again = await call(server, 'POST', '/api/connectors', basicDesign('crash-mid-create'));
    expect(again.status).toBe(409);
  });
});
