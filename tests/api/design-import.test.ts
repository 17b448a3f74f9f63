/**
 * "Import .tf" into the workspace (`POST /api/designs/import`) over real HTTP
 * against the production server, on SQLite and on PostgreSQL: the reference
 * page's four examples (two with errors) save nothing and name each broken
 * connector's problems at their lines; fixed, all four are saved once; the
 * same import again answers with the same designs; another file naming the
 * same connectors is refused with the existing designs; and a store failure
 * on the last design of an import leaves none of the others behind (one
 * transaction).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DATABASES, appDatabasesForFile } from '../helpers/app-databases';
import { referenceExamples, referencePage, warnReferenceSkipped } from '../helpers/reference-page';
import { startServer, type RunningServer } from '../helpers/server';
import { call, TEST_ENV } from './support';
import { at } from '../helpers/present';

const NAMES = ['basic-expressroute', 'ha-expressroute', 'multi-segment-ipsec', 'multi-instance-connector'];

/** The page's two mistakes, corrected: a MAC address with non-hex octets, and a misspelt block name. */
function fixed(file: string): string {
  return file
    .replace('00:6F:7G:8H:9I:0J', '00:6F:7A:8B:9C:0D')
    .replace('iposec_customer_gateway', 'ipsec_customer_gateway');
}

async function listedNames(server: RunningServer): Promise<string[]> {
  const list = await call(server, 'GET', '/api/designs?sort=id&order=asc');
  expect(list.status).toBe(200);
  return (list.body.designs as { name: string }[]).map((d) => d.name);
}

/** Runs one statement on the server's own database, behind its back (a test-only trigger). */
async function onDatabase(
  env: Record<string, string>,
  dataDir: string,
  statements: { sqlite: string; postgres: string[] },
): Promise<void> {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      for (const s of statements.postgres) await client.query(s);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(path.join(dataDir, 'app.sqlite'));
  try {
    db.exec(statements.sqlite);
  } finally {
    db.close();
  }
}

warnReferenceSkipped('The workspace import API test');

const databases = appDatabasesForFile();

