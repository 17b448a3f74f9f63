/**
 * npm run load [-- --users N] [--duration S] [--target URL ...] [--diagnostics URL ...] [--port P] [--connectors N] [--json FILE]
 *
 * N concurrent users (default 100), each sending the mixed workload of
 * scripts/load/workload.ts back to back (no think time) for S seconds
 * (default 60), then a report: throughput, per route count / errors / p50 /
 * p99 / max, errors by status, and the server's event-loop delay as it
 * measured it (GET /api/diagnostics/event-loop, reset when the clock starts).
 *
 * Without --target it is self-contained: it starts the production server
 * (`.next`, as `npm run serve` does; build first) on --port (default a free
 * one) with the embedded emulator, seeds --connectors connectors (default
 * 1,000), and stops the server at the end. With --target (repeatable, e.g. a
 * load balancer, or each instance of a pair) users are spread over the
 * targets round-robin; those must have CONNECTOR_STUDIO_DIAGNOSTICS=1 for the
 * event-loop figures (--diagnostics names the instances to ask, when the
 * target is a balancer), and ALKIRA_EMULATOR_ADMIN=1 with
 * ALKIRA_EMULATOR_APP_TOKEN in this environment to be seeded.
 *
 * Each user connects from its own loopback address (127.0.0.10, .11, …), as
 * separate people would: per-client limits (the parse queue's) see 100
 * clients, not one. Every request goes to loopback only, and the run stops by
 * itself after S seconds (a request still open then has 30 s more at most).
 */
import http from 'node:http';
import os from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { APP_CALLER_HEADERS, freePort, startServer, type RunningServer } from '../tests/helpers/server';
import { picker, routeMix, seeded, workloadFixtures, type LoadRequest, type RouteMix } from './load/workload';
import { itemAt } from '../lib/util/indexing';

