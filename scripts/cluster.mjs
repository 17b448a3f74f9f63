// A deployment in miniature: PostgreSQL, two production instances of the app
// and HAProxy in front of them, all on loopback, for the cluster browser test
// (playwright.cluster.config.ts), the latency bench (scripts/bench-cluster.ts)
// and trying it by hand:
//
//   node scripts/cluster.mjs            # after `npx next build`; Ctrl-C stops everything
//
// Ports from CLUSTER_BASE_PORT (default 3350): PostgreSQL on base, instance A
// on base+1, instance B on base+2, the balancer on base+5. Instance A serves
// the embedded Alkira emulator; B uses it (ALKIRA_EMULATOR_ORIGIN), so both
// see one tenant, as two instances on one real Alkira tenant would. Both share
// DATABASE_URL, CONNECTOR_STUDIO_SECRET, the emulator's app token and, when
// OIDC_ISSUER is set, the sign-in settings (taken from this process's
// environment). Every process is started here and stopped by its PID (the
// database with pg_ctl, which reads its PID file); the temp dir is removed.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HAPROXY = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find((p) => existsSync(p));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const m of majors) if (existsSync(path.join(root, m, 'bin', 'pg_ctl'))) return path.join(root, m, 'bin');
  return null;
}

/** Runs a PostgreSQL tool, as user `postgres` when we are root (initdb refuses root). */
function runPg(bin, args) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

async function waitFor(what, check, timeoutMs, alive = () => true) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new Error(`${what} exited while starting`);
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not start in ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts the whole cluster. `env`: extra environment for both instances (sign-in
 * settings, emulator timings). Answers the URLs and `stop()`.
 */
