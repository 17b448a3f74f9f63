/**
 * The production server as `npm start` runs it (scripts/start.mjs: Next behind the app's own HTTP server, which gates
 * API, emulator and static requests itself) on a free port, for the browser benchmarks and screenshot scripts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The environment of a production server on loopback `port` keeping its data in `dataDir` (benchmarks, tests). */
export function productionServerEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ALKIRA_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
}

export async function startServer(
  appDir: string,
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(appDir, 'scripts/start.mjs')], {
    cwd: appDir,
    env: { ...productionServerEnv(dataDir, port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the production server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the production server did not answer within 60 s');
}
