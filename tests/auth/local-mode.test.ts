/**
 * Without sign-in: one local operator, the emulator only for the app, the
 * start script on loopback only; and the configurations the server refuses
 * to start with.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CALLER_HEADERS, freePort, startServer, type RunningServer } from '../helpers/server';
import { call, EMULATOR_KEY, TEST_ENV } from '../api/support';

const ROOT = path.resolve(__dirname, '..', '..');
const EMULATOR_AUTH = { authorization: `api-key ${Buffer.from(EMULATOR_KEY).toString('base64')}` };

describe('local mode', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(TEST_ENV);
  });
  afterAll(async () => server?.stop());

  it('is the one local operator, with every permission', async () => {
    const me = await call(server, 'GET', '/api/auth/me');
    expect(me.body).toEqual({
      mode: 'local',
      user: { id: 'local', name: 'Local operator', email: null, role: 'operator' },
      permissions: { view: true, saveDesign: true, provision: true },
    });
  });

  it('says "Local mode" in the header', async () => {
    const html = await (await fetch(server.url + '/connectors')).text();
    expect(html).toContain('Local mode');
    expect(html).not.toContain('Sign out');
  });

  it('lets only the app reach the emulator: the default key alone gets 403, on the API and _admin', async () => {
    const api = await call(server, 'GET', '/emulator/api/tenantnetworksummaries', undefined, EMULATOR_AUTH);
    expect(api.status).toBe(403);
    expect(api.body.message).toMatch(/only Connector Studio itself/);
    const admin = await call(server, 'POST', '/emulator/_admin/reset', {});
    expect(admin.status).toBe(403);
    // The app itself still reaches it.
    expect((await call(server, 'GET', '/api/connectors')).status).toBe(200);
    expect(
      (
        await call(server, 'GET', '/emulator/api/tenantnetworksummaries', undefined, {
          ...EMULATOR_AUTH,
          ...APP_CALLER_HEADERS,
        })
      ).status,
    ).toBe(200);
  });
});

describe('portal mode', () => {
  it('turns the emulator and its _admin routes off (404), even for the app token', async () => {
    const server = await startServer({
      ...TEST_ENV,
      ALKIRA_PORTAL: 'http://127.0.0.1:9',
      ALKIRA_API_KEY: 'k',
      CONNECTOR_STUDIO_ALLOW_ANONYMOUS: '1',
    });
    try {
      const api = await call(server, 'GET', '/emulator/api/tenantnetworksummaries', undefined, {
        ...EMULATOR_AUTH,
        ...APP_CALLER_HEADERS,
      });
      expect(api.status).toBe(404);
      const admin = await call(server, 'POST', '/emulator/_admin/reset', {}, APP_CALLER_HEADERS);
      expect(admin.status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});

/** Runs the production server with `env` and resolves with its exit code and output, or 'running' if it is still up after `ms`. */
function runServer(env: Record<string, string>, ms = 30_000): Promise<{ code: number | 'running'; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', '0', '-H', '127.0.0.1'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          ALKIRA_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cs-refuse-')),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: 'running', output });
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

describe('refusing to start', () => {
  it('refuses ALKIRA_PORTAL without sign-in and without CONNECTOR_STUDIO_ALLOW_ANONYMOUS=1, saying why', async () => {
    const r = await runServer({ ALKIRA_PORTAL: 'acme.portal.alkira.com', ALKIRA_API_KEY: 'secret-key-123' });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/will not start: ALKIRA_PORTAL is set .* sign-in is not configured/);
    expect(r.output).toMatch(/CONNECTOR_STUDIO_ALLOW_ANONYMOUS=1/);
    expect(r.output).not.toContain('secret-key-123');
  });

  it('refuses OIDC without a session secret', async () => {
    const r = await runServer({
      OIDC_ISSUER: 'https://login.example.com',
      OIDC_CLIENT_ID: 'id',
      OIDC_CLIENT_SECRET: 'client-secret-xyz',
    });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/CONNECTOR_STUDIO_SESSION_SECRET/);
    expect(r.output).not.toContain('client-secret-xyz');
  });
});

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('npm run serve (scripts/start.mjs)', () => {
  it('listens on 127.0.0.1 only when sign-in is off', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...TEST_ENV,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '',
        OIDC_ISSUER: '',
        ALKIRA_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cs-serve-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    try {
      const deadline = Date.now() + 60_000;
      while (!(await connects('127.0.0.1', port))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`not up:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(output).toMatch(/Local mode .* 127\.0\.0\.1 only/);
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      // This machine's other address (when it has one) must not answer.
      if (external) expect(await connects(external, port)).toBe(false);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
