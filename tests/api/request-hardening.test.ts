/**
 * Low-severity findings of the security assessment (issue 20), each observed
 * over real HTTP against the production server: private data files, a
 * per-user cap on event streams, requests aimed at another host, forwarded
 * headers from clients that are not the configured proxy, values a design
 * cannot hold exactly or safely, a create killed mid-flight — and an idle
 * keep-alive connection kept open past Node's 5 s default.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CALLER_HEADERS, startServer, type RunningServer } from '../helpers/server';
import { basicDesign, ipsecDesign } from '../helpers/designs';
import { call, CONNECTORS_PATH, emulator, injectFaults, TEST_ENV } from './support';

let server: RunningServer;
const started: RunningServer[] = [];

beforeAll(async () => {
  server = await startServer({ ...TEST_ENV, CONNECTOR_STUDIO_MAX_STREAMS_PER_USER: '2' });
  started.push(server);
});
afterAll(async () => {
  for (const s of started) await s.stop();
});

/** Sends `request` as raw bytes and returns the status line and headers of the answer. */
function rawRequest(port: number, request: string): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => {
      data += d;
      const end = data.indexOf('\r\n\r\n');
      if (end !== -1) {
        socket.destroy();
        resolve({ status: Number(data.split(' ')[1]), head: data.slice(0, end) });
      }
    });
    socket.on('error', reject);
    socket.on('end', () => resolve({ status: Number(data.split(' ')[1]), head: data }));
  });
}

describe('data files', () => {
  it('every file the server writes under its data folder (SQLite stores, WAL files, emulator.sqlite) is readable by its own user only (0600)', async () => {
    expect((await call(server, 'POST', '/api/connectors?provision=false', basicDesign('private-files'))).status).toBe(
      201,
    );
    expect((await call(server, 'POST', '/api/designs', { design: basicDesign('private-files-design') })).status).toBe(
      201,
    );
    const files = readdirSync(server.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const names = files.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['app.sqlite', 'emulator.sqlite']));
    const modes = Object.fromEntries(
      files.map((f) => [f.name, (statSync(path.join(f.parentPath, f.name)).mode & 0o777).toString(8)]),
    );
    for (const [name, mode] of Object.entries(modes)) expect(`${name} ${mode}`).toBe(`${name} 600`);
  });
});

describe('event streams per user', () => {
  it('beyond the per-user limit a stream is refused with a clear 429; closing one frees its place', async () => {
    const open = async () => {
      const controller = new AbortController();
      const res = await fetch(`${server.url}/api/connectors/events`, { signal: controller.signal });
      if (res.status === 200) {
        const reader = res.body!.getReader();
        await reader.read(); // ": connected"
      }
      return { res, close: () => controller.abort() };
    };
    const first = await open();
    const second = await open();
    expect([first.res.status, second.res.status]).toEqual([200, 200]);
    const third = await open();
    expect(third.res.status).toBe(429);
    expect(third.res.headers.get('retry-after')).toBe('30');
    expect((await third.res.json()).error).toMatch(/already have 2 live event streams open/);

    first.close();
    let again = await open();
    for (let i = 0; again.res.status === 429 && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 50));
      again = await open();
    }
    expect(again.res.status).toBe(200);
    second.close();
    again.close();
  });
});

describe('requests for another host', () => {
  it('an empty Host header is a 400, not a redirect', async () => {
    const answer = await rawRequest(server.port, 'GET /connectors HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.head).not.toMatch(/^location:/im);
  });

  it('an absolute-form request target (GET http://other.host/) is a 400, not a 308 to that host', async () => {
    for (const target of [
      'http://other.host/',
      'http://other.host/connectors',
      `http://127.0.0.1:${server.port}/api/connectors`,
    ]) {
      const answer = await rawRequest(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.status, target).toBe(400);
      expect(answer.head).not.toMatch(/^location:/im);
    }
    const body = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () =>
        socket.write(`GET http://other.host/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`),
      );
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => (data += d));
      socket.on('end', () => resolve(data.slice(data.indexOf('\r\n\r\n') + 4)));
      socket.on('error', reject);
    });
    expect(JSON.parse(body).error).toMatch(/request target must be a path/);
  });
});

describe('idle keep-alive connections', () => {
  it("a connection idle for longer than Node's 5 s default still answers the next request (no reset for a client or balancer that reuses it)", async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    let data = '';
    let closed = false;
    socket.setEncoding('latin1');
    socket.on('data', (d) => (data += d));
    socket.on('close', () => (closed = true));
    const answers = () => data.match(/^HTTP\/1\.1 200 /gm)?.length ?? 0;
    const get = `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`;
    const answered = async (n: number) => {
      for (let i = 0; i < 200 && answers() < n && !closed; i++) await new Promise((r) => setTimeout(r, 50));
      return answers();
    };
    try {
      socket.write(get);
      expect(await answered(1)).toBe(1);
      await new Promise((r) => setTimeout(r, 6_000));
      expect(closed).toBe(false);
      socket.write(get);
      expect(await answered(2)).toBe(2);
    } finally {
      socket.destroy();
    }
  }, 20_000);
});

