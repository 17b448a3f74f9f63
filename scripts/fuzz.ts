/**
 * npm run fuzz [-- --count N] [--family-seconds S] [--seed X] [--concurrency C] [--only TEXT] [--json FILE]
 *
 * Sends N hostile requests to EACH route family (default 10,000), family
 * after family, to a production server it starts itself on loopback (like
 * the API tests), `C` at a time over keep-alive connections (default 8).
 * Each family has its own time budget (default 900 s): a family that runs
 * out of it stops short and the run fails, rather than a slow family eating
 * the others' share. Bodies are cheap to make (valid bodies prepared once,
 * huge values built once and spliced in), so the client leaves the CPU to
 * the server. Reports per family: requests, requests per second, status
 * classes, stack traces in bodies, 4xx answers without a clear message, the
 * server's max event-loop delay (measured inside the server by
 * perf_hooks.monitorEventLoopDelay, read from the env-gated
 * /api/diagnostics/event-loop) and its peak RSS (sampled every second).
 * Exits non-zero unless every family got its N requests with 0 × 5xx, 0
 * stack traces, every 4xx clear and the loop never blocked by our code for
 * more than 100 ms (the raw monitorEventLoopDelay maximum, which also counts
 * time the OS did not run the server, is reported next to it; see
 * lib/diagnostics/event-loop.ts).
 */
import http from 'node:http';
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { startServer } from '../tests/helpers/server';
import { FAMILIES, rng, type FuzzRequest } from './fuzz/cases';
import { itemAt } from '../lib/util/indexing';

export interface FamilyReport {
  family: string;
  requests: number;
  /** Wall-clock time the family took, and its rate. */
  seconds: number;
  perSecond: number;
  /** True when the family's time budget ran out before it sent `count` requests. */
  capped: boolean;
  status: Record<'2xx' | '3xx' | '4xx' | '5xx' | 'no answer', number>;
  stackTraces: number;
  unclear4xx: number;
  /** perf_hooks' monitorEventLoopDelay max: wall-clock lateness, including time the OS did not run the server. */
  maxEventLoopDelayMs: number;
  /** The same lateness bounded by the main thread's own CPU time: how long our code held the loop. */
  maxBlockedMs: number;
  /** Peak resident set size of the server during the family. */
  rssMb: number;
  /** A few failing requests, to reproduce. */
  examples: string[];
  /** The request that took longest to answer (client-side), a hint when the loop delay is high. */
  slowest: { ms: number; request: string };
}

export interface FuzzReport {
  families: FamilyReport[];
  total: number;
  seconds: number;
  ok: boolean;
}

export interface FuzzOptions {
  /** Requests per family. */
  count: number;
  /** Time budget of each family. */
  familySeconds: number;
  seed: number;
  concurrency: number;
  /** Only the families whose name contains this. */
  only?: string;
  log?: (line: string) => void;
}

export const MAX_EVENT_LOOP_DELAY_MS = 100;

/** A stack frame ("at fn (file:1:2)") or an error class name at the start of a line. */
const STACK_RE =
  /\n\s+at .+:\d+:\d+|^\s*(RangeError|TypeError|ReferenceError|SyntaxError)\b|node:internal|\.next\/server/m;

interface Answer {
  status: number;
  body: string;
  contentType: string;
}

function send(agent: http.Agent, port: number, req: FuzzRequest): Promise<Answer | null> {
  return new Promise((resolve) => {
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...req.headers };
    if (body) headers['content-length'] = String(body.length);
    const r = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent, timeout: 60_000 },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size < 256 * 1024) chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            contentType: String(res.headers['content-type'] ?? ''),
          }),
        );
        res.on('error', () => resolve(null));
      },
    );
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.on('error', () => resolve(null));
    r.end(body);
  });
}

/** A 4xx is clear when its JSON names the problem in `error` (the app) or `message` (the emulator). */
function clearMessage(answer: Answer, method: string): boolean {
  if (method === 'HEAD') return true;
  try {
    const parsed = JSON.parse(answer.body) as { error?: unknown; message?: unknown };
    const text = typeof parsed.error === 'string' ? parsed.error : parsed.message;
    return typeof text === 'string' && text.trim().length >= 8;
  } catch {
    return false;
  }
}

