/**
 * The file text of a design version over real HTTP against the production
 * server, on SQLite and on PostgreSQL: `hcl` sent with a create or a save is
 * stored byte for byte and comes back with the version (GET of the design and
 * of `?version=N`, the 409 of a stale save); a version without one answers
 * null; a file that does not parse, lacks the design's connector or writes a
 * key in clear is refused with a 4xx naming the problem — never the value —
 * and nothing is stored.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DATABASES, appDatabasesForFile } from '../helpers/app-databases';
import { startServer, type RunningServer } from '../helpers/server';
import { designWithFile } from '../helpers/design-file';
import { call, TEST_ENV } from './support';

const SECRET = 'Sup3r-s3cret-psk-over-http!';

const databases = appDatabasesForFile();

/** The `hcl` column of every version of a design, read from the database itself. */
async function storedFiles(env: Record<string, string>, dataDir: string, id: number): Promise<(string | null)[]> {
  const query = 'SELECT hcl FROM design_versions WHERE design_id = ';
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(`${query}$1 ORDER BY version`, [id])).rows.map((r) => r.hcl);
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(dataDir, 'app.sqlite'), { readonly: true });
  try {
    return (db.prepare(`${query}? ORDER BY version`).all(id) as { hcl: string | null }[]).map((r) => r.hcl);
  } finally {
    db.close();
  }
}

