/**
 * The one database entry point: `getDb()` answers a Kysely instance on
 * PostgreSQL when `DATABASE_URL` is set, else on SQLite at
 * `${ALKIRA_DATA_DIR || './data'}/app.sqlite`, with every migration applied.
 * How to add a table: see `migrations.ts`. Server code only (native driver,
 * credentials); not marked `server-only` so vitest can load it in-process.
 */
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import path from 'node:path';
import { Pool } from 'pg';
import { storeMigrations, type StoreDialect } from './migrations';
import { ensurePrivateDir, preparePrivateDatabaseFile } from './private-files';
import type { StoreSchema } from './schema';

export type StoreDb = Kysely<StoreSchema>;

export interface StoreTarget {
  dialect: StoreDialect;
  /** The connection string or the SQLite file path. */
  location: string;
}

export interface Store {
  db: StoreDb;
  dialect: StoreDialect;
  /** Resolves once migrations are applied (getDb awaits it). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Where the store lives, from the environment. */
export function storeTarget(env: NodeJS.ProcessEnv = process.env): StoreTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { dialect: 'postgres', location: url };
  // turbopackIgnore: runtime state, not something to trace into the build output.
  const dir = path.resolve(/*turbopackIgnore: true*/ env.ALKIRA_DATA_DIR || './data');
  return { dialect: 'sqlite', location: path.join(/*turbopackIgnore: true*/ dir, 'app.sqlite') };
}

function connect(target: StoreTarget): StoreDb {
  if (target.dialect === 'postgres') {
    return new Kysely<StoreSchema>({
      dialect: new PostgresDialect({ pool: new Pool({ connectionString: target.location, max: 10 }) }),
    });
  }
  ensurePrivateDir(path.dirname(target.location));
  preparePrivateDatabaseFile(target.location);
  const conn = new Database(target.location);
  conn.pragma('journal_mode = WAL');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('foreign_keys = ON');
  return new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: conn }) });
}

async function migrateOnce(db: Kysely<unknown>, dialect: StoreDialect): Promise<string[]> {
  const migrations = storeMigrations(dialect);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const detail = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Store migration ${failed?.migrationName ?? ''} failed: ${detail}`.trim());
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Applies pending migrations; throws with the failing migration's name.
 * PostgreSQL serialises concurrent migrators with an advisory lock; SQLite has
 * no such lock in Kysely, so a process that lost the race (its transaction
 * rolled back) simply looks again and finds nothing left to do.
 */
export async function migrate(db: Kysely<unknown>, dialect: StoreDialect): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(db, dialect);
    } catch (err) {
      if (dialect !== 'sqlite' || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}

/** Opens a store (and migrates it) at an explicit target: tests and the bench use this. */
export function openStore(target: StoreTarget): Store {
  const db = connect(target);
  const ready = migrate(db as Kysely<unknown>, target.dialect).then(() => undefined);
  ready.catch(() => undefined); // reported to whoever awaits it
  return { db, dialect: target.dialect, ready, close: () => db.destroy() };
}

// One store per process, kept on globalThis because Next may load this module
// once per route bundle; re-opened when the target changes (tests switch it).
const CACHE = Symbol.for('connector-studio.store');
type Cached = { key: string; store: Store };
const holder = globalThis as typeof globalThis & { [CACHE]?: Cached };

/** The process's store for the current environment. */
export function getStore(): Store {
  const target = storeTarget();
  const key = `${target.dialect}:${target.location}`;
  const cached = holder[CACHE];
  if (cached && cached.key === key) return cached.store;
  if (cached) void cached.store.close().catch(() => undefined);
  const store = openStore(target);
  holder[CACHE] = { key, store };
  // A failed migration is retried on the next call rather than cached forever.
  store.ready.catch(() => {
    if (holder[CACHE]?.store === store) holder[CACHE] = undefined;
    void store.close().catch(() => undefined);
  });
  return store;
}

/** The migrated query builder for the current environment. */
export async function getDb(): Promise<StoreDb> {
  const store = getStore();
  await store.ready;
  return store.db;
}
