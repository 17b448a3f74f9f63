/**
 * Several app instances on one store: two processes migrating a fresh
 * PostgreSQL at the same moment both start, with each migration applied once;
 * messages travel between instances over LISTEN/NOTIFY; only one instance at
 * a time holds the reconciler's lock; and with SQLite (or the embedded
 * emulator) a second process on the same data folder is refused, until the
 * first one is gone however it ended.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announce,
  CLUSTER_CHANNEL,
  instanceId,
  listenToCluster,
  onClusterMessage,
  stopListening,
  type ClusterMessage,
} from '@/lib/store/cluster-bus';
import { withClusterLock } from '@/lib/store/cluster-lock';
import { getStore, openStore, storeTarget } from '@/lib/store/db';
import { followClusterStreams, registerStream, streamsOf } from '@/lib/http/open-streams';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { at } from '../helpers/present';

const ROOT = path.resolve(__dirname, '..', '..');
const CHILD = path.join(ROOT, 'tests', 'helpers', 'store-process.ts');
/** Tests that start processes (each loads tsx and the store's native driver: seconds on a busy machine). */
const CHILD_TEST_MS = 120_000;

interface Child {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with the first output line matching `re`. */
  line(re: RegExp): Promise<string>;
}

function child(mode: string, env: Record<string, string>): Child {
  // tsx as a loader in this one process (its CLI would run the script in a grandchild that a kill would miss).
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: Array<() => void> = [];
  const onData = (d: Buffer) => {
    out += d;
    for (const w of waiters.splice(0)) w();
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    output: () => out,
    exited,
    line: (re) =>
      new Promise<string>((resolve, reject) => {
        const look = () => {
          const m = out.split('\n').find((l) => re.test(l));
          if (m) return resolve(m);
          if (proc.exitCode !== null) return reject(new Error(`child exited (${proc.exitCode}):\n${out}`));
          waiters.push(look);
        };
        proc.once('exit', () => waiters.length && look());
        look();
      }),
  };
}

