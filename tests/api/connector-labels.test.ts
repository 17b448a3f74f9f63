/**
 * The designed Terraform resource label survives provisioning: the Alkira API
 * has no field for it, so the app keeps it (in its store: SQLite, or
 * PostgreSQL with DATABASE_URL), and edit mode and the export read it back
 * instead of deriving one from the connector name.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { APP_DATABASES, appDatabasesForFile } from '../helpers/app-databases';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, TEST_ENV } from './support';

const databases = appDatabasesForFile();

for (const backend of APP_DATABASES) {
  describe(`on ${backend}`, () => {
    let server: RunningServer | undefined;
    afterAll(async () => {
      await server?.stop();
    });

    it('keeps the designed label through create, update and a server restart', async () => {
      // PostgreSQL needs the server key to store keys; SQLite makes its own in the data directory.
      const env = await databases.env(
        backend,
        backend === 'postgres' ? { ...TEST_ENV, CONNECTOR_STUDIO_SECRET: 'labels-test-secret' } : TEST_ENV,
        'cs_labels',
      );
      server = await startServer(env);
      const design = { ...basicDesign(`ha-expressroute-${backend}`), resource_name: 'ha_config' };
      const created = await call(server, 'POST', '/api/connectors?provision=false', design);
      expect(created.status).toBe(201);
      const id = created.body.id;

      const read = await call(server, 'GET', `/api/connectors/${id}/design`);
      expect(read.status).toBe(200);
      expect(read.body.resource_name).toBe('ha_config');

      const updated = await call(server, 'PUT', `/api/connectors/${id}?provision=false`, {
        ...read.body,
        resource_name: 'ha_primary',
      });
      expect(updated.status).toBeLessThan(300);
      expect((await call(server, 'GET', `/api/connectors/${id}/design`)).body.resource_name).toBe('ha_primary');

      const dataDir = server.dataDir;
      await server.stop();
      server = await startServer(env, { dataDir });
      expect((await call(server, 'GET', `/api/connectors/${id}/design`)).body.resource_name).toBe('ha_primary');
    });
  });
}