export async function startCluster({
  basePort = Number(process.env.CLUSTER_BASE_PORT) || 3350,
  env = {},
  log = () => {},
} = {}) {
  const pgBin = postgresBin();
  if (!pgBin) throw new Error('The cluster needs PostgreSQL: apt-get install -y postgresql (.ci/run does it)');
  if (!HAPROXY) throw new Error('The cluster needs HAProxy: apt-get install -y haproxy (.ci/run does it)');
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, distDir, 'BUILD_ID')))
    throw new Error(`No production build in ${distDir}: run "npx next build" first`);

  const dir = mkdtempSync(path.join(tmpdir(), 'cs-cluster-'));
  chmodSync(dir, 0o777); // the postgres user writes its cluster and socket here
  const ports = { postgres: basePort, a: basePort + 1, b: basePort + 2, balancer: basePort + 5 };
  const children = [];
  let pgStarted = false;
  const pgData = path.join(dir, 'pg');

  const stop = async () => {
    for (const c of children.reverse()) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      const exited = new Promise((r) => c.once('exit', r));
      process.kill(c.pid, 'SIGTERM');
      const timer = setTimeout(() => c.exitCode === null && process.kill(c.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (pgStarted) {
      try {
        runPg(path.join(pgBin, 'pg_ctl'), ['-D', pgData, '-m', 'fast', '-w', 'stop']);
      } catch (err) {
        log(`postgres stop: ${err.message}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    log(`PostgreSQL on ${ports.postgres}`);
    runPg(path.join(pgBin, 'initdb'), ['-D', pgData, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    runPg(path.join(pgBin, 'pg_ctl'), [
      '-D',
      pgData,
      '-l',
      path.join(dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${ports.postgres} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
    pgStarted = true;
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${ports.postgres}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE connector_studio');
    await admin.end();
    const databaseUrl = `postgres://postgres@127.0.0.1:${ports.postgres}/connector_studio`;

    // What every instance must share (README: "Running several instances").
    const shared = {
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      CONNECTOR_STUDIO_SECRET: randomBytes(32).toString('base64'),
      ALKIRA_EMULATOR_APP_TOKEN: randomBytes(24).toString('base64url'),
      CONNECTOR_STUDIO_TRUSTED_PROXIES: '127.0.0.1',
      ...env,
    };
    const instances = {
      a: { ...shared, PORT: String(ports.a), ALKIRA_DATA_DIR: path.join(dir, 'a') },
      b: {
        ...shared,
        PORT: String(ports.b),
        ALKIRA_DATA_DIR: path.join(dir, 'b'),
        ALKIRA_EMULATOR_ORIGIN: `http://127.0.0.1:${ports.a}`,
      },
    };
    for (const [name, instanceEnv] of Object.entries(instances)) {
      log(`instance ${name} on ${instanceEnv.PORT}`);
      const out = openSync(path.join(dir, `app-${name}.log`), 'a');
      const childEnv = { ...process.env, ...instanceEnv };
      delete childEnv.ALKIRA_PORTAL;
      if (name === 'a') delete childEnv.ALKIRA_EMULATOR_ORIGIN;
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
        cwd: ROOT,
        env: childEnv,
        stdio: ['ignore', out, out],
      });
      children.push(child);
      child.name = name;
    }
    for (const child of children) {
      const port = ports[child.name];
      await waitFor(
        `instance ${child.name}`,
        async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).status < 500,
        180_000,
        () => child.exitCode === null,
      );
    }

    const cfg = path.join(dir, 'haproxy.cfg');
    writeFileSync(
      cfg,
      [
        'global',
        '  maxconn 4096',
        'defaults',
        '  mode http',
        '  timeout connect 5s',
        '  timeout client 1h',
        '  timeout server 1h',
        '  timeout tunnel 1h',
        '  option forwardfor',
        'frontend front',
        `  bind 127.0.0.1:${ports.balancer}`,
        '  default_backend apps',
        'backend apps',
        // No stickiness: any request (a page, an API call, the event stream) may go to either instance.
        '  balance roundrobin',
        // Which instance answered, for the tests and the bench.
        '  http-response set-header X-Served-By %s',
        `  server a 127.0.0.1:${ports.a} check inter 1s`,
        `  server b 127.0.0.1:${ports.b} check inter 1s`,
        '',
      ].join('\n'),
    );
    log(`HAProxy on ${ports.balancer}`);
    const hlog = openSync(path.join(dir, 'haproxy.log'), 'a');
    const haproxy = spawn(HAPROXY, ['-f', cfg, '-db'], { stdio: ['ignore', hlog, hlog] });
    haproxy.name = 'haproxy';
    children.push(haproxy);
    const balancer = `http://127.0.0.1:${ports.balancer}`;
    // Up when both instances have answered through it.
    const seen = new Set();
    await waitFor(
      'the balancer',
      async () => {
        const r = await fetch(`${balancer}/api/health`);
        if (r.status < 500) seen.add(r.headers.get('x-served-by'));
        return seen.has('a') && seen.has('b');
      },
      30_000,
      () => haproxy.exitCode === null,
    );
    return {
      dir,
      databaseUrl,
      balancer,
      instances: { a: `http://127.0.0.1:${ports.a}`, b: `http://127.0.0.1:${ports.b}` },
      pids: Object.fromEntries(children.map((c) => [c.name, c.pid])),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

// Run directly: start, print where, stay up until SIGINT/SIGTERM, then stop everything.
async function runDirectly() {
  const env = {};
  // Without sign-in the instances are in local mode (loopback only, as `npm start`).
  for (const [k, v] of Object.entries(process.env))
    if (/^(OIDC_|ALKIRA_EMULATOR_|CONNECTOR_STUDIO_)/.test(k) && v !== undefined) env[k] = v;
  const cluster = await startCluster({ env, log: (m) => console.log(`[cluster] ${m}`) });
  console.log(
    `[cluster] up: balancer ${cluster.balancer}, instances ${cluster.instances.a} ${cluster.instances.b}, pids ${JSON.stringify(cluster.pids)}, logs in ${cluster.dir}`,
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log('[cluster] stopping');
      cluster.stop().then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDirectly().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
