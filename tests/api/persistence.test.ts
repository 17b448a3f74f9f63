/**
 * Connectors and the app's provisioning history survive a server restart on
 * the same data directory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, TEST_ENV, waitForProvision } from './support';

let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
});

describe('persistence', () => {
  it('lists the connector and its last change after a restart', async () => {
    server = await startServer(TEST_ENV);
    const created = await call(server, 'POST', '/api/connectors', basicDesign('survives-restart'));
    expect(created.status).toBe(201);
    await waitForProvision(server, created.body.provisionRequestId);
    const before = (await call(server, 'GET', '/api/connectors')).body.connectors[0];
    const dataDir = server.dataDir;
    await server.stop();

    server = await startServer(TEST_ENV, { dataDir });
    const after = await call(server, 'GET', '/api/connectors');
    expect(after.status).toBe(200);
    expect(after.body.connectors).toEqual([before]);
    expect(before).toMatchObject({
      name: 'survives-restart',
      provisionState: 'SUCCESS',
      lastProvisionRequestId: created.body.provisionRequestId,
      lastChange: expect.any(String),
    });
    const view = await call(server, 'GET', `/api/connectors/${created.body.id}`);
    expect(view.body.provisionRequests).toHaveLength(1);
    expect(view.body.provisionRequests[0]).toMatchObject({
      id: created.body.provisionRequestId,
      operation: 'create',
      state: 'SUCCESS',
    });
  });
});
