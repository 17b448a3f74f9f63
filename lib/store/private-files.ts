/**
 * Files the app keeps under its data folder (the SQLite stores, their WAL and
 * shared-memory files, the store key) hold connector designs, the audit trail,
 * sealed sign-in state and the emulator's keys: readable by the server's own
 * user only. The folder is created 0700 and each database file is created (or,
 * if an older version left it readable by others, tightened to) 0600 before
 * SQLite opens it; SQLite gives its -wal and -shm files the database file's
 * mode. Not marked `server-only` so vitest can load the store in-process.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` (and parents) readable by this user only; an existing folder is left as it is. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Makes sure `file` exists with mode 0600, as do the -wal and -shm files SQLite may have left next to it. */
export function preparePrivateDatabaseFile(file: string): void {
  closeSync(openSync(/*turbopackIgnore: true*/ file, 'a', PRIVATE_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (!existsSync(/*turbopackIgnore: true*/ f)) continue;
    try {
      chmodSync(/*turbopackIgnore: true*/ f, PRIVATE_FILE_MODE);
    } catch {
      // Not ours to change (a read-only mount): SQLite will say what is wrong if it matters.
    }
  }
}
