/**
 * A separate process that acts as one app instance towards the store, for
 * tests of what several processes do at once (run with tsx):
 *   `migrate`  opens the store of `DATABASE_URL` (applying migrations), prints
 *              `migrated <names applied by this process>` and exits;
 *   `lock`     starts as the server does (taking the data folder's lock when it needs one), prints
 *              `started` or `refused: <reason>`, then runs until killed.
 */
import { migrate, storeTarget } from '../../lib/store/db';
import { lockDataDir } from '../../lib/store/instance-lock';
import { Kysely, PostgresDialect } from 'kysely';
import { existsSync } from 'node:fs';
import pg from 'pg';

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === 'migrate') {
    const target = storeTarget();
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.location, max: 4 }) }),
    });
    // Both processes wait for the go signal (a file the test creates), so they really start together.
    const go = process.env.GO_FILE;
    console.log('waiting');
    while (go && !existsSync(go)) await new Promise((r) => setTimeout(r, 5));
    try {
      const applied = await migrate(db, target.dialect);
      console.log(`migrated ${JSON.stringify(applied)}`);
    } catch (err) {
      console.log(`failed ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    } finally {
      await db.destroy();
    }
  } else if (mode === 'lock') {
    const refused = lockDataDir();
    console.log(refused ? `refused: ${refused}` : 'started');
    setInterval(() => undefined, 60_000);
  } else {
    console.error('usage: store-process.ts migrate|lock');
    process.exit(2);
  }
}

void main();
