/**
 * `npm run demo`: Connector Studio on a believable demo tenant, in one step.
 *
 * - Builds the production app when there is no build, or when a source file
 *   is newer than it.
 * - Keeps the demo in its own data directory (`data/demo`, or
 *   `ALKIRA_DATA_DIR`), on SQLite and the embedded emulator, away from your
 *   own designs. The first run seeds it: `DEMO_CONNECTORS` (default 10,000)
 *   ExpressRoute connectors across three regions, mostly SUCCESS, ~3% FAILED
 *   with the error Azure or Alkira gave (a failed create, or a change refused
 *   after a good create), a few still provisioning, some never provisioned —
 *   each with its request history, as if the app had made the requests. Later
 *   runs keep what is there (delete `data/demo` for a fresh tenant).
 * - Starts the server as `npm start` does (`PORT`, default 3000). The
 *   emulator's admin endpoints stay off: seeding happens before the server
 *   starts, straight into its files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package.json',
  'postcss.config.mjs',
];

/** The newest modification time under `p` (a file or a folder), in ms. */
function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

function buildIfNeeded(): void {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newest(path.join(ROOT, s))));
  if (builtAt > 0 && builtAt >= changedAt) return;
  console.log(
    builtAt === 0
      ? 'No production build yet: building (next build)…'
      : 'Sources changed since the last build: building (next build)…',
  );
  const result = spawnSync('npx', ['next', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error('The build failed; the demo does not start.');
    process.exit(result.status ?? 1);
  }
}

async function seedIfEmpty(dataDir: string, count: number): Promise<void> {
  // Both stores read their place from the environment: the demo's directory, SQLite.
  process.env.ALKIRA_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const { db } = await import('../lib/emulator/store');
  const { n } = db().prepare('SELECT COUNT(*) AS n FROM connectors').get() as { n: number };
  if (n > 0) {
    const shown = path.relative(process.cwd(), dataDir);
    console.log(
      `Demo tenant in ${shown && !shown.startsWith('..') ? shown : dataDir}: ${n} connectors (delete the folder for a fresh one).`,
    );
    db().close();
    globalThis.__alkiraEmulatorDb = undefined;
    return;
  }
  const { seedDemoTenant } = await import('../lib/emulator/demo-tenant');
  const { recordSeededHistory } = await import('../lib/store/seeded-history');
  const { getStore } = await import('../lib/store/db');
  // Few requests in flight: the server polls each one until it settles.
  const tenant = seedDemoTenant({ count, seed: 2026, failedShare: 0.03, inFlightShare: 0.003, neverShare: 0.04 });
  db().close();
  globalThis.__alkiraEmulatorDb = undefined;
  await recordSeededHistory('emulator', tenant.requests);
  await getStore().close();
  const s = tenant.byState;
  console.log(
    `Seeded a demo tenant of ${tenant.ids.length} connectors: ${s.SUCCESS} SUCCESS, ${s.FAILED} FAILED, ${s.PENDING + s.IN_PROGRESS} provisioning, ${s.NONE} never provisioned.`,
  );
}

async function main(): Promise<void> {
  if (process.env.ALKIRA_PORTAL?.trim()) {
    console.error('npm run demo runs on the embedded emulator; unset ALKIRA_PORTAL (a real tenant is never seeded).');
    process.exit(1);
  }
  const dataDir = path.resolve(process.env.ALKIRA_DATA_DIR?.trim() || path.join(ROOT, 'data', 'demo'));
  const count = Number(process.env.DEMO_CONNECTORS || 10_000);
  if (!Number.isInteger(count) || count < 1 || count > 20_000) {
    console.error('DEMO_CONNECTORS must be a whole number from 1 to 20000.');
    process.exit(1);
  }
  buildIfNeeded();
  await seedIfEmpty(dataDir, count);

  const env: NodeJS.ProcessEnv = { ...process.env, ALKIRA_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL;
  delete env.ALKIRA_EMULATOR_ADMIN;
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
