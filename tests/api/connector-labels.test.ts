/**
 * The designed Terraform resource label survives provisioning: the Alkira API
 * has no field for it, so the app keeps it, and edit mode and the export read
 * it back instead of deriving one from the connector name.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { basicDesign, call, TEST_ENV } from './support';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
});
afterAll(async () => {
  await server?.stop();
});

it('keeps the designed label through create, update and a server restart', async () => {
  const design = { ...basicDesign('ha-expressroute'), resource_name: 'ha_config' };
  const created = await call(server, 'POST', '/api/connectors?provision=false', design);
  expect(created.status).toBe(201);
  const id = created.body.id;

  const read = await call(server, 'GET', `/api/connectors/${id}/design`);
  expect(read.status).toBe(200);
  expect(read.body.resource_name).toBe('ha_config');

  const updated = await call(server, 'PUT', `/api/connectors/${id}?provision=false`, { ...read.body, resource_name: 'ha_primary' });
  expect(updated.status).toBeLessThan(300);
  expect((await call(server, 'GET', `/api/connectors/${id}/design`)).body.resource_name).toBe('ha_primary');

  const dataDir = server.dataDir;
  await server.stop();
  server = await startServer(TEST_ENV, { dataDir });
  expect((await call(server, 'GET', `/api/connectors/${id}/design`)).body.resource_name).toBe('ha_primary');
});
