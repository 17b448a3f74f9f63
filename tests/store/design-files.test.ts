/**
 * The file text stored next to each design version (migration 0009), on
 * SQLite and PostgreSQL: saved and read back byte for byte (CRLF, tabs,
 * non-ASCII, a byte order mark, 1 MiB), per version, null for a version saved
 * without one and for rows written before the column existed.
 */
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorDesign } from '@/lib/connector/design';
import { getStore, storeTarget } from '@/lib/store/db';
import { createDesign, getDesign, listVersions, updateDesign } from '@/lib/store/designs';
import { storeMigrations } from '@/lib/store/migrations';
import type { StoreSchema } from '@/lib/store/schema';
import { sealDesign } from '@/lib/store/secrets';
import { parsedDesign } from '../helpers/designs';
import { designWithFile } from '../helpers/design-file';
import { postgresBackend, sqliteBackend } from './backends';

const { design: body, hcl: FILE } = designWithFile('stored-file');
/** The largest file the routes accept (1 MiB of UTF-8). */
const MAX_FILE_BYTES = 1024 * 1024;
const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');
const design = (): ConnectorDesign => parsedDesign(body);

/** The store's database at the current target, migrated only up to `last` (what an older app left behind). */
async function olderStore(last: string): Promise<Kysely<StoreSchema>> {
  const target = storeTarget();
  const db =
    target.dialect === 'postgres'
      ? new Kysely<StoreSchema>({
          dialect: new PostgresDialect({ pool: new Pool({ connectionString: target.location, max: 2 }) }),
        })
      : new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: new Database(target.location) }) });
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => storeMigrations(target.dialect) },
  }).migrateTo(last);
  if (error) throw error;
  return db;
}

for (const backend of [sqliteBackend(), postgresBackend()]) {
  describe(`design file text on ${backend.name}`, () => {
    beforeAll(async () => {
      await backend.use();
      process.env.CONNECTOR_STUDIO_SECRET = 'store-test-secret';
    });
    afterAll(async () => {
      delete process.env.CONNECTOR_STUDIO_SECRET;
      await getStore().close();
      await backend.stop();
    });

    it('reads versions written before migration 0009 with hcl null', async () => {
      // An app from before the column: its tables, one design with two versions.
      const old = await olderStore('0008_create_intent_actor');
      const at = new Date().toISOString();
      const sealed = JSON.stringify(sealDesign(design()));
      const { id } = await old
        .insertInto('designs')
        .values({
          name: 'stored-file',
          resource_name: 'stored_file',
          latest_version: 2,
          connector_id: null,
          provisioned_version: null,
          pending_version: null,
          pending_request_id: null,
          backend: null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Without `hcl`: the column does not exist yet.
      const versions = [1, 2].map((version) => ({
        design_id: Number(id),
        version,
        design: sealed,
        note: `old ${version}`,
        created_at: at,
      }));
      await old
        .insertInto('design_versions')
        .values(versions as never)
        .execute();
      await old.destroy();

      // This app migrates on first use; the old versions have no file.
      expect(await getDesign(Number(id))).toMatchObject({ version: 2, hcl: null, note: 'old 2' });
      expect((await getDesign(Number(id), 1))?.hcl).toBeNull();
      // And the next save stores one next to them.
      expect(await updateDesign(Number(id), design(), 2, 'with its file', FILE)).toEqual({ ok: true, version: 3 });
      expect((await getDesign(Number(id)))?.hcl).toBe(FILE);
      expect((await getDesign(Number(id), 2))?.hcl).toBeNull();
    });

    it('stores the file with the version and reads back the same bytes', async () => {
      const exotic = `\ufeff${FILE.replace(/\n/g, '\r\n')}\t# trailing tab and spaces   \r\n# \u00e9\u0301 (not NFC) \u{1f510}\r\n`;
      const { id } = await createDesign(design(), 'first', exotic);
      const read = await getDesign(id);
      expect(read?.hcl).toBe(exotic);
      expect(Buffer.from(read!.hcl!, 'utf8').equals(Buffer.from(exotic, 'utf8'))).toBe(true);
      expect(read?.design.name).toBe('stored-file');
    });

    it('keeps each version its own file, and a version saved without one has none', async () => {
      const { id } = await createDesign(design(), 'v1', FILE);
      const second = FILE.replace('# Site connector', '# Site connector, version two');
      expect(await updateDesign(id, { ...design(), size: 'LARGE' }, 1, 'v2', second)).toEqual({ ok: true, version: 2 });
      expect(await updateDesign(id, design(), 2, 'v3 without a file')).toEqual({ ok: true, version: 3 });
      expect((await getDesign(id, 1))?.hcl).toBe(FILE);
      expect((await getDesign(id, 2))?.hcl).toBe(second);
      expect((await getDesign(id, 3))?.hcl).toBeNull();
      expect((await getDesign(id))?.hcl).toBeNull();
      expect((await listVersions(id))?.map((v) => v.version)).toEqual([3, 2, 1]);
      // A stale save stores nothing, its file included; the answer carries the latest version's.
      const stale = await updateDesign(id, design(), 1, 'late', FILE);
      expect(stale).toMatchObject({ ok: false, reason: 'stale', latest: { version: 3, hcl: null } });
      expect((await listVersions(id))?.length).toBe(3);
    });

    it('creates without a file as null', async () => {
      const { id } = await createDesign(design());
      expect((await getDesign(id))?.hcl).toBeNull();
    });

    it('holds a file of the largest accepted size', async () => {
      const filler = `# ${'x'.repeat(98)}\n`;
      const padded = FILE + filler.repeat(Math.floor((MAX_FILE_BYTES - utf8Length(FILE)) / filler.length));
      expect(utf8Length(padded)).toBeLessThanOrEqual(MAX_FILE_BYTES);
      expect(utf8Length(padded)).toBeGreaterThan(MAX_FILE_BYTES - 100);
      const { id } = await createDesign(design(), '', padded);
      expect((await getDesign(id))?.hcl).toBe(padded);
    });
  });
}
