/**
 * The design workspace store with 1,000 designs (two versions each), on
 * SQLite and on PostgreSQL (a throwaway cluster, or TEST_DATABASE_URL):
 * the workspace list (all rows, and a search), and a version diff (read two
 * versions, decrypt their keys, compute the change list). p50/p95. When a
 * production build exists, also the same two as HTTP requests to the real
 * routes (`GET /api/designs`, `GET /api/designs/{id}/diff`) on that database.
 * Every other design is linked to a connector, so the HTTP list also pays for
 * reading the linked connectors' states from the (embedded) Alkira API.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ConnectorDesign } from '../lib/connector/design';
import { diffDesigns } from '../lib/connector/diff';
import { DESIGN_TEMPLATES } from '../lib/connector/templates';
import { getStore } from '../lib/store/db';
import { createDesign, getDesign, listDesigns, recordProvisioned, updateDesign } from '../lib/store/designs';
import { postgresBinDir, startPostgres, type TestPostgres } from '../tests/helpers/postgres';
import { startServer } from '../tests/helpers/server';
import { itemAt } from '../lib/util/indexing';

const DESIGNS = 1000;

function pct(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => itemAt(s, Math.min(s.length - 1, Math.floor(q * s.length)), 'sample');
  return { p50: at(0.5), p95: at(0.95) };
}

async function time(fn: () => Promise<unknown>, runs: number) {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return pct(samples);
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function timeHttp(url: string, runs: number) {
  return time(async () => {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} → ${res.status}`);
  }, runs);
}

/** The routes over HTTP against a production server on the store just seeded. */
async function benchHttp(label: string, ids: number[]): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(process.cwd(), distDir, 'BUILD_ID'))) return;
  const env: Record<string, string> = { CONNECTOR_STUDIO_SECRET: process.env.CONNECTOR_STUDIO_SECRET ?? '' };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  const server = await startServer(env, { dataDir: process.env.ALKIRA_DATA_DIR });
  try {
    const list = await timeHttp(`${server.url}/api/designs`, 40);
    let n = 0;
    const diff = await time(async () => {
      const res = await fetch(`${server.url}/api/designs/${ids[n++ % ids.length]}/diff?from=1&to=2`);
      await res.arrayBuffer();
    }, 200);
    console.log(
      `  ${label.padEnd(10)} HTTP GET /api/designs (${ids.length / 2} linked) p50 ${fmt(list.p50).padStart(9)} p95 ${fmt(list.p95).padStart(9)} | GET …/diff p50 ${fmt(diff.p50).padStart(8)} p95 ${fmt(diff.p95).padStart(8)}`,
    );
  } finally {
    await server.stop();
  }
}

async function benchOne(label: string): Promise<void> {
  const base = DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design;
  const ids: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < DESIGNS; i++) {
    const design: ConnectorDesign = {
      ...structuredClone(base),
      name: `er-${String(i).padStart(4, '0')}-west`,
      resource_name: `er_${i}_west`,
    };
    const { id } = await createDesign(design, 'imported');
    await updateDesign(id, { ...design, size: 'LARGE', description: `resized ${i}` }, 1, 'resize');
    if (i % 2 === 0) await recordProvisioned(id, 500_000 + i, 2, 'emulator');
    ids.push(id);
  }
  const seedMs = performance.now() - t0;
  const list = await time(() => listDesigns(), 40);
  const search = await time(() => listDesigns({ q: '-07', sort: 'name' }), 40);
  let n = 0;
  const diff = await time(async () => {
    const id = itemAt(ids, n++ % ids.length, 'design id');
    const [a, b] = await Promise.all([getDesign(id, 1), getDesign(id, 2)]);
    return diffDesigns(a!.design, b!.design);
  }, 200);
  const rows = (await listDesigns()).length;
  console.log(
    `  ${label.padEnd(10)} in-process list ${rows} designs p50 ${fmt(list.p50).padStart(9)} p95 ${fmt(list.p95).padStart(9)} | search p50 ${fmt(search.p50).padStart(8)} p95 ${fmt(search.p95).padStart(8)} | diff p50 ${fmt(diff.p50).padStart(8)} p95 ${fmt(diff.p95).padStart(8)} | seeding ${(seedMs / 1000).toFixed(1)} s`,
  );
  await benchHttp(label, ids);
}

export async function benchStore(): Promise<void> {
  console.log(`\nDesign store, ${DESIGNS} designs × 2 versions (in-process, lib/store):`);
  const saved = {
    DATABASE_URL: process.env.DATABASE_URL,
    ALKIRA_DATA_DIR: process.env.ALKIRA_DATA_DIR,
    CONNECTOR_STUDIO_SECRET: process.env.CONNECTOR_STUDIO_SECRET,
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'cs-bench-store-'));
  process.env.CONNECTOR_STUDIO_SECRET = 'bench-secret';
  let pg: TestPostgres | undefined;
  try {
    delete process.env.DATABASE_URL;
    process.env.ALKIRA_DATA_DIR = dir;
    await benchOne('SQLite');
    await getStore().close();
    if (process.env.TEST_DATABASE_URL || postgresBinDir()) {
      pg = await startPostgres();
      process.env.DATABASE_URL = await pg.createDatabase('cs_bench');
      await benchOne('PostgreSQL');
      await getStore().close();
    } else {
      console.log('  PostgreSQL skipped: no server binaries (apt-get install -y postgresql) and no TEST_DATABASE_URL');
    }
  } finally {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

if (process.argv[1]?.endsWith('bench-store.ts')) {
  benchStore().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
