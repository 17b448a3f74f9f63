/**
 * One process per data folder. The SQLite store (`app.sqlite`) and the
 * embedded emulator (`emulator.sqlite`) keep their caches and live events in
 * the process, so a second process on the same folder would serve stale lists
 * and miss every event of the first. Instead it refuses to start, saying why.
 *
 * The lock is SQLite's own exclusive lock on `instance.lock` in the data
 * folder (an OS file lock, `locking_mode = EXCLUSIVE`), held by this process
 * for its whole life: the kernel releases it when the process ends however it
 * ends, so a crash never leaves a stale lock behind. Not marked `server-only`
 * so vitest can load it in-process.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { ensurePrivateDir, preparePrivateDatabaseFile } from './private-files';

export const INSTANCE_LOCK_FILE = 'instance.lock';

/** Whether this configuration keeps state in the data folder that only one process may hold. */
export function singleInstanceReason(env: NodeJS.ProcessEnv = process.env): string | null {
  const sqlite = !env.DATABASE_URL?.trim();
  // The instance that serves the embedded emulator (the others reach it at ALKIRA_EMULATOR_ORIGIN).
  const emulator = !env.ALKIRA_PORTAL?.trim() && !env.ALKIRA_EMULATOR_ORIGIN?.trim();
  if (sqlite && emulator) return 'the SQLite store and the embedded Alkira emulator';
  if (sqlite) return 'the SQLite store';
  if (emulator) return 'the embedded Alkira emulator';
  return null;
}

export function dataDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.ALKIRA_DATA_DIR || './data');
}

const KEY = Symbol.for('connector-studio.instance-lock');
type Holder = { [KEY]?: Database.Database };

/**
 * Takes the data folder's lock for this process; answers the reason to refuse
 * to start when another process holds it, else null (also when this
 * configuration needs no lock, or this process already holds it).
 */
export function lockDataDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const reason = singleInstanceReason(env);
  if (!reason) return null;
  const g = globalThis as Holder;
  if (g[KEY]?.open) return null;
  const dir = dataDirOf(env);
  ensurePrivateDir(dir);
  const file = path.join(/*turbopackIgnore: true*/ dir, INSTANCE_LOCK_FILE);
  preparePrivateDatabaseFile(file);
  const conn = new Database(file, { timeout: 0 });
  try {
    conn.pragma('locking_mode = EXCLUSIVE');
    conn.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, started_at TEXT NOT NULL)');
    conn.exec('BEGIN EXCLUSIVE');
    conn.prepare('DELETE FROM holder').run();
    conn.prepare('INSERT INTO holder (pid, started_at) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    conn.exec('COMMIT');
  } catch (err) {
    conn.close();
    const code = (err as { code?: string }).code;
    if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw err;
    return (
      `another Connector Studio process already uses the data folder ${dir} (ALKIRA_DATA_DIR). With ${reason} the app ` +
      'runs as a single instance: a second process on the same folder would show stale lists and miss live updates. ' +
      'Stop the other process, give this one its own ALKIRA_DATA_DIR, or run several instances on one PostgreSQL ' +
      '(DATABASE_URL) against one Alkira API (ALKIRA_PORTAL, or one instance\'s emulator: ALKIRA_EMULATOR_ORIGIN); see "Running several instances" in the README.'
    );
  }
  g[KEY] = conn; // kept open (and referenced) for the life of the process: the lock lives as long as the connection
  return null;
}

/** At start: takes the lock, or exits the server process (code 1, the reason on stderr). Node.js only. */
export function refuseSecondInstance(env: NodeJS.ProcessEnv = process.env): void {
  const refused = lockDataDir(env);
  if (!refused) return;
  console.error(`Connector Studio will not start: ${refused}`);
  process.exit(1);
}

/** Releases the lock (tests). */
export function unlockDataDir(): void {
  const g = globalThis as Holder;
  g[KEY]?.close();
  g[KEY] = undefined;
}
