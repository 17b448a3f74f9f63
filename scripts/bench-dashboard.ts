/**
 * The dashboard's list at tenant scale (issue 12): GET /api/connectors next to
 * the same list sent straight to the emulator, at 100 and 1,000 connectors
 * (throughput ratio and p50 overhead side by side, same run), and one 50-row
 * page from a tenant of 10,000 connectors at concurrency 16. Each tenant is
 * written straight into a fresh emulator store before its server starts.
 *
 * Run alone: `npx tsx scripts/bench-dashboard.ts` (needs a production build).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedDemoTenantIn } from '../lib/emulator/demo-tenant';
import { APP_CALLER_HEADERS, startServer, type RunningServer } from '../tests/helpers/server';
import { itemAt } from '../lib/util/indexing';

const KEY = 'connector-studio-emulator';
const AUTH = { ...APP_CALLER_HEADERS, Authorization: `api-key ${Buffer.from(KEY).toString('base64')}` };
const EMULATOR_LIST = '/emulator/api/v1/tenantnetworks/1/azure-express-route-connectors';

interface LoadResult {
  n: number;
  rps: number;
  p50: number;
  p99: number;
}

/** `total` requests (or as many as fit in `maxSeconds`) from `concurrency` workers; `url(i)` gives the i-th. */
async function load(
  url: (i: number) => string,
  headers: Record<string, string>,
  total: number,
  concurrency: number,
  maxSeconds = 30,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + maxSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && performance.now() < deadline) {
        const target = url(next++);
        const s = performance.now();
        const res = await fetch(target, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${target} → ${res.status}`);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    itemAt(latencies, Math.min(latencies.length - 1, Math.floor(q * latencies.length)), 'sample');
  return { n: latencies.length, rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

async function withTenant<T>(count: number, run: (server: RunningServer) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-bench-dash-'));
  seedDemoTenantIn(dataDir, { count });
  const server = await startServer({ ALKIRA_EMULATOR_PROVISION_MS: '1' }, { dataDir });
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

const fmtRow = (label: string, r: LoadResult) =>
  `  ${label.padEnd(38)} ${r.rps.toFixed(1).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   (${r.n} req)`;

async function listVersusEmulator(count: number, total: number, concurrency: number): Promise<void> {
  await withTenant(count, async (server) => {
    const emu = () => server.url + EMULATOR_LIST;
    const proxy = () => `${server.url}/api/connectors`;
    const first = await (await fetch(proxy())).json();
    if (first.connectors?.length !== count)
      throw new Error(`expected ${count} connectors, got ${first.connectors?.length}`);
    await load(proxy, {}, 20, 4);
    await load(emu, AUTH, 20, 4);
    // Two alternating rounds each, so a noisy neighbour hits both sides alike.
    const d1 = await load(emu, AUTH, total / 2, concurrency);
    const p1 = await load(proxy, {}, total / 2, concurrency);
    const d2 = await load(emu, AUTH, total / 2, concurrency);
    const p2 = await load(proxy, {}, total / 2, concurrency);
    const merge = (a: LoadResult, b: LoadResult): LoadResult => ({
      n: a.n + b.n,
      rps: (a.rps + b.rps) / 2,
      p50: (a.p50 + b.p50) / 2,
      p99: Math.max(a.p99, b.p99),
    });
    const direct = merge(d1, d2);
    const proxied = merge(p1, p2);
    console.log(`\nGET the whole list, ${count} connectors (concurrency ${concurrency}, loopback)`);
    console.log(fmtRow('straight to the emulator', direct));
    console.log(fmtRow('through the proxy (/api/connectors)', proxied));
    const ratio = proxied.rps / direct.rps;
    const overhead = proxied.p50 - direct.p50;
    console.log(
      `  proxy ÷ emulator throughput ${ratio.toFixed(2)} (target ≥ 0.9)   proxy overhead p50 ${overhead.toFixed(1)} ms (target ≤ 5 ms)`,
    );
  });
}

const SORTS = ['name', 'state', 'cxp', 'size', 'lastChange', 'id'];
const FILTERS = [
  '',
  '&state=FAILED',
  '&cxp=USEAST-AZURE-1',
  '&q=sap',
  '&segment=dmz&protocol=IPSEC',
  '&group=security&size=LARGE',
];

async function pageOf10k(): Promise<void> {
  await withTenant(10_000, async (server) => {
    // Different pages, sorts and filters, as reviewers would ask for them.
    const url = (i: number) =>
      `${server.url}/api/connectors?page=${1 + ((i * 37) % 200)}&page_size=50&sort=${SORTS[i % SORTS.length]}&order=${i % 2 ? 'desc' : 'asc'}${FILTERS[i % FILTERS.length]}`;
    await load(url, {}, 16, 4, 120);
    // The floor on this machine: the cheapest API route (no upstream, no store), same concurrency, same moment.
    const floorUrl = () => `${server.url}/api/auth/me`;
    await load(floorUrl, {}, 16, 4);
    const floor1 = await load(floorUrl, {}, 200, 16);
    const r = await load(url, {}, 800, 16, 60);
    const floor2 = await load(floorUrl, {}, 200, 16);
    const floor: LoadResult = {
      n: floor1.n + floor2.n,
      rps: (floor1.rps + floor2.rps) / 2,
      p50: (floor1.p50 + floor2.p50) / 2,
      p99: Math.max(floor1.p99, floor2.p99),
    };
    console.log('\nOne 50-row page of the list, 10,000 connectors (varied page/sort/filter, concurrency 16)');
    console.log(fmtRow('GET /api/connectors?page=…&page_size=50', r));
    console.log(fmtRow('floor: GET /api/auth/me (before+after)', floor));
    console.log(`  targets: p50 ≤ 20 ms, p99 ≤ 60 ms   (page p50 = ${(r.p50 / floor.p50).toFixed(2)} × the floor's)`);
  });
}

export async function benchDashboard(): Promise<void> {
  await listVersusEmulator(100, 400, 8);
  await listVersusEmulator(1000, 120, 8);
  await pageOf10k();
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith('bench-dashboard')) {
  benchDashboard().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
