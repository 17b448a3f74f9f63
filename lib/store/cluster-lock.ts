/**
 * Work only one app instance may do at a time (the reconciler's round): on
 * PostgreSQL a session advisory lock, tried without waiting, so an instance
 * that finds another one at it skips its turn instead of queueing behind it.
 * With SQLite there is one instance (see instance-lock.ts) and the work simply
 * runs. The lock is held on one connection of the store's pool for the length
 * of the work and released on that same connection (advisory locks belong to
 * the session); a crashed holder's lock ends with its connection.
 */
import { sql } from 'kysely';
import { getStore, type Store } from './db';

/** Stable 32-bit keys of the named locks (the first argument of the two-key advisory lock). */
const NAMESPACE = 0x43535455; // "CSTU"
const LOCK_KEYS = { reconcile: 1 } as const;
export type ClusterLockName = keyof typeof LOCK_KEYS;

/**
 * Runs `work` while holding the lock `name`; answers `{ ran: false }` without
 * running it when another session holds it.
 */
export async function withClusterLock<T>(
  name: ClusterLockName,
  work: () => Promise<T>,
  store: Pick<Store, 'db' | 'dialect' | 'ready'> = getStore(),
): Promise<{ ran: true; value: T } | { ran: false }> {
  await store.ready;
  if (store.dialect !== 'postgres') return { ran: true, value: await work() };
  return store.db.connection().execute(async (conn) => {
    const key = LOCK_KEYS[name];
    const got = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${NAMESPACE}::int, ${key}::int) as locked`.execute(conn);
    if (!got.rows[0]?.locked) return { ran: false as const };
    try {
      return { ran: true as const, value: await work() };
    } finally {
      await sql`select pg_advisory_unlock(${NAMESPACE}::int, ${key}::int)`.execute(conn).catch(() => undefined);
    }
  });
}
