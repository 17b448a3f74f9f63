/**
 * The design workspace API over real HTTP against the production server, on
 * SQLite and on PostgreSQL (DATABASE_URL passed to the server): create, read,
 * update with 409 on a stale version, versions and diff, delete and undo,
 * keys encrypted in the stored row and masked in responses, plan against a
 * live emulator connector, provision → link → drift, module export, and
 * persistence across a restart.
 */
import Database from 'better-sqlite3';
import { unzipSync, strFromU8 } from 'fflate';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DATABASES, appDatabasesForFile } from '../helpers/app-databases';
import { startServer, type RunningServer } from '../helpers/server';
import { terraformFmt } from '../hcl/terraform-fmt';
import { validateModuleAgainstSchema } from '../helpers/tf-schema-check';
import { basicDesign, ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { call, CONNECTORS_PATH, emulator, TEST_ENV, waitForProvision } from './support';
import { present } from '../helpers/present';

const SECRET = 'workspace-test-secret-0123456789';
const TUNNEL0 = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';

const databases = appDatabasesForFile();

async function rawRows(env: Record<string, string>, dataDir: string, id: number): Promise<string[]> {
  const query = 'SELECT design FROM design_versions WHERE design_id = ';
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(`${query}$1`, [id])).rows.map((r) => String(r.design));
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(dataDir, 'app.sqlite'), { readonly: true });
  try {
    return (db.prepare(`${query}?`).all(id) as { design: string }[]).map((r) => r.design);
  } finally {
    db.close();
  }
}