for (const backend of APP_DATABASES) {
  describe(`design file text over HTTP on ${backend}`, () => {
    let server: RunningServer;
    let env: Record<string, string>;

    beforeAll(async () => {
      env = await databases.env(
        backend,
        { ...TEST_ENV, CONNECTOR_STUDIO_SECRET: 'workspace-files-secret-0123456789' },
        'cs_files',
      );
      server = await startServer(env);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('stores the file with each version and answers it back byte for byte', async () => {
      const { design, hcl } = designWithFile(`files-${backend}`);
      // CRLF, a byte order mark, non-NFC text, and well past the 10,000-character limit of other JSON strings.
      const file = `\ufeff${hcl.replace(/\n/g, '\r\n')}# e\u0301 \u{1f510}\r\n${`# ${'padding '.repeat(12)}\r\n`.repeat(2000)}`;
      expect(file.length).toBeGreaterThan(100_000);
      const created = await call(server, 'POST', '/api/designs', { design, note: 'with its file', hcl: file });
      expect(created.status).toBe(201);
      const id = created.body.id;

      const read = await call(server, 'GET', `/api/designs/${id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id, version: 1, note: 'with its file' });
      expect(read.body.hcl).toBe(file);
      // The design's own keys stay encrypted and masked; the file has none to hide.
      expect(read.text).not.toContain('psk-dmz-primary-123!');
      expect(await storedFiles(env, server.dataDir, id)).toEqual([file]);

      const second = hcl.replace('# Site connector', '# Site connector (resized)').replace('"2LARGE"', '"LARGE"');
      const saved = await call(server, 'PUT', `/api/designs/${id}`, {
        design: { ...read.body.design, size: 'LARGE' },
        base_version: 1,
        note: 'resized',
        hcl: second,
      });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(2);
      expect((await call(server, 'GET', `/api/designs/${id}`)).body).toMatchObject({ version: 2, hcl: second });
      expect((await call(server, 'GET', `/api/designs/${id}?version=1`)).body).toMatchObject({ version: 1, hcl: file });

      // A save without a file (or with null) stores none: that version reads back null.
      expect(
        (await call(server, 'PUT', `/api/designs/${id}`, { design: read.body.design, base_version: 2, hcl: null })).body
          .version,
      ).toBe(3);
      expect(
        (await call(server, 'PUT', `/api/designs/${id}`, { design: read.body.design, base_version: 3 })).body.version,
      ).toBe(4);
      expect((await call(server, 'GET', `/api/designs/${id}?version=3`)).body.hcl).toBeNull();
      expect((await call(server, 'GET', `/api/designs/${id}`)).body.hcl).toBeNull();
      expect(await storedFiles(env, server.dataDir, id)).toEqual([file, second, null, null]);

      // A stale save: the 409 carries the latest version's file with its design.
      const stale = await call(server, 'PUT', `/api/designs/${id}`, {
        design: read.body.design,
        base_version: 2,
        hcl: second,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.latest).toMatchObject({ version: 4, hcl: null });
      const staleOnFile = await call(server, 'PUT', `/api/designs/${id}`, {
        design: read.body.design,
        base_version: 1,
        hcl: file,
      });
      expect(staleOnFile.status).toBe(409);
      // Version history and diffs are about designs: unchanged by files.
      expect(
        (await call(server, 'GET', `/api/designs/${id}/versions`)).body.versions.map(
          (v: { version: number }) => v.version,
        ),
      ).toEqual([4, 3, 2, 1]);
      expect((await call(server, 'GET', `/api/designs/${id}/diff?from=1&to=2`)).body.changes).toEqual([
        { path: 'size', action: 'update', before: '2LARGE', after: 'LARGE' },
      ]);
    });

    it('answers a design created without a file with hcl null', async () => {
      const { design } = designWithFile(`no-file-${backend}`);
      const created = await call(server, 'POST', '/api/designs', { design });
      expect(created.status).toBe(201);
      const read = await call(server, 'GET', `/api/designs/${created.body.id}`);
      expect(read.body).toHaveProperty('hcl', null);
    });

    it('refuses a file that does not parse, lacks the connector or writes a key in clear, with a clear 4xx and nothing stored', async () => {
      const { design, hcl, label } = designWithFile(`refused-${backend}`);
      const before = (await call(server, 'GET', '/api/designs')).body.designs.length;
      const literalKey = hcl.replace(`pre_shared_key    = var.${label}_psk_1`, `pre_shared_key    = "${SECRET}"`);
      const cases: { hcl: unknown; status: number; error: RegExp }[] = [
        {
          hcl: literalKey,
          status: 422,
          error: new RegExp(
            `"hcl" writes a sensitive value in clear: alkira_connector_azure_expressroute\\.${label}\\.instances\\.0\\.ipsec_customer_gateway\\.0\\.customer_gateway\\.0\\.tunnel\\.0\\.pre_shared_key \\(line \\d+\\)`,
          ),
        },
        {
          hcl: hcl.replace(`var.${label}_psk_1`, `"${SECRET}`),
          status: 422,
          error: /^"hcl" has \d+ syntax errors?; the first, on line \d+: /,
        },
        {
          hcl: hcl.replace(`"${label}"`, '"someone_else"'),
          status: 422,
          error: new RegExp(
            `no resource "alkira_connector_azure_expressroute" labelled "${label}" \\(the design's resource_name\\); its connector is labelled "someone_else"`,
          ),
        },
        { hcl: '# nothing here\n', status: 422, error: /has no resource "alkira_connector_azure_expressroute"/ },
        { hcl: `${hcl}# \u0000\n`, status: 422, error: /control character/ },
        { hcl: 42, status: 400, error: /^"hcl" must be the text of the \.tf file \(a string\), or null for none$/ },
        {
          hcl: `${hcl}${'#'.repeat(1024 * 1024)}\n`,
          status: 413,
          error: /^"hcl" is [\d,]+ bytes; at most 1,048,576 \(1 MiB\) are accepted$/,
        },
      ];
      for (const c of cases) {
        const res = await call(server, 'POST', '/api/designs', { design, hcl: c.hcl });
        expect(res.status, String(c.error)).toBe(c.status);
        expect(res.body.error).toMatch(c.error);
        expect(res.text).not.toContain(SECRET);
        if (c.status === 422) expect(res.body.errors[0]).toMatchObject({ path: 'hcl', message: expect.any(String) });
      }
      expect((await call(server, 'GET', '/api/designs')).body.designs.length).toBe(before);

      // The same on a save: the version stays where it was.
      const id = (await call(server, 'POST', '/api/designs', { design, hcl })).body.id;
      const refused = await call(server, 'PUT', `/api/designs/${id}`, {
        design,
        base_version: 1,
        note: 'leaks a key',
        hcl: literalKey,
      });
      expect(refused.status).toBe(422);
      expect(refused.text).not.toContain(SECRET);
      expect(refused.body.errors).toEqual([
        {
          path: 'hcl',
          message: expect.stringContaining('.tunnel.0.pre_shared_key'),
          line: expect.any(Number),
          column: expect.any(Number),
        },
      ]);
      expect((await call(server, 'GET', `/api/designs/${id}`)).body).toMatchObject({ version: 1, hcl });
      expect(await storedFiles(env, server.dataDir, id)).toEqual([hcl]);
      // Nor did the refused value reach the server's log.
      expect(server.logs()).not.toContain(SECRET);
    });

    it('bounds the body: the file may take its own 1 MiB above the 1 MB of the rest, no more', async () => {
      const { design } = designWithFile(`bounded-${backend}`);
      expect((await call(server, 'POST', '/api/designs', 'x'.repeat(3_200_000))).status).toBe(413);
      // Without a file, the body is a JSON body like any other: 1 MB.
      const instances = Array.from({ length: 900 }, (_, i) => ({
        ...(design.instances as object[])[0],
        name: `${'i'.repeat(1200)}${i}`,
      }));
      const heavy = await call(server, 'POST', '/api/designs', { design: { ...design, instances } });
      expect(heavy.status).toBe(413);
      expect(heavy.body.error).toBe('Request body without "hcl" is larger than 1024 KB');
    });
  });
}