describe('forwarded headers', () => {
  it('X-Forwarded-Proto from a client that is not a configured proxy is ignored (no HSTS); from CONNECTOR_STUDIO_TRUSTED_PROXIES it is believed', async () => {
    const untrusted = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    await untrusted.body?.cancel();
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();

    const behindProxy = await startServer({ ...TEST_ENV, CONNECTOR_STUDIO_TRUSTED_PROXIES: '127.0.0.1' });
    started.push(behindProxy);
    const viaProxy = await fetch(`${behindProxy.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    await viaProxy.body?.cancel();
    expect(viaProxy.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('values a design cannot hold exactly or safely', () => {
  /** POSTs the design as JSON text after `edit` (so numbers beyond 2^53 reach the server as written). */
  async function create(design: Record<string, unknown>, edit: (json: string) => string = (j) => j) {
    const res = await fetch(`${server.url}/api/connectors?provision=false`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: edit(JSON.stringify(design)),
    });
    return { status: res.status, body: await res.json() };
  }

  it('profile_id 9007199254740993 is refused at the field (422), not rounded to ...992 and created', async () => {
    const design = ipsecDesign('beyond-2-53');
    const r = await create(design, (json) => json.replace(/"profile_id":\d+/, '"profile_id":9007199254740993'));
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([
      {
        path: expect.stringMatching(/\.tunnel\.0\.profile_id$/),
        message: expect.stringMatching(/^profile_id is beyond 9007199254740991 \(2\^53 − 1\)/),
      },
    ]);
    expect((await emulator(server, 'GET', `/v1/tenantnetworks/1${CONNECTORS_PATH}?name=beyond-2-53`)).body).toEqual([]);
  });

  it('NUL and bidi overrides in a name, a description or a pre-shared key are refused at the field (422)', async () => {
    const design = ipsecDesign('bidi-name') as Record<string, any>;
    design.name = 'bidi-name\u202Egnp.exe';
    design.description = 'before\u0000after';
    const tunnel = design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0];
    tunnel.pre_shared_key = 'key\u2066hidden\u2069';
    const r = await create(design);
    expect(r.status).toBe(422);
    const byPath = Object.fromEntries(
      (r.body.errors as Array<{ path: string; message: string }>).map((e) => [e.path, e.message]),
    );
    expect(byPath.name).toMatch(
      /^name contains the invisible bidirectional control U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/,
    );
    expect(byPath.description).toMatch(/^description contains a NUL character \(U\+0000\)/);
    expect(byPath['instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key']).toMatch(
      /U\+2066 \(LEFT-TO-RIGHT ISOLATE\)/,
    );
    expect(JSON.stringify(r.body)).not.toContain('hidden');
  });
});

describe('a create killed before Alkira answered', () => {
  it('still leaves an audit row (UNCONFIRMED, who asked, for which name) after the restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-killed-create-'));
    // A long upstream timeout: the create must still be waiting for Alkira's answer when the server is killed.
    const env = { ...TEST_ENV, CONNECTOR_STUDIO_RECONCILE_MS: '300', ALKIRA_TIMEOUT_MS: '30000' };
    let crashing = await startServer(env, { dataDir });
    started.push(crashing);
    // Alkira holds the create before committing it; the server dies meanwhile, so nothing is made.
    await injectFaults(crashing, [{ method: 'POST', path: CONNECTORS_PATH, status: 500, delayMs: 60_000, times: 1 }]);
    const lost = call(crashing, 'POST', '/api/connectors', basicDesign('killed-create')).catch(() => null);
    for (let i = 0; i < 200; i++) {
      const rules = (await call(crashing, 'GET', '/emulator/_admin/faults', undefined, APP_CALLER_HEADERS)).body
        .rules as Array<{ remaining: number }>;
      if (rules.every((r) => r.remaining === 0)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await crashing.crash();
    expect(await lost).toBeNull();

    crashing = await startServer(env, { dataDir });
    started.push(crashing);
    let entries: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 100 && entries.length === 0; i++) {
      entries = ((await call(crashing, 'GET', '/api/activity')).body.entries as Array<Record<string, unknown>>).filter(
        (e) => e.targetName === 'killed-create',
      );
      if (entries.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(entries).toEqual([
      expect.objectContaining({
        actor: { id: 'local', name: 'Local operator' },
        action: 'create',
        targetName: 'killed-create',
        result: expect.objectContaining({
          state: 'UNCONFIRMED',
          detail: expect.stringMatching(/stopped after sending this create .* before Alkira answered/),
        }),
      }),
    ]);
    expect((await emulator(crashing, 'GET', `/v1/tenantnetworks/1${CONNECTORS_PATH}?name=killed-create`)).body).toEqual(
      [],
    );
  });
});
