/**
 * A real PostgreSQL server for tests: `TEST_DATABASE_URL` when set, else a
 * throwaway cluster (initdb + pg_ctl from Debian's `postgresql` package, run
 * as user `postgres` when we are root) in a temp dir on a free local port,
 * removed by `stop()`. Never skips: without either, it throws and says how to
 * get one, so CI cannot pass with the PostgreSQL tests silently left out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server';

export interface TestPostgres {
  /** Server URL (the `postgres` maintenance database). */
  url: string;
  /** A fresh, empty database on the server; its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The newest installed server binaries (`/usr/lib/postgresql/<major>/bin`), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const m of majors) if (existsSync(path.join(root, m, 'bin', 'pg_ctl'))) return path.join(root, m, 'bin');
  return null;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as user `postgres` when we are root (initdb refuses root). */
function runPg(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

let counter = 0;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

function api(url: string, stop: () => Promise<void>): TestPostgres {
  return {
    url,
    stop,
    async createDatabase(prefix = 'cs_test') {
      const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, '_');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return withDatabase(url, name);
    },
  };
}

export async function startPostgres(): Promise<TestPostgres> {
  const external = process.env.TEST_DATABASE_URL?.trim();
  if (external) return api(external, async () => undefined);

  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL tests need a server: set TEST_DATABASE_URL, or install Debian\'s "postgresql" package (apt-get install -y postgresql; .ci/run does it).',
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'cs-pg-'));
  chmodSync(dir, 0o777); // the postgres user writes the cluster and its socket here
  const data = path.join(dir, 'data');
  const port = await freePort();
  runPg(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  runPg(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  const stop = async () => {
    try {
      runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return api(`postgres://postgres@127.0.0.1:${port}/postgres`, stop);
}

/** The server version string, to show which PostgreSQL a test ran against. */
export function postgresVersion(): string {
  const bin = postgresBinDir();
  return bin ? execFileSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim() : 'external';
}