interface Options {
  users: number;
  durationS: number;
  targets: string[];
  diagnostics: string[];
  port?: number;
  connectors: number;
  json?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { users: 100, durationS: 60, targets: [], diagnostics: [], connectors: 1000 };
  // `npm run load --users 5` (without `--`) hands the flag to npm, which passes it on as npm_config_users.
  for (const [flag, name] of [
    ['--users', 'users'],
    ['--duration', 'duration'],
    ['--port', 'port'],
    ['--connectors', 'connectors'],
  ] as const) {
    const fromNpm = process.env[`npm_config_${name}`];
    if (fromNpm && fromNpm !== 'true' && !argv.some((a) => a.split('=')[0] === flag)) argv = [flag, fromNpm, ...argv];
  }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = itemAt(argv, i, 'argument').split('=', 2);
    const value = (): string => {
      const given = inline ?? argv[++i];
      if (given === undefined) throw new Error(`${flag} needs a value`);
      return given;
    };
    const count = (name: string) => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number`);
      return n;
    };
    if (flag === '--users') o.users = Math.floor(count('--users'));
    else if (flag === '--duration') o.durationS = count('--duration');
    else if (flag === '--target') o.targets.push(value().replace(/\/+$/, ''));
    else if (flag === '--diagnostics') o.diagnostics.push(value().replace(/\/+$/, ''));
    else if (flag === '--port') o.port = Math.floor(count('--port'));
    else if (flag === '--connectors') o.connectors = Math.floor(count('--connectors'));
    else if (flag === '--json') o.json = value();
    else throw new Error(`Unknown option ${argv[i]} (see the comment at the top of scripts/load.ts)`);
  }
  if (o.users > 60_000) throw new Error('--users: at most 60,000 (one loopback address each)');
  return o;
}

/** The loopback address user `i` connects from. */
function userAddress(i: number): string {
  const n = 10 + i;
  return `127.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

interface Answer {
  status: number;
  body: string;
}

function send(base: URL, agent: http.Agent, req: LoadRequest, timeoutMs: number, retry = true): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: req.path.startsWith('/api/') ? 'application/json' : 'text/html' };
    if (req.body !== undefined) {
      headers['Content-Type'] = req.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(req.body));
    }
    const r = http.request(
      { host: base.hostname, port: base.port, method: req.method, path: req.path, agent, headers, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer in ${timeoutMs / 1000} s`)));
    r.on('error', (err: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed just as this request went out: send it again on a new
      // one, as browsers do (Node's documented pattern), once.
      if (retry && r.reusedSocket && err.code === 'ECONNRESET')
        send(base, agent, req, timeoutMs, false).then(resolve, reject);
      else reject(err);
    });
    r.end(req.body);
  });
}

async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text };
}

/**
 * Adds connectors through the emulator's admin endpoint until the tenant has `count` (when a server allows it).
 * `servers`: where to try, in turn — behind a balancer only the instance serving the emulator can seed it.
 */
async function seedConnectors(base: string, servers: string[], count: number, log: (s: string) => void): Promise<void> {
  const have = await call(base, 'GET', '/api/connectors?page=1&page_size=1');
  const total = have.status === 200 ? Number(JSON.parse(have.text).total ?? 0) : 0;
  if (total >= count) return log(`  ${total} connectors already there`);
  const token = process.env.ALKIRA_EMULATOR_APP_TOKEN ?? APP_CALLER_HEADERS['x-connector-studio-app'];
  let refused = '';
  for (const server of servers) {
    const seeded = await call(
      server,
      'POST',
      '/emulator/_admin/seed',
      { count: count - total, seed: 7 },
      { 'x-connector-studio-app': token },
    );
    if (seeded.status < 300) return log(`  seeded ${count - total} connectors through ${server} (now ${count})`);
    refused = `${seeded.status}: ${seeded.text.slice(0, 200)}`;
  }
  log(`  could not seed connectors (${refused}; needs ALKIRA_EMULATOR_ADMIN=1 and ALKIRA_EMULATOR_APP_TOKEN)`);
}

/** Stores `n` designs to read back during the run. */
async function storeDesigns(base: string, n: number, design: object): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await call(base, 'POST', '/api/designs', {
      design: { ...design, name: `load-design-${i}`, resource_name: `load_design_${i}` },
      note: 'load test',
    });
    if (r.status !== 201) throw new Error(`storing a design: ${r.status} ${r.text.slice(0, 300)}`);
    ids.push(JSON.parse(r.text).id);
  }
  return ids;
}

interface EventLoop {
  url: string;
  maxDelayMs: number;
  p99DelayMs: number;
  maxBlockedMs: number;
}

async function readEventLoop(url: string, reset: boolean): Promise<EventLoop | null> {
  try {
    const r = await call(url, 'GET', `/api/diagnostics/event-loop${reset ? '?reset=1' : ''}`);
    if (r.status !== 200) return null;
    const d = JSON.parse(r.text);
    return { url, maxDelayMs: d.maxDelayMs, p99DelayMs: d.p99DelayMs, maxBlockedMs: d.maxBlockedMs };
  } catch {
    return null;
  }
}

/** utime + stime of a process, in ms (Linux). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

interface RouteStats {
  name: string;
  exempt: boolean;
  latencies: number[];
  errors: number;
}

export interface LoadReport {
  users: number;
  seconds: number;
  targets: string[];
  requests: number;
  perSecond: number;
  errors: number;
  errorsByStatus: Record<string, number>;
  errorExamples: string[];
  routes: {
    name: string;
    requests: number;
    errors: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    exempt: boolean;
  }[];
  eventLoop: EventLoop[];
  serverCpuPercent: number | null;
  /** The server's CPU time (all its threads) per request answered: what bounds throughput, whoever else uses the machine. */
  serverCpuMsPerRequest: number | null;
  clientCpuPercent: number;
  targetsMet: { errors: boolean; p99: boolean; eventLoop: boolean | null };
}

const quantile = (sorted: number[], q: number): number =>
  sorted.length ? itemAt(sorted, Math.min(sorted.length - 1, Math.floor(q * sorted.length)), 'sample') : 0;

/** Runs the users against `targets` for `durationS` seconds. */
async function drive(opts: Options, targets: string[], mix: RouteMix[], log: (s: string) => void) {
  const pick = picker(mix);
  const stats = new Map<string, RouteStats>(
    mix.map((r) => [r.name, { name: r.name, exempt: Boolean(r.exempt), latencies: [], errors: 0 }]),
  );
  const errorsByStatus: Record<string, number> = {};
  const examples: string[] = [];
  const deadline = performance.now() + opts.durationS * 1000;
  const agents: http.Agent[] = [];
  const user = async (i: number) => {
    const base = new URL(itemAt(targets, i % targets.length, 'target'));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: userAddress(i) });
    agents.push(agent);
    const rand = seeded(1000 + i);
    while (performance.now() < deadline) {
      const route = pick(rand());
      const req = route.make(rand());
      const s = stats.get(route.name)!;
      const t0 = performance.now();
      let problem: string | null = null;
      try {
        const answer = await send(base, agent, req, opts.durationS * 1000 + 30_000);
        if (answer.status < 200 || answer.status >= 300) {
          problem = String(answer.status);
          if (examples.length < 8)
            examples.push(`${req.method} ${req.path} → ${answer.status} ${answer.body.slice(0, 160)}`);
        }
      } catch (err) {
        problem = 'no answer';
        if (examples.length < 8)
          examples.push(`${req.method} ${req.path} → ${err instanceof Error ? err.message : err}`);
      }
      s.latencies.push(performance.now() - t0);
      if (problem) {
        s.errors++;
        errorsByStatus[problem] = (errorsByStatus[problem] ?? 0) + 1;
      }
    }
  };
  const every = Math.max(1, Math.round(opts.durationS / 6));
  const ticker = setInterval(() => {
    const done = [...stats.values()].reduce((n, s) => n + s.latencies.length, 0);
    log(`  … ${done} requests`);
  }, every * 1000);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.users }, (_, i) => user(i)));
  clearInterval(ticker);
  for (const a of agents) a.destroy();
  return { stats, errorsByStatus, examples, seconds: (performance.now() - t0) / 1000 };
}

export async function runLoad(opts: Options, log: (s: string) => void = console.log): Promise<LoadReport> {
  let server: RunningServer | null = null;
  let targets = opts.targets;
  if (targets.length === 0) {
    log('Starting the production server with 1 instance (CONNECTOR_STUDIO_DIAGNOSTICS=1, embedded emulator)');
    server = await startServer(
      { CONNECTOR_STUDIO_DIAGNOSTICS: '1', ALKIRA_EMULATOR_ADMIN: '1', ALKIRA_EMULATOR_PROVISION_MS: '1000' },
      { port: opts.port ?? (await freePort()) },
    );
    targets = [server.url];
  }
  try {
    const first = itemAt(targets, 0, 'target');
    log(`Preparing ${first}`);
    await seedConnectors(first, [...new Set([first, ...opts.diagnostics])], opts.connectors, log);
    const probe = workloadFixtures([]);
    const fixtures = workloadFixtures(await storeDesigns(first, 20, probe.typical));
    const mix = routeMix(fixtures);
    // Warm every route on every target once (code loaded, caches filled), then start the clock.
    for (const t of targets)
      for (const r of mix) await send(new URL(t), new http.Agent(), r.make(0.5), 60_000).catch(() => undefined);
    const diagnostics = opts.diagnostics.length ? opts.diagnostics : targets;
    await Promise.all(diagnostics.map((d) => readEventLoop(d, true)));
    const cpu0 = server ? processCpuMs(server.pid) : null;
    const client0 = process.cpuUsage();
    log(`${opts.users} users, ${opts.durationS} s, against ${targets.join(', ')}`);
    const run = await drive(opts, targets, mix, log);
    const cpu1 = server ? processCpuMs(server.pid) : null;
    const client = process.cpuUsage(client0);
    const eventLoop = (await Promise.all(diagnostics.map((d) => readEventLoop(d, false)))).filter(
      (e): e is EventLoop => e !== null,
    );
    const routes = [...run.stats.values()].map((s) => {
      const sorted = s.latencies.sort((a, b) => a - b);
      return {
        name: s.name,
        requests: sorted.length,
        errors: s.errors,
        p50Ms: quantile(sorted, 0.5),
        p99Ms: quantile(sorted, 0.99),
        maxMs: sorted.at(-1) ?? 0,
        exempt: s.exempt,
      };
    });
    const requests = routes.reduce((n, r) => n + r.requests, 0);
    const errors = routes.reduce((n, r) => n + r.errors, 0);
    return {
      users: opts.users,
      seconds: run.seconds,
      targets,
      requests,
      perSecond: requests / run.seconds,
      errors,
      errorsByStatus: run.errorsByStatus,
      errorExamples: run.examples,
      routes,
      eventLoop,
      serverCpuPercent: cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) / (run.seconds * 1000)) * 100 : null,
      serverCpuMsPerRequest: cpu0 !== null && cpu1 !== null && requests > 0 ? (cpu1 - cpu0) / requests : null,
      clientCpuPercent: ((client.user + client.system) / 1000 / (run.seconds * 1000)) * 100,
      targetsMet: {
        errors: errors === 0,
        p99: routes.every((r) => r.exempt || r.p99Ms <= 1000),
        eventLoop: eventLoop.length ? eventLoop.every((e) => e.maxDelayMs <= 100) : null,
      },
    };
  } finally {
    await server?.stop();
  }
}

export function formatReport(r: LoadReport): string[] {
  const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
  const yes = (b: boolean | null) => (b === null ? 'not measured' : b ? 'met' : 'NOT met');
  const lines = [
    '',
    `Load: ${r.users} users, ${r.seconds.toFixed(1)} s, ${r.targets.length} target(s): ${r.requests} requests, ${r.perSecond.toFixed(1)} req/s, ${r.errors} errors`,
    `  ${'route'.padEnd(46)} ${'requests'.padStart(8)} ${'errors'.padStart(6)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}`,
  ];
  for (const x of r.routes) {
    lines.push(
      `  ${x.name.padEnd(46)} ${String(x.requests).padStart(8)} ${String(x.errors).padStart(6)} ${ms(x.p50Ms).padStart(9)} ${ms(x.p99Ms).padStart(9)} ${ms(x.maxMs).padStart(9)}${x.exempt ? '  (exempt from p99)' : ''}`,
    );
  }
  if (r.errors)
    lines.push(`  errors by status: ${JSON.stringify(r.errorsByStatus)}`, ...r.errorExamples.map((e) => `    ${e}`));
  for (const e of r.eventLoop) {
    lines.push(
      `  event-loop delay (${e.url}): max ${ms(e.maxDelayMs)}, p99 ${ms(e.p99DelayMs)}; held by the server's own code at most ${ms(e.maxBlockedMs)}`,
    );
  }
  if (!r.eventLoop.length) lines.push('  event-loop delay: not measured (targets need CONNECTOR_STUDIO_DIAGNOSTICS=1)');
  if (r.serverCpuPercent !== null && r.serverCpuMsPerRequest !== null) {
    lines.push(
      `  server CPU ${r.serverCpuPercent.toFixed(0)} % of one core (${os.availableParallelism()} cores, load average ${itemAt(os.loadavg(), 0, 'load average').toFixed(1)}), ${r.serverCpuMsPerRequest.toFixed(1)} ms per request; this client ${r.clientCpuPercent.toFixed(0)} %`,
    );
  } else lines.push(`  this client used ${r.clientCpuPercent.toFixed(0)} % of one core`);
  lines.push(
    `  targets: 0 errors ${yes(r.targetsMet.errors)}; p99 ≤ 1 s on every route but large parses ${yes(r.targetsMet.p99)}; event-loop delay ≤ 100 ms ${yes(r.targetsMet.eventLoop)}`,
  );
  return lines;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const report = await runLoad(opts);
  for (const line of formatReport(report)) console.log(line);
  if (opts.json) writeFileSync(opts.json, JSON.stringify(report, null, 2));
}

if (process.argv[1]?.endsWith('load.ts')) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
