/**
 * "After success, the design version is recorded as provisioned", over real
 * HTTP on SQLite and on PostgreSQL: a provision that was only sent links the
 * design to the connector with the version pending; the version becomes the
 * provisioned one when the request reaches SUCCESS; a FAILED provision leaves
 * the previous provisioned version, and drift compares against it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DATABASES, appDatabasesForFile } from '../helpers/app-databases';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign, CIRCUIT } from '../helpers/designs';
import { call, TEST_ENV, waitForProvision } from './support';

const FINAL = ['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS'];

const databases = appDatabasesForFile();

for (const backend of APP_DATABASES) {
  describe(`provisioned version on ${backend}`, () => {
    let server: RunningServer;

    beforeAll(async () => {
      // Provisioning takes long enough to look at the design while its request is still running.
      const env = await databases.env(
        backend,
        {
          ...TEST_ENV,
          ALKIRA_EMULATOR_PROVISION_MS: '3000',
          CONNECTOR_STUDIO_SECRET: 'provisioned-test-secret-0123456789',
        },
        'cs_provisioned',
      );
      server = await startServer(env);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('records the version as provisioned only once its request succeeds; a failed one keeps the previous', async () => {
      const name = `prov-${backend}`;
      const id = (await call(server, 'POST', '/api/designs', { design: basicDesign(name), note: 'v1' })).body.id;

      // The browser sends the version it reviewed, as JSON.
      const sent = await call(server, 'POST', `/api/designs/${id}/provision`, { version: 1 });
      expect(sent.status, sent.text).toBe(202);
      const connectorId = sent.body.connector_id;
      const first = sent.body.provisionRequestId;

      // Sent, not done: linked to the connector, version 1 pending, nothing provisioned yet.
      const during = (await call(server, 'GET', `/api/designs/${id}`)).body;
      const listed = (await call(server, 'GET', `/api/designs?q=${name}`)).body.designs[0];
      const state = (await call(server, 'GET', `/api/provision-requests/${first}`)).body.state;
      expect(
        FINAL,
        'the provision finished before the design was read: the test cannot see the pending state',
      ).not.toContain(state);
      expect(during).toMatchObject({ connector_id: connectorId, provisioned_version: null, pending_version: 1 });
      expect(listed).toMatchObject({ connector_id: connectorId, provisioned_version: null, pending_version: 1 });
      expect((await call(server, 'GET', `/api/designs/${id}/drift`)).body).toMatchObject({
        connector_id: null,
        drifted: false,
      });

      expect((await waitForProvision(server, first)).state).toBe('SUCCESS');
      expect((await call(server, 'GET', `/api/designs/${id}`)).body).toMatchObject({
        connector_id: connectorId,
        provisioned_version: 1,
        pending_version: null,
      });
      expect((await call(server, 'GET', `/api/designs/${id}/drift`)).body).toMatchObject({
        connector_id: connectorId,
        provisioned_version: 1,
        drifted: false,
      });

      // Version 2 moves the instance to a circuit Azure rejects: its provision FAILS.
      const v1 = (await call(server, 'GET', `/api/designs/${id}`)).body.design;
      const failing = structuredClone(v1);
      failing.instances[0].expressroute_circuit_id = `${CIRCUIT}fail-provision-circuit`;
      expect(
        (await call(server, 'PUT', `/api/designs/${id}`, { design: failing, base_version: 1, note: 'v2' })).status,
      ).toBe(200);
      const second = await call(server, 'POST', `/api/designs/${id}/provision`, { version: 2 });
      expect(second.status, second.text).toBe(202);
      expect(second.body.connector_id).toBe(connectorId);
      expect((await call(server, 'GET', `/api/designs/${id}`)).body).toMatchObject({
        provisioned_version: 1,
        pending_version: 2,
      });

      expect((await waitForProvision(server, second.body.provisionRequestId)).state).toBe('FAILED');
      const after = (await call(server, 'GET', `/api/designs/${id}`)).body;
      expect(after).toMatchObject({ connector_id: connectorId, provisioned_version: 1, pending_version: null });
      // Drift is against version 1, the last one that succeeded: the connector now holds version 2's circuit.
      const drift = (await call(server, 'GET', `/api/designs/${id}/drift`)).body;
      expect(drift).toMatchObject({ connector_id: connectorId, provisioned_version: 1, drifted: true });
      expect(drift.changes.map((c: { path: string }) => c.path)).toEqual(['instances.0.expressroute_circuit_id']);
      // Linking the failed version by hand is refused too.
      const linked = await call(server, 'POST', `/api/designs/${id}/provisioned`, {
        connector_id: connectorId,
        version: 2,
      });
      expect(linked.status).toBe(409);
      expect(linked.body.error).toMatch(/ended FAILED/);
    });
  });
}
