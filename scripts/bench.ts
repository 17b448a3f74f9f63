/**
 * npm run bench — times validation and HCL rendering for a typical and a large
 * design, the tenant checks against 10,000 connectors (scripts/bench-tenant.ts),
 * and (when a production build exists) the proxy's overhead on
 * GET /api/connectors with 100 connectors against the same request sent
 * straight to the emulator, the dashboard's list at 100, 1,000 and 10,000
 * connectors (scripts/bench-dashboard.ts), and the parse service's fairness
 * (scripts/bench-parse-fairness.ts), and the server CPU per request of our cheapest
 * route against a bare Next.js route handler (scripts/bench-anchor.ts).
 */
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { validateDesign } from '../lib/connector/validate';
import { renderConnectorHcl } from '../lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '../lib/connector/templates';
import { largeIpsecDesign } from './bench-designs';
import { benchProxy } from './bench-proxy';
import { benchDashboard } from './bench-dashboard';
import { benchHcl } from './bench-hcl';
import { benchStore } from './bench-store';
import { benchParseFairness } from './bench-parse-fairness';
import { benchTenant } from './bench-tenant';
import { benchAnchor } from './bench-anchor';
import { itemAt } from '../lib/util/indexing';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => itemAt(s, Math.min(s.length - 1, Math.floor(q * s.length)), 'sample');
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function time(fn: () => unknown, { warmup = 20, runs = 200 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

async function main() {
  const typical = DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design;
  const large = largeIpsecDesign();
  const tunnels = large.instances.length * 8 * 4 * 2;
  console.log(`Design benchmarks (node ${process.version}; ${tunnels} tunnels in the large design)`);
  const rows: [string, string, { median: number; p95: number }][] = [];
  for (const [label, design, runs] of [
    ['typical (multi-segment IPsec)', typical, 500],
    ['large (10×8×4×2)', large, 60],
  ] as const) {
    const v = validateDesign(design);
    if (!v.ok) throw new Error(`${label} is not valid: ${JSON.stringify(v.errors.slice(0, 3))}`);
    rows.push([label, 'validate', time(() => validateDesign(design), { runs, warmup: 10 })]);
    rows.push([label, 'render HCL', time(() => renderConnectorHcl(design), { runs, warmup: 10 })]);
  }
  for (const [label, op, s] of rows) {
    console.log(
      `  ${label.padEnd(32)} ${op.padEnd(11)} median ${fmt(s.median).padStart(9)}   p95 ${fmt(s.p95).padStart(9)}`,
    );
  }

  await benchHcl();
  benchTenant();

  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (existsSync(path.join(process.cwd(), distDir, 'BUILD_ID'))) {
    await benchAnchor();
    await benchProxy();
    await benchDashboard();
    await benchParseFairness();
    // The designer in real Chromium (its own process: it starts the production server and a browser).
    console.log('');
    execFileSync(
      process.execPath,
      [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('scripts', 'bench-browser.ts')],
      { stdio: 'inherit' },
    );
  } else {
    console.log(`\n(proxy benchmark skipped: no production build in ${distDir}; run "npm run build" first)`);
  }
  await benchStore();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
