/**
 * The proxy's overhead: GET /api/connectors (validation-free read path: list
 * + provision states + summaries) with 100 connectors, next to the same list
 * request sent straight to the emulator. Starts its own production server on
 * loopback with a throw-away data directory.
 */
import { performance } from 'node:perf_hooks';
import { APP_CALLER_HEADERS, startServer } from '../tests/helpers/server';
import { designToAlkiraConnector } from '../lib/connector/mapping';
import { designFromTemplate } from '../lib/connector/templates';
import { itemAt } from '../lib/util/indexing';

const KEY = 'connector-studio-emulator';
const AUTH = {
  ...APP_CALLER_HEADERS,
  Authorization: `api-key ${Buffer.from(KEY).toString('base64')}`,
  'Content-Type': 'application/json',
};

async function load(url: string, headers: Record<string, string>, total: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const s = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url} → ${res.status}`);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    itemAt(latencies, Math.min(latencies.length - 1, Math.floor(q * latencies.length)), 'sample');
  return { rps: total / elapsed, p50: at(0.5), p99: at(0.99) };
}

export async function benchProxy(): Promise<void> {
  const server = await startServer({ ALKIRA_EMULATOR_PROVISION_MS: '1' });
  try {
    const base = designFromTemplate('basic-vxlan-gpe')!;
    const emu = `${server.url}/emulator/api/v1/tenantnetworks/1/azure-express-route-connectors`;
    for (let i = 0; i < 100; i++) {
      const body = designToAlkiraConnector({
        ...base,
        name: `bench-${i}`,
        group: 'networking',
        instances: base.instances.map((inst) => ({ ...inst, credential_id: '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e501' })),
        segment_options: base.segment_options.map((s) => ({ ...s, segment_id: 'prod' })),
      });
      const res = await fetch(`${emu}?provision=true`, { method: 'POST', headers: AUTH, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`seeding connector ${i}: ${res.status} ${await res.text()}`);
    }
    const proxyUrl = `${server.url}/api/connectors`;
    const first = await (await fetch(proxyUrl)).json();
    if (first.connectors?.length !== 100) throw new Error(`expected 100 connectors, got ${first.connectors?.length}`);
    // Warm both paths (route compilation caches, SQLite pages, tenant discovery).
    await load(proxyUrl, {}, 40, 4);
    await load(emu, AUTH, 40, 4);
    const total = 400;
    const concurrency = 8;
    const direct = await load(emu, AUTH, total, concurrency);
    const proxied = await load(proxyUrl, {}, total, concurrency);
    console.log(`\nGET connector list with 100 connectors (${total} requests, concurrency ${concurrency}, loopback)`);
    const row = (label: string, r: { rps: number; p50: number; p99: number }) =>
      console.log(
        `  ${label.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms`,
      );
    row('straight to the emulator', direct);
    row('through the proxy (/api/connectors)', proxied);
    console.log(`  proxy overhead at p50: ${(proxied.p50 - direct.p50).toFixed(1)} ms`);
  } finally {
    await server.stop();
  }
}
