/**
 * `GET /api/connectors/{id}/designs`, over real HTTP on SQLite and on
 * PostgreSQL: the workspace designs that manage a live connector (the ones
 * linked to it by a provision), so editing the connector directly can say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DATABASES, appDatabasesForFile } from '../helpers/app-databases';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, TEST_ENV, waitForProvision } from './support';

const databases = appDatabasesForFile();

for (const backend of APP_DATABASES) {
  describe(`designs managing a connector on ${backend}`, () => {
    let server: RunningServer;

    beforeAll(async () => {
      const env = await databases.env(
        backend,
        { ...TEST_ENV, CONNECTOR_STUDIO_SECRET: 'managing-test-secret-0123456789' },
        'cs_managing',
      );
      server = await startServer(env);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('lists the design linked to the connector, not others; a deleted design stops managing it until restored', async () => {
      const managed = (
        await call(server, 'POST', '/api/designs', { design: basicDesign(`managing-${backend}`), note: 'v1' })
      ).body.id;
      await call(server, 'POST', '/api/designs', { design: basicDesign(`unlinked-${backend}`), note: 'v1' });
      const sent = await call(server, 'POST', `/api/designs/${managed}/provision`, { version: 1 });
      expect(sent.status, sent.text).toBe(202);
      const connectorId = sent.body.connector_id as number;
      expect((await waitForProvision(server, sent.body.provisionRequestId)).state).toBe('SUCCESS');

      const listed = await call(server, 'GET', `/api/connectors/${connectorId}/designs`);
      expect(listed.status, listed.text).toBe(200);
      expect(listed.body).toEqual({
        connector_id: connectorId,
        designs: [{ id: managed, name: `managing-${backend}`, version: 1, provisioned_version: 1 }],
      });

      expect((await call(server, 'DELETE', `/api/designs/${managed}`)).status).toBe(200);
      expect((await call(server, 'GET', `/api/connectors/${connectorId}/designs`)).body.designs).toEqual([]);
      expect((await call(server, 'POST', `/api/designs/${managed}/restore`)).status).toBe(200);
      expect(
        (await call(server, 'GET', `/api/connectors/${connectorId}/designs`)).body.designs.map(
          (d: { id: number }) => d.id,
        ),
      ).toEqual([managed]);
    }, 90_000);

    it('answers an empty list for a connector no design manages, and 404 for an id that cannot be one', async () => {
      expect((await call(server, 'GET', '/api/connectors/987654/designs')).body).toEqual({
        connector_id: 987654,
        designs: [],
      });
      const bad = await call(server, 'GET', '/api/connectors/not-a-number/designs');
      expect(bad.status).toBe(404);
      expect(bad.body.error).toBe('Connector "not-a-number" does not exist');
    });
  });
}