/** What /api/diagnostics/event-loop answers. */
interface EventLoopSample {
  rssBytes: number;
  maxDelayMs: number;
  maxBlockedMs: number;
}

async function getJson(port: number, path: string): Promise<EventLoopSample> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return (await res.json()) as EventLoopSample;
}

/** The one-minute load average. */
const loadAverage = (): number => itemAt(os.loadavg(), 0, 'load average');

export async function runFuzz(port: number, opts: FuzzOptions): Promise<FuzzReport> {
  const log = opts.log ?? (() => undefined);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const started = Date.now();
  const families: FamilyReport[] = [];
  for (const [index, family] of FAMILIES.entries()) {
    if (opts.only && !family.name.includes(opts.only)) continue;
    const r = rng(opts.seed + index);
    const report: FamilyReport = {
      family: family.name,
      requests: 0,
      seconds: 0,
      perSecond: 0,
      capped: false,
      status: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, 'no answer': 0 },
      stackTraces: 0,
      unclear4xx: 0,
      maxEventLoopDelayMs: 0,
      maxBlockedMs: 0,
      rssMb: 0,
      examples: [],
      slowest: { ms: 0, request: '' },
    };
    await getJson(port, '/api/diagnostics/event-loop?reset=1');
    const familyStart = Date.now();
    const familyDeadline = familyStart + opts.familySeconds * 1000;
    let peakRss = 0;
    const sampler = setInterval(() => {
      getJson(port, '/api/diagnostics/event-loop').then(
        (l) => (peakRss = Math.max(peakRss, l.rssBytes)),
        () => undefined,
      );
    }, 1000);
    let issued = 0;
    const worker = async () => {
      while (issued < opts.count) {
        if (Date.now() >= familyDeadline) {
          report.capped = true;
          return;
        }
        issued++;
        const req = family.next(r);
        const sentAt = performance.now();
        const answer = await send(agent, port, req);
        const ms = Math.round(performance.now() - sentAt);
        if (ms > report.slowest.ms)
          report.slowest = {
            ms,
            request: `${req.method} ${req.path.slice(0, 80)} [${req.kind}, ${req.body?.length ?? 0} bytes]`,
          };
        report.requests++;
        const note = (what: string) => {
          if (report.examples.length < 5)
            report.examples.push(
              `${what}: ${req.method} ${req.path.slice(0, 120)} [${req.kind}] ${answer ? answer.body.slice(0, 160) : ''}`,
            );
        };
        if (!answer) {
          report.status['no answer']++;
          note('no answer');
          continue;
        }
        const cls = `${Math.floor(answer.status / 100)}xx` as keyof FamilyReport['status'];
        if (cls in report.status) report.status[cls]++;
        if (answer.status >= 500) note(`HTTP ${answer.status}`);
        if (STACK_RE.test(answer.body)) {
          report.stackTraces++;
          note('stack trace');
        }
        if (answer.status >= 400 && answer.status < 500 && !clearMessage(answer, req.method)) {
          report.unclear4xx++;
          note(`unclear ${answer.status}`);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    clearInterval(sampler);
    const loop = await getJson(port, '/api/diagnostics/event-loop');
    report.seconds = Math.round((Date.now() - familyStart) / 100) / 10;
    report.perSecond = Math.round(report.requests / Math.max(report.seconds, 0.1));
    report.maxEventLoopDelayMs = loop.maxDelayMs;
    report.maxBlockedMs = loop.maxBlockedMs;
    report.rssMb = Math.round(Math.max(peakRss, loop.rssBytes) / 1024 / 1024);
    families.push(report);
    const s = report.status;
    log(
      `${report.family.padEnd(42)} ${String(report.requests).padStart(6)} req in ${report.seconds} s (${report.perSecond}/s${report.capped ? ', TIME BUDGET RAN OUT' : ''})  ` +
        `2xx ${s['2xx']}  4xx ${s['4xx']}  5xx ${s['5xx']}  no answer ${s['no answer']}  ` +
        `stack ${report.stackTraces}  unclear 4xx ${report.unclear4xx}  loop blocked ≤ ${report.maxBlockedMs} ms (delay ${report.maxEventLoopDelayMs} ms)  peak RSS ${report.rssMb} MB  load ${loadAverage().toFixed(1)}`,
    );
    for (const e of report.examples) log(`    ${e}`);
    log(`    slowest answer: ${report.slowest.ms} ms for ${report.slowest.request}`);
  }
  agent.destroy();
  const ok = families.every(
    (f) =>
      !f.capped &&
      f.requests >= opts.count &&
      f.status['5xx'] === 0 &&
      f.status['no answer'] === 0 &&
      f.stackTraces === 0 &&
      f.unclear4xx === 0 &&
      f.maxBlockedMs <= MAX_EVENT_LOOP_DELAY_MS,
  );
  return {
    families,
    total: families.reduce((n, f) => n + f.requests, 0),
    seconds: Math.round((Date.now() - started) / 1000),
    ok,
  };
}

/** Starts a production server (loopback, diagnostics on, fresh data dir), fuzzes it, stops it. */
export async function fuzzFreshServer(opts: FuzzOptions): Promise<FuzzReport> {
  const server = await startServer({ CONNECTOR_STUDIO_DIAGNOSTICS: '1', ALKIRA_EMULATOR_PROVISION_MS: '500' });
  try {
    // Warm the routes (first hits load their bundles), so start-up is not counted as a stall.
    for (const path of [
      '/api/health',
      '/api/connectors',
      '/api/catalog/segments',
      '/api/provision-requests/x',
      '/api/connectors/1',
      '/api/connectors/1/design',
    ])
      await fetch(server.url + path);
    for (const path of ['/api/designs/validate', '/api/designs/hcl', '/api/hcl/parse'])
      await fetch(server.url + path, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    return await runFuzz(server.port, opts);
  } finally {
    await server.stop();
  }
}

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const n = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

async function main() {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const opts: FuzzOptions = {
    count: flag(args, 'count', 10_000),
    familySeconds: flag(args, 'family-seconds', flag(args, 'seconds', 900)),
    seed: flag(args, 'seed', 1),
    concurrency: flag(args, 'concurrency', 8),
    only: onlyAt >= 0 ? args[onlyAt + 1] : undefined,
    log: (line) => console.log(line),
  };
  console.log(
    `Fuzzing ${FAMILIES.length} route families × ${opts.count} requests each (seed ${opts.seed}, ${opts.concurrency} at a time, ` +
      `at most ${opts.familySeconds} s per family), loopback only; load average ${loadAverage().toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  const report = await fuzzFreshServer(opts);
  const jsonAt = args.indexOf('--json');
  const jsonPath = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(report, null, 2));
  const sum = (k: keyof FamilyReport['status']) => report.families.reduce((n, f) => n + f.status[k], 0);
  console.log(
    `Total ${report.total} requests in ${report.seconds} s (fewest in a family: ${Math.min(...report.families.map((f) => f.requests))}): 2xx ${sum('2xx')}, 4xx ${sum('4xx')}, 5xx ${sum('5xx')}, no answer ${sum('no answer')}; ` +
      `event loop blocked at most ${Math.max(...report.families.map((f) => f.maxBlockedMs))} ms ` +
      `(monitorEventLoopDelay max ${Math.max(...report.families.map((f) => f.maxEventLoopDelayMs))} ms, load average ${loadAverage().toFixed(1)} on ${os.cpus().length} CPUs); max RSS ${Math.max(...report.families.map((f) => f.rssMb))} MB → ${report.ok ? 'PASS' : 'FAIL'}`,
  );
  process.exitCode = report.ok ? 0 : 1;
}

if (process.argv[1]?.endsWith('fuzz.ts')) void main();