for (const backend of APP_DATABASES) {
  describe(`design workspace API on ${backend}`, () => {
    let server: RunningServer;
    let env: Record<string, string>;

    beforeAll(async () => {
      env = await databases.env(backend, { ...TEST_ENV, CONNECTOR_STUDIO_SECRET: SECRET }, 'cs_api');
      server = await startServer(env);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('creates, reads, saves new versions and refuses a stale save with 409', async () => {
      const created = await call(server, 'POST', '/api/designs', {
        design: basicDesign('ws-crud'),
        note: 'first draft',
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(Number), version: 1 });
      const id = created.body.id;

      const read = await call(server, 'GET', `/api/designs/${id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id, version: 1, note: 'first draft', updated_at: expect.any(String) });
      expect(read.body.design).toMatchObject({ name: 'ws-crud', size: 'MEDIUM' });

      const v2 = { ...read.body.design, size: 'LARGE', description: 'bigger' };
      const saved = await call(server, 'PUT', `/api/designs/${id}`, { design: v2, base_version: 1, note: 'size up' });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(2);

      // A colleague still editing version 1 saves: nothing is lost, they see what changed.
      const stale = await call(server, 'PUT', `/api/designs/${id}`, {
        design: { ...read.body.design, cxp: 'USEAST-AZURE-1' },
        base_version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatch(/Version 1 is not the latest: version 2 was saved .*"size up"/);
      expect(stale.body.latest).toMatchObject({ version: 2, note: 'size up', design: { size: 'LARGE' } });
      expect(stale.body.changes.map((c: { path: string }) => c.path)).toEqual(
        expect.arrayContaining(['size', 'cxp', 'description']),
      );
      expect((await call(server, 'GET', `/api/designs/${id}`)).body.version).toBe(2);

      const versions = await call(server, 'GET', `/api/designs/${id}/versions`);
      expect(versions.body.versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
        [2, 'size up'],
        [1, 'first draft'],
      ]);
      const diff = await call(server, 'GET', `/api/designs/${id}/diff?from=1&to=2`);
      expect(diff.status).toBe(200);
      expect(diff.body.changes).toEqual([
        { path: 'description', action: 'update', before: 'API test connector', after: 'bigger' },
        { path: 'size', action: 'update', before: 'MEDIUM', after: 'LARGE' },
      ]);
      expect((await call(server, 'GET', `/api/designs/${id}?version=1`)).body.design.size).toBe('MEDIUM');
    });

    it('answers bad input with a clear 4xx, never a 500', async () => {
      const invalid = await call(server, 'POST', '/api/designs', {
        design: { ...basicDesign('ws-bad'), vhub_prefix: 'nope' },
      });
      expect(invalid.status).toBe(422);
      expect(invalid.body.errors.some((e: { path: string }) => e.path === 'design.vhub_prefix')).toBe(true);
      expect((await call(server, 'POST', '/api/designs', '{not json')).status).toBe(400);
      expect((await call(server, 'POST', '/api/designs', { design: [] })).status).toBe(400);
      expect((await call(server, 'POST', '/api/designs', { design: basicDesign('x'), extra: 1 })).body.error).toMatch(
        /Unknown field "extra"/,
      );
      expect(
        (await call(server, 'POST', '/api/designs', { design: basicDesign('x'), note: 'n'.repeat(5000) })).status,
      ).toBe(413);
      expect((await call(server, 'POST', '/api/designs', 'x'.repeat(3_200_000))).status).toBe(413);
      expect((await call(server, 'GET', '/api/designs/999999')).status).toBe(404);
      expect((await call(server, 'GET', '/api/designs/abc')).status).toBe(404);
      const id = (await call(server, 'POST', '/api/designs', { design: basicDesign('ws-bad-2') })).body.id;
      expect((await call(server, 'PUT', `/api/designs/${id}`, { design: basicDesign('ws-bad-2') })).body.error).toMatch(
        /base_version/,
      );
      expect(
        (await call(server, 'PUT', `/api/designs/${id}`, { design: basicDesign('ws-bad-2'), base_version: 'one' }))
          .status,
      ).toBe(400);
      expect(
        (await call(server, 'PUT', `/api/designs/${id}`, { design: basicDesign('ws-bad-2'), base_version: 7 })).status,
      ).toBe(404);
      expect((await call(server, 'GET', `/api/designs/${id}/diff?from=1`)).status).toBe(400);
      expect((await call(server, 'GET', `/api/designs/${id}/diff?from=1&to=9`)).body.error).toMatch(/no version 9/);
      expect((await call(server, 'GET', '/api/designs?sort=color')).status).toBe(400);
      expect((await call(server, 'GET', `/api/designs/${id}/export?format=pdf`)).status).toBe(400);
      expect((await call(server, 'GET', '/api/export')).body.error).toMatch(/Nothing to export/);
      expect((await call(server, 'GET', '/api/export?designs=1&format=tf')).body.error).toMatch(/module only/);
      expect((await call(server, 'GET', '/api/export?connectors=all')).body.error).toMatch(/use connectors=live/);
      expect((await call(server, 'GET', `/api/export?designs=${id}&data=labels`)).body.error).toMatch(/use data=names/);
      const missing = await call(server, 'GET', '/api/export?designs=x1');
      expect([missing.status, missing.body.error]).toEqual([404, 'Design "x1" does not exist']);
      const many = Array.from({ length: 501 }, (_, i) => i + 1).join(',');
      expect((await call(server, 'GET', `/api/export?designs=${many}`)).status).toBe(413);
    });

    it('stores pre-shared keys encrypted, answers them as stored secrets, and keeps them when one comes back', async () => {
      const created = await call(server, 'POST', '/api/designs', { design: ipsecDesign('ws-keys') });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const [row] = await rawRows(env, server.dataDir, id);
      expect(row).toContain('enc:v1:');
      for (const secret of [PSK_DMZ, PSK_INTERNAL, 'primary-tunnel.example.com']) expect(row).not.toContain(secret);

      const read = await call(server, 'GET', `/api/designs/${id}`);
      expect(read.text).not.toContain(PSK_DMZ);
      const tunnel = read.body.design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0];
      expect(tunnel.pre_shared_key).toEqual({ stored: true });

      tunnel.initiator = false;
      const saved = await call(server, 'PUT', `/api/designs/${id}`, {
        design: read.body.design,
        base_version: 1,
        note: 'responder',
      });
      expect(saved.status).toBe(200);
      const diff = await call(server, 'GET', `/api/designs/${id}/diff?from=1&to=2`);
      expect(diff.body.changes).toEqual([
        { path: `${TUNNEL0}.initiator`, action: 'update', before: true, after: false },
      ]);

      const newKey = read.body.design;
      newKey.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = 'rotated-key-2026!';
      await call(server, 'PUT', `/api/designs/${id}`, { design: newKey, base_version: 2 });
      const rotated = await call(server, 'GET', `/api/designs/${id}/diff?from=2&to=3`);
      expect(rotated.body.changes).toEqual([
        { path: `${TUNNEL0}.pre_shared_key`, action: 'update', before: '(sensitive)', after: '(sensitive)' },
      ]);
      expect(rotated.text).not.toContain('rotated-key-2026!');
      expect((await rawRows(env, server.dataDir, id)).join('\n')).not.toContain('rotated-key-2026!');

      const orphan = ipsecDesign('ws-keys-orphan');
      (orphan as any).instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].pre_shared_key = {
        stored: true,
      };
      const refused = await call(server, 'POST', '/api/designs', { design: orphan });
      expect(refused.status).toBe(422);
      expect(refused.body.errors[0].path).toBe(`design.${TUNNEL0}.pre_shared_key`);
    });

    it('lists with search and sort, deletes and undoes the delete', async () => {
      const a = (await call(server, 'POST', '/api/designs', { design: basicDesign('list-alpha') })).body.id;
      await call(server, 'POST', '/api/designs', { design: basicDesign('list-beta') });
      const found = await call(server, 'GET', '/api/designs?q=LIST-&sort=name&order=desc');
      expect(found.status).toBe(200);
      expect(found.body.designs.map((d: { name: string }) => d.name)).toEqual(['list-beta', 'list-alpha']);
      expect(found.body.designs[1]).toMatchObject({
        id: a,
        resource_name: 'list_alpha',
        version: 1,
        connector_id: null,
        connector_state: null,
        updated_at: expect.any(String),
      });

      expect((await call(server, 'DELETE', `/api/designs/${a}`)).status).toBe(200);
      expect((await call(server, 'GET', `/api/designs/${a}`)).status).toBe(404);
      expect((await call(server, 'GET', '/api/designs?q=list-')).body.designs).toHaveLength(1);
      expect((await call(server, 'POST', `/api/designs/${a}/restore`)).status).toBe(200);
      expect((await call(server, 'GET', '/api/designs?q=list-')).body.designs).toHaveLength(2);
    });

    it('provisions a chosen version sent as a JSON body, as the browser sends it', async () => {
      const id = (await call(server, 'POST', '/api/designs', { design: basicDesign(`ws-json-${backend}`) })).body.id;
      const provisioned = await call(server, 'POST', `/api/designs/${id}/provision`, { version: 1 });
      expect(provisioned.status, JSON.stringify(provisioned.body)).toBe(202);
      expect(provisioned.body).toMatchObject({ design_id: id, version: 1, connector_id: expect.any(Number) });
      expect((await call(server, 'POST', `/api/designs/${id}/provision`, { version: 7 })).status).toBe(404);
    });

    it('plans a design against the live connector, provisions it, and shows drift made behind its back', async () => {
      const design = ipsecDesign(`ws-live-${backend}`);
      const id = (await call(server, 'POST', '/api/designs', { design, note: 'to provision' })).body.id;
      const provisioned = await call(server, 'POST', `/api/designs/${id}/provision`);
      expect(provisioned.status).toBe(202);
      expect(provisioned.body).toMatchObject({ design_id: id, version: 1, connector_id: expect.any(Number) });
      const connectorId = provisioned.body.connector_id;
      expect((await waitForProvision(server, provisioned.body.provisionRequestId)).state).toBe('SUCCESS');

      const listed = (await call(server, 'GET', `/api/designs?q=ws-live-${backend}`)).body.designs[0];
      expect(listed).toMatchObject({ connector_id: connectorId, provisioned_version: 1, connector_state: 'SUCCESS' });
      expect((await call(server, 'GET', `/api/designs/${id}/drift`)).body).toMatchObject({
        connector_id: connectorId,
        drifted: false,
        changes: [],
      });

      // The stored design, read back masked, plans as "No changes" against what it provisioned.
      const masked = (await call(server, 'GET', `/api/designs/${id}`)).body.design;
      const same = await call(server, 'POST', `/api/connectors/${connectorId}/plan`, { design: masked });
      expect(same.status).toBe(200);
      expect(same.body.summary.text).toBe('No changes.');
      expect(same.body.changes).toEqual([]);

      const edited = structuredClone(masked);
      edited.size = 'LARGE';
      edited.segment_options[1].customer_asn = 65010;
      const plan = await call(server, 'POST', `/api/connectors/${connectorId}/plan`, { design: edited });
      expect(plan.body.summary).toEqual({
        add: 0,
        change: 1,
        destroy: 0,
        text: 'Plan: 0 to add, 1 to change, 0 to destroy.',
      });
      expect(plan.body.changes).toEqual([
        { path: 'size', action: 'update', before: '2LARGE', after: 'LARGE' },
        { path: 'segment_options.1.customer_asn', action: 'update', before: 65004, after: 65010 },
      ]);
      expect(plan.text).not.toContain(PSK_DMZ);
      expect((await call(server, 'POST', '/api/connectors/987654/plan', { design: edited })).status).toBe(404);

      // Someone changes the connector straight through the Alkira API.
      const livePath = `/v1/tenantnetworks/1${CONNECTORS_PATH}/${connectorId}`;
      const live = (await emulator(server, 'GET', livePath)).body;
      expect((await emulator(server, 'PUT', livePath, { ...live, size: '5LARGE' })).status).toBeLessThan(300);
      const drift = await call(server, 'GET', `/api/designs/${id}/drift`);
      expect(drift.body).toMatchObject({ connector_id: connectorId, provisioned_version: 1, drifted: true });
      expect(drift.body.changes).toEqual([{ path: 'size', action: 'update', before: '2LARGE', after: '5LARGE' }]);
    });

    it('exports a linked design as a module: fmt-exact files, schema-valid, import block, no keys', async () => {
      const design = ipsecDesign(`ws-export-${backend}`);
      const id = (await call(server, 'POST', '/api/designs', { design })).body.id;
      const other = (await call(server, 'POST', '/api/designs', { design: basicDesign(`ws-export-basic-${backend}`) }))
        .body.id;
      const linked = await call(server, 'POST', `/api/designs/${id}/provisioned`, { connector_id: 4242, version: 1 });
      expect(linked.status).toBe(200);

      const res = await fetch(`${server.url}/api/export?designs=${id},${other}&data=names`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const files = Object.fromEntries(
        Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))).map(([n, b]) => [n, strFromU8(b)]),
      );
      expect(Object.keys(files).sort()).toEqual([
        'main.tf',
        'providers.tf',
        'terraform.tfvars.example',
        'variables.tf',
      ]);
      for (const [name, text] of Object.entries(files)) expect(terraformFmt(text), name).toBe(text);
      expect(validateModuleAgainstSchema(files)).toEqual([]);
      expect(files['main.tf']).toContain(
        `import {\n  to = alkira_connector_azure_expressroute.ws_export_${backend}\n  id = "4242"\n}`,
      );
      expect(files['main.tf']).toContain('data "alkira_segment" "dmz" {');
      expect(files['main.tf']).toMatch(/segment_id +=  ?data\.alkira_segment\.prod\.id/);
      expect(Object.values(files).join('')).not.toContain(PSK_DMZ);

      const tf = await fetch(`${server.url}/api/designs/${other}/export?format=tf`);
      expect(tf.headers.get('content-disposition')).toContain(`ws_export_basic_${backend}.tf`);
      const text = await tf.text();
      expect(terraformFmt(text)).toBe(text);
      expect(text).toContain(`resource "alkira_connector_azure_expressroute" "ws_export_basic_${backend}"`);

      const zip = await fetch(`${server.url}/api/designs/${id}/export?format=module`);
      expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toContain('providers.tf');
      const live = await fetch(`${server.url}/api/export?connectors=live`);
      const liveMain = strFromU8(present(unzipSync(new Uint8Array(await live.arrayBuffer()))['main.tf'], 'main.tf'));
      expect(liveMain).toContain(`name            = "ws-live-${backend}"`);
      expect(liveMain).toMatch(/import \{\n  to = alkira_connector_azure_expressroute\.ws[-_]live[-_]/);
    });

    // Behind a load balancer: only PostgreSQL is shared between instances.
    if (backend === 'postgres')
      it('serves the same workspace from a second app instance on the same database', async () => {
        const second = await startServer(env);
        try {
          const id = (await call(second, 'POST', '/api/designs', { design: basicDesign('ws-second-instance') })).body
            .id;
          const seen = await call(server, 'GET', `/api/designs/${id}`);
          expect(seen.body.design.name).toBe('ws-second-instance');
          const saved = await call(server, 'PUT', `/api/designs/${id}`, { design: seen.body.design, base_version: 1 });
          expect(saved.body.version).toBe(2);
          expect(
            (await call(second, 'PUT', `/api/designs/${id}`, { design: seen.body.design, base_version: 1 })).status,
          ).toBe(409);
        } finally {
          await second.stop();
        }
      });

    it('keeps designs, versions and links across a restart', async () => {
      const before = (await call(server, 'GET', '/api/designs?sort=id')).body.designs;
      expect(before.length).toBeGreaterThan(3);
      await server.stop();
      server = await startServer(env, { dataDir: server.dataDir });
      const after = (await call(server, 'GET', '/api/designs?sort=id')).body.designs;
      expect(
        after.map((d: { id: number; version: number; connector_id: number | null }) => [
          d.id,
          d.version,
          d.connector_id,
        ]),
      ).toEqual(
        before.map((d: { id: number; version: number; connector_id: number | null }) => [
          d.id,
          d.version,
          d.connector_id,
        ]),
      );
      const keys = after.find((d: { name: string }) => d.name === 'ws-keys');
      const diff = await call(server, 'GET', `/api/designs/${keys.id}/diff?from=1&to=3`);
      expect(diff.body.changes.map((c: { path: string }) => c.path)).toEqual([
        `${TUNNEL0}.initiator`,
        `${TUNNEL0}.pre_shared_key`,
      ]);
    });
  });
}
