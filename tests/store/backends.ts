/**
 * The two databases every store test runs on: SQLite in a temp data dir and
 * a real PostgreSQL (tests/helpers/postgres.ts). `use()` points the store's
 * environment (`ALKIRA_DATA_DIR` / `DATABASE_URL`) at a fresh database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '../helpers/postgres';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Points the store at a new, empty database; returns the env it set. */
  use(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export function sqliteBackend(): Backend {
  return {
    name: 'sqlite',
    async use() {
      delete process.env.DATABASE_URL;
      process.env.ALKIRA_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'cs-store-'));
      return { ALKIRA_DATA_DIR: process.env.ALKIRA_DATA_DIR };
    },
    async stop() {},
  };
}

export function postgresBackend(): Backend {
  let server: TestPostgres | undefined;
  return {
    name: 'postgres',
    async use() {
      server ??= await startPostgres();
      process.env.DATABASE_URL = await server.createDatabase();
      process.env.ALKIRA_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'cs-store-'));
      return { DATABASE_URL: process.env.DATABASE_URL, ALKIRA_DATA_DIR: process.env.ALKIRA_DATA_DIR };
    },
    async stop() {
      await server?.stop();
    },
  };
}