for (const backend of APP_DATABASES) {
  describe.skipIf(!referencePage)(`workspace import (all or nothing) on ${backend}`, () => {
    let server: RunningServer;
    let env: Record<string, string>;
    let file = '';

    beforeAll(async () => {
      if (referencePage) file = referenceExamples().join('\n');
      env = await databases.env(
        backend,
        { ...TEST_ENV, CONNECTOR_STUDIO_SECRET: 'design-import-test-secret-0123456789' },
        'cs_import',
      );
      server = await startServer(env);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('the four examples as written: nothing is saved, and each broken connector is named with its problems and lines', async () => {
      const res = await call(server, 'POST', '/api/designs/import', { hcl: file, file_name: 'examples.tf' });
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('2 of 4 connectors have problems; nothing was saved');
      const connectors = res.body.connectors as {
        resource_name: string;
        name: string;
        line: number;
        problems: { line: number; message: string }[];
      }[];
      expect(connectors.map((c) => [c.resource_name, c.name])).toEqual([
        ['ha_config', 'ha-expressroute'],
        ['multi_instance', 'multi-instance-connector'],
      ]);
      const lineOf = (text: string) => file.split('\n').findIndex((l) => l.includes(text)) + 1;
      expect(at(connectors, 0).line).toBe(lineOf('"ha_config"'));
      expect(at(connectors, 0).problems).toEqual([
        expect.objectContaining({
          line: lineOf('00:6F:7G:8H:9I:0J'),
          message: expect.stringContaining('gateway MAC address "00:6F:7G:8H:9I:0J"'),
        }),
      ]);
      expect(at(connectors, 1).problems).toContainEqual(
        expect.objectContaining({
          line: lineOf('iposec_customer_gateway'),
          message: expect.stringContaining('did you mean ipsec_customer_gateway?'),
        }),
      );
      // Example 1 is valid, and still not saved: all or nothing.
      expect(await listedNames(server)).toEqual([]);
    });

    it('fixed: all four are saved once; the same import again answers with the same designs and saves nothing new', async () => {
      const first = await call(server, 'POST', '/api/designs/import', { hcl: fixed(file), file_name: 'examples.tf' });
      expect(first.status, first.text).toBe(201);
      expect(first.body.replayed).toBe(false);
      expect((first.body.designs as { name: string }[]).map((d) => d.name)).toEqual(NAMES);
      expect(await listedNames(server)).toEqual(NAMES);
      const id = first.body.designs[1].id as number;
      const stored = await call(server, 'GET', `/api/designs/${id}`);
      expect(stored.body).toMatchObject({
        version: 1,
        note: 'Imported from examples.tf',
        design: { name: 'ha-expressroute', resource_name: 'ha_config' },
      });

      // The answer was lost, say, and the engineer presses Save again.
      const again = await call(server, 'POST', '/api/designs/import', {
        hcl: fixed(file),
        file_name: 'examples-copy.tf',
      });
      expect(again.status, again.text).toBe(200);
      expect(again.body).toEqual({ replayed: true, designs: first.body.designs });
      expect(await listedNames(server)).toEqual(NAMES);
    });

    it('the same import sent three times at once makes its designs once: one 201, the others answer with them', async () => {
      const race = at(fixed(file).split(/\n(?=resource "alkira_connector_azure_expressroute")/), 0)
        .replace('"basic"', '"race"')
        .replace('"basic-expressroute"', '"race-expressroute"');
      const answers = await Promise.all(
        [1, 2, 3].map(() => call(server, 'POST', '/api/designs/import', { hcl: race })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
      const ids = answers.map((a) => (a.body.designs as { id: number }[]).map((d) => d.id));
      expect(new Set(ids.map((l) => l.join()))).toEqual(new Set([at(ids, 0).join()]));
      expect((await listedNames(server)).filter((n) => n === 'race-expressroute')).toHaveLength(1);
    });

    it('another file naming connectors the workspace already has is refused with those designs; nothing is saved', async () => {
      const before = await listedNames(server);
      // The same connectors, in a file that differs (a comment added): a new import, not a retry.
      const edited = `# edited copy\n${fixed(file)}`;
      const res = await call(server, 'POST', '/api/designs/import', { hcl: edited });
      expect(res.status, res.text).toBe(409);
      expect((res.body.existing as { name: string }[]).map((d) => d.name)).toEqual(NAMES);
      expect(res.body.error).toContain('nothing was saved');
      // Only one of them taken is enough to refuse the file.
      const one = await call(server, 'POST', '/api/designs/import', {
        hcl: `# ha only\n${fixed(file)}`,
        resources: ['ha_config'],
      });
      expect(one.status, one.text).toBe(409);
      expect(one.body.existing).toEqual([
        expect.objectContaining({ name: 'ha-expressroute', resource_name: 'ha_config' }),
      ]);
      expect(await listedNames(server)).toEqual(before);
    });

    it('chosen connectors: a label the file lacks is a problem of the file, and nothing is saved', async () => {
      const res = await call(server, 'POST', '/api/designs/import', {
        hcl: fixed(file),
        resources: ['basic', 'no_such_label'],
      });
      expect(res.status).toBe(422);
      expect(res.body.connectors).toEqual([]);
      expect(res.body.file_problems).toEqual([
        expect.objectContaining({ message: expect.stringContaining('"no_such_label"') }),
      ]);
      const bad = await call(server, 'POST', '/api/designs/import', { hcl: 42 });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toContain('"hcl"');
    });

    it('a store failure on the last design of an import leaves none of the others (one transaction)', async () => {
      const names = ['atomic-a', 'atomic-b', 'atomic-refused'];
      const blocks = names.map((n, i) =>
        at(fixed(file).split(/\n(?=resource "alkira_connector_azure_expressroute")/), 0)
          .replace('"basic"', `"atomic_${i}"`)
          .replace('"basic-expressroute"', `"${n}"`)
          .replace(/10\.\d+\.0\.0\/23/, `10.${200 + i}.0.0/23`),
      );
      // The database refuses the third design's row, as a full disk or a lost connection would.
      await onDatabase(env, server.dataDir, {
        sqlite:
          "CREATE TRIGGER refuse_atomic BEFORE INSERT ON designs WHEN NEW.name = 'atomic-refused' BEGIN SELECT RAISE(ABORT, 'refused by test'); END;",
        postgres: [
          "CREATE FUNCTION refuse_atomic() RETURNS trigger AS $$ BEGIN IF NEW.name = 'atomic-refused' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
          'CREATE TRIGGER refuse_atomic BEFORE INSERT ON designs FOR EACH ROW EXECUTE FUNCTION refuse_atomic()',
        ],
      });
      const res = await call(server, 'POST', '/api/designs/import', { hcl: blocks.join('\n') });
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(res.text).not.toContain('refused by test');
      const names2 = await listedNames(server);
      expect(names2.filter((n) => n.startsWith('atomic-'))).toEqual([]);

      // With the database willing again, the same import goes through, once.
      await onDatabase(env, server.dataDir, {
        sqlite: 'DROP TRIGGER refuse_atomic;',
        postgres: ['DROP TRIGGER refuse_atomic ON designs'],
      });
      const retry = await call(server, 'POST', '/api/designs/import', { hcl: blocks.join('\n') });
      expect(retry.status, retry.text).toBe(201);
      expect((await listedNames(server)).filter((n) => n.startsWith('atomic-'))).toEqual(names);
    });
  });
}
