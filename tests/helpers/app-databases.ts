/**
 * The app's two stores for the API tests that run on both: SQLite (the server's own data directory) and
 * PostgreSQL (one server for the test file, started on first use and stopped after the file; a fresh database
 * per suite).
 */
import { afterAll } from 'vitest';
import { startPostgres, type TestPostgres } from './postgres';

export const APP_DATABASES = ['sqlite', 'postgres'] as const;
export type AppDatabase = (typeof APP_DATABASES)[number];

export interface AppDatabases {
  /** `env` for a server on `backend`: as it is for SQLite; with DATABASE_URL of a new database `name` for PostgreSQL. */
  env(backend: AppDatabase, env: Record<string, string>, name: string): Promise<Record<string, string>>;
}

/** Registers the PostgreSQL server's stop after the test file; call it at the file's top level. */
export function appDatabasesForFile(): AppDatabases {
  let postgres: TestPostgres | undefined;
  afterAll(async () => {
    await postgres?.stop();
  });
  return {
    async env(backend, env, name) {
      if (backend === 'sqlite') return { ...env };
      postgres ??= await startPostgres();
      return { ...env, DATABASE_URL: await postgres.createDatabase(name) };
    },
  };
}