describe('several instances on one PostgreSQL', () => {
  let server: TestPostgres;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, ALKIRA_DATA_DIR: process.env.ALKIRA_DATA_DIR };

  beforeAll(async () => {
    server = await startPostgres();
    process.env.DATABASE_URL = await server.createDatabase('cs_cluster');
    process.env.ALKIRA_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'cs-cluster-'));
  });
  afterAll(async () => {
    await stopListening();
    await getStore().close();
    await server.stop();
    Object.assign(process.env, saved);
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
  });

  it(
    'two processes migrating a fresh database at the same moment both start, and each migration is applied once',
    async () => {
      const url = await server.createDatabase('cs_race');
      const go = path.join(mkdtempSync(path.join(tmpdir(), 'cs-race-')), 'go');
      const a = child('migrate', { DATABASE_URL: url, GO_FILE: go });
      const b = child('migrate', { DATABASE_URL: url, GO_FILE: go });
      // Both have loaded the code and wait on the same signal; then they race.
      await Promise.all([a.line(/^waiting/), b.line(/^waiting/)]);
      writeFileSync(go, '');
      const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
      expect({ a: codeA, b: codeB, out: a.output() + b.output() }).toMatchObject({ a: 0, b: 0 });
      const appliedBy = [a, b].map((c) => JSON.parse(at(/migrated (.*)/.exec(c.output())!, 1)) as string[]);
      const all = appliedBy.flat();
      // Every migration ran in exactly one of the two processes.
      expect(new Set(all).size).toBe(all.length);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const rows = await client.query('select name from kysely_migration order by name');
        expect(rows.rows.map((r) => r.name).sort()).toEqual([...all].sort());
        expect(rows.rowCount).toBeGreaterThanOrEqual(10);
      } finally {
        await client.end();
      }
    },
    CHILD_TEST_MS,
  );

  it('messages travel between instances over LISTEN/NOTIFY, and an instance never hears its own', async () => {
    await listenToCluster();
    const heard: ClusterMessage[] = [];
    const off = onClusterMessage((m) => heard.push(m));
    // Another instance, as PostgreSQL sees one: its own connection, LISTENing and NOTIFYing on the channel.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    const received: unknown[] = [];
    other.on('notification', (n) => received.push(JSON.parse(n.payload ?? 'null')));
    await other.query(`LISTEN ${CLUSTER_CHANNEL}`);
    try {
      await announce({ kind: 'invalidate', cache: 'connectors' });
      await expect.poll(() => received).toEqual([{ kind: 'invalidate', cache: 'connectors', from: instanceId() }]);
      const event = {
        type: 'state',
        data: {
          connectorId: 7,
          requestId: 'r-1',
          state: 'IN_PROGRESS',
          errorMessage: null,
          at: '2026-01-01T00:00:00Z',
        },
      };
      await other.query('select pg_notify($1, $2)', [
        CLUSTER_CHANNEL,
        JSON.stringify({ kind: 'event', backend: 'emulator', event, from: 'instance-b' }),
      ]);
      await expect.poll(() => heard).toEqual([{ kind: 'event', backend: 'emulator', event, from: 'instance-b' }]);
      // Our own announcement came back on the channel too, and was not handed to our handlers.
      expect(heard.some((m) => m.from === instanceId())).toBe(false);
    } finally {
      off();
      await other.end();
    }
  });

  it("counts a user's event streams on every instance against the per-user limit, and ends them everywhere at sign-out", async () => {
    await listenToCluster();
    followClusterStreams();
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    const received: Array<{ kind: string; counts?: Record<string, number> }> = [];
    other.on('notification', (n) => received.push(JSON.parse(n.payload ?? 'null')));
    await other.query(`LISTEN ${CLUSTER_CHANNEL}`);
    const ended: string[] = [];
    try {
      // Instance B says Olivia holds 5 streams there.
      await other.query('select pg_notify($1, $2)', [
        CLUSTER_CHANNEL,
        JSON.stringify({ kind: 'streams', counts: { olivia: 5 }, from: 'instance-b' }),
      ]);
      await expect.poll(() => streamsOf('olivia')).toBe(5);
      expect(streamsOf('otto')).toBe(0);
      // One more here: 6 in all, and B hears that this instance now holds one of them.
      const forget = registerStream({ user: 'olivia', session: 'session-1', end: () => ended.push('session-1') });
      expect(streamsOf('olivia')).toBe(6);
      await expect.poll(() => received.filter((m) => m.kind === 'streams').at(-1)?.counts).toEqual({ olivia: 1 });
      // B signs the session out: its stream here ends.
      const { createHash } = await import('node:crypto');
      const hash = createHash('sha256').update('open-streams:session-1').digest('hex');
      await other.query('select pg_notify($1, $2)', [
        CLUSTER_CHANNEL,
        JSON.stringify({ kind: 'sign-out', session: hash, from: 'instance-b' }),
      ]);
      await expect.poll(() => ended).toEqual(['session-1']);
      forget();
      // B's streams close.
      await other.query('select pg_notify($1, $2)', [
        CLUSTER_CHANNEL,
        JSON.stringify({ kind: 'streams', counts: {}, from: 'instance-b' }),
      ]);
      await expect.poll(() => streamsOf('olivia')).toBe(0);
    } finally {
      await other.end();
    }
  });

  it('only one instance at a time runs the reconciler; the other skips its turn instead of waiting', async () => {
    const target = storeTarget();
    const first = openStore(target);
    const second = openStore(target);
    try {
      let release: () => void = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      const started: string[] = [];
      const a = withClusterLock(
        'reconcile',
        async () => {
          started.push('first');
          await held;
          return 'first done';
        },
        first,
      );
      await expect.poll(() => started).toEqual(['first']);
      const b = await withClusterLock(
        'reconcile',
        async () => {
          started.push('second');
          return 'second done';
        },
        second,
      );
      expect(b).toEqual({ ran: false });
      release();
      expect(await a).toEqual({ ran: true, value: 'first done' });
      // Released: the other instance's next round runs.
      expect(await withClusterLock('reconcile', async () => 'second again', second)).toEqual({
        ran: true,
        value: 'second again',
      });
      expect(started).toEqual(['first']);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('one process per data folder with SQLite or the embedded emulator', () => {
  it(
    'refuses a second process on the same folder with a clear reason, and lets one in once the first is gone',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'cs-lock-'));
      const env = { ALKIRA_DATA_DIR: dir, DATABASE_URL: '', ALKIRA_PORTAL: '' };
      const first = child('lock', env);
      expect(await first.line(/^(started|refused)/)).toBe('started');
      const second = child('lock', env);
      const answer = await second.line(/^(started|refused)/);
      expect(answer).toContain(`refused: another Connector Studio process already uses the data folder ${dir}`);
      expect(answer).toContain('the SQLite store and the embedded Alkira emulator');
      second.proc.kill('SIGKILL');
      // The first one crashes: nothing it could clean up, yet the folder is free again.
      first.proc.kill('SIGKILL');
      await Promise.all([first.exited, second.exited]);
      const third = child('lock', env);
      try {
        expect(await third.line(/^(started|refused)/)).toBe('started');
      } finally {
        third.proc.kill('SIGKILL');
        await third.exited;
      }
    },
    CHILD_TEST_MS,
  );

  it(
    'lets several processes share a folder with PostgreSQL and a shared Alkira API (nothing single-instance in it)',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'cs-lock-'));
      const env = {
        ALKIRA_DATA_DIR: dir,
        DATABASE_URL: 'postgres://db.example/cs',
        ALKIRA_PORTAL: 'acme.portal.alkira.com',
      };
      const both = [child('lock', env), child('lock', env)];
      try {
        expect(await Promise.all(both.map((c) => c.line(/^(started|refused)/)))).toEqual(['started', 'started']);
      } finally {
        for (const c of both) c.proc.kill('SIGKILL');
        await Promise.all(both.map((c) => c.exited));
      }
    },
    CHILD_TEST_MS,
  );
});
