/**
 * Starts the real production server (`scripts/start.mjs`, as `npm run serve` does, from the build that
 * `npm test` makes first) on a free port for API tests, with its own emulator
 * data directory and any extra environment (fault injection, portal config).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { productionServerEnv } from '../../scripts/next-server';

/**
 * The emulator answers only the app (lib/emulator/app-caller.ts); test
 * servers fix the app's token so tests can drive the emulator directly.
 */
export const TEST_APP_TOKEN = 'test-app-token-not-secret';
export const APP_CALLER_HEADERS = { 'x-connector-studio-app': TEST_APP_TOKEN };

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** The server process's id (its CPU time is in /proc/<pid>/stat). */
  pid: number;
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL: no shutdown code runs, as in a crash). */
  crash(): Promise<void>;
  logs(): string;
}

const ROOT = path.resolve(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `withoutPortEnv`: the server is started through `serve()` of scripts/server.mjs on
 * the port, with no PORT variable in its environment (as an embedding that
 * passes the port itself would).
 */
export async function startServer(
  env: Record<string, string> = {},
  opts: { dataDir?: string; port?: number; withoutPortEnv?: boolean } = {},
): Promise<RunningServer> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) {
    throw new Error(`No production build in ${distDir}: run "npm run build" (npm test does it first).`);
  }
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'cs-data-'));
  let out = '';
  const childEnv: NodeJS.ProcessEnv = {
    ...productionServerEnv(dataDir, port),
    ALKIRA_EMULATOR_APP_TOKEN: TEST_APP_TOKEN,
    ...env,
  };
  const serveDirectly = `const { serve } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts', 'server.mjs')).href)}); await serve({ port: ${port}, hostname: '127.0.0.1' }); console.log('listening');`;
  if (opts.withoutPortEnv) delete childEnv.PORT;
  const child: ChildProcess = spawn(
    process.execPath,
    opts.withoutPortEnv ? ['--input-type=module', '-e', serveDirectly] : [path.join(ROOT, 'scripts', 'start.mjs')],
    { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    try {
      const r = await fetch(url + '/api/health');
      if (r.status < 500 || r.status === 503) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    dataDir,
    pid: child.pid ?? 0,
    logs: () => out,
    crash: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
