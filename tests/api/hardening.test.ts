/**
 * What a hostile client can observe of the hardening, over real HTTP against
 * the production server: input limits on every JSON route (app and emulator),
 * 405 with Allow for every method a route does not answer (TRACE and unknown
 * verbs included) with security headers, the host allow-list and CSRF guard,
 * the nonce CSP and HSTS, HCL parses that never stall the server, and the
 * emulator's body limit and masked secrets.
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CALLER_HEADERS, startServer, type RunningServer } from '../helpers/server';
import { basicDesign, ipsecDesign, PSK_DMZ } from '../helpers/designs';
import { call, CONNECTORS_PATH, emulator, EMULATOR_KEY, storedTunnelKeys, TEST_ENV } from './support';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
});
afterAll(async () => {
  await server?.stop();
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with full control over method and headers (fetch refuses TRACE and rewrites Host). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const DEEP = (field: string) => `{"${field}":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
const AUTH = { authorization: `api-key ${Buffer.from(EMULATOR_KEY).toString('base64')}`, ...APP_CALLER_HEADERS };
const JSON_TYPE = { 'content-type': 'application/json' };

describe('input limits on every JSON route', () => {
  const routes: Array<[string, string, Record<string, string>]> = [
    ['POST', '/api/designs/validate', {}],
    ['POST', '/api/designs/hcl', {}],
    ['POST', '/api/connectors', {}],
    ['PUT', '/api/connectors/1', {}],
    ['POST', `/emulator/api/v1/tenantnetworks/1${CONNECTORS_PATH}`, AUTH],
    ['POST', '/emulator/_admin/faults', APP_CALLER_HEADERS],
  ];

  it('10,000 levels of nesting → 400 "nested deeper than 32", never a RangeError 500', async () => {
    for (const [method, path, headers] of routes) {
      const r = await raw(method, path, { ...JSON_TYPE, ...headers }, DEEP('billing_tag_ids'));
      expect(r.status, `${method} ${path}`).toBe(400);
      const body = JSON.parse(r.body);
      expect(body.error ?? body.message, `${method} ${path}`).toMatch(
        /^JSON is nested deeper than 32 levels \(at character \d+\)$/,
      );
    }
  });

  it('over-long arrays and strings and prototype keys → 400 naming the path', async () => {
    const longName = await call(server, 'POST', '/api/designs/validate', {
      ...basicDesign('x'),
      name: 'x' + '_'.repeat(200_000) + 'x',
    });
    expect(longName.status).toBe(400);
    expect(longName.body.error).toBe('String at name is 200002 characters long; at most 10000 are accepted');
    const tags = await call(server, 'POST', '/api/connectors', {
      ...basicDesign('x'),
      billing_tag_ids: new Array(5000).fill(101),
    });
    expect(tags.body).toEqual({ error: 'Array at billing_tag_ids has 5000 elements; at most 1000 are accepted' });
    const proto = await call(server, 'POST', '/api/designs/hcl', '{"design":{"__proto__":{"admin":true}}}');
    expect(proto.status).toBe(400);
    expect(proto.body.error).toBe('Key "__proto__" at design is not allowed');
  });

  it('a JSON route refuses other content types with 415', async () => {
    const r = await raw('POST', '/api/designs/validate', { 'content-type': 'application/xml' }, '{}');
    expect(r.status).toBe(415);
    expect(JSON.parse(r.body).error).toBe(
      'Send the body as JSON with Content-Type: application/json (got application/xml)',
    );
  });

  it('the emulator refuses bodies over 1 MB (413) like the app', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000) });
    const r = await raw('POST', `/emulator/api/v1/tenantnetworks/1${CONNECTORS_PATH}`, { ...JSON_TYPE, ...AUTH }, big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({ message: 'Request body is larger than 1024 KB' });
  });
});

describe('methods', () => {
  const routes: Array<[string, string]> = [
    ['/api/health', 'GET, HEAD, OPTIONS'],
    ['/api/designs/validate', 'POST, OPTIONS'],
    ['/api/hcl/parse', 'POST, OPTIONS'],
    ['/api/connectors', 'GET, POST, HEAD, OPTIONS'],
    ['/api/connectors/1', 'GET, PUT, DELETE, HEAD, OPTIONS'],
    ['/api/catalog/segments', 'GET, HEAD, OPTIONS'],
    ['/designer', 'GET, HEAD, OPTIONS'],
    ['/emulator/_admin/reset', 'POST, OPTIONS'],
  ];

  it('TRACE, PATCH, PROPFIND and an unknown verb get 405 with Allow and the security headers', async () => {
    for (const [path, allow] of routes) {
      for (const method of ['TRACE', 'PATCH', 'PROPFIND', 'FOO']) {
        const r = await raw(method, path);
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.headers.allow, `${method} ${path}`).toBe(allow);
        expect(r.headers['content-security-policy'], `${method} ${path}`).toMatch(/frame-ancestors 'none'/);
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(JSON.parse(r.body).error).toBe(
          `Method ${method} is not allowed on ${path}; use ${allow.replace(', OPTIONS', '').split(', ').join(' or ')}`,
        );
      }
    }
  });

  /** Bytes on a bare socket, for what no HTTP client sends (CONNECT to a path, pipelined requests). */
  function socketExchange(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write(text));
      let out = '';
      socket.setEncoding('latin1');
      socket.on('data', (c) => (out += c));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
  }

  it('CONNECT and TRACK get the same 405, and a TRACE leaves a keep-alive connection usable', async () => {
    const host = `Host: 127.0.0.1:${server.port}`;
    const connect = await socketExchange(`CONNECT /api/connectors HTTP/1.1\r\n${host}\r\n\r\n`);
    expect(connect).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(connect).toMatch(/\r\nAllow: GET, POST, HEAD, OPTIONS\r\n/);
    expect(connect).toMatch(/\r\nContent-Security-Policy: [^\r]*frame-ancestors 'none'/);
    expect(connect).toContain('{"error":"Method CONNECT is not allowed on /api/connectors; use GET or POST or HEAD"}');
    const track = await raw('TRACK', '/api/health');
    expect(track.status).toBe(405);
    expect(JSON.parse(track.body).error).toBe('Method TRACK is not allowed on /api/health; use GET or HEAD');
    // Two requests on one connection: the TRACE is answered, then the GET is served as usual.
    const both = await socketExchange(
      `TRACE /api/health HTTP/1.1\r\n${host}\r\n\r\nGET /api/health HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
    );
    const statuses = [...both.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1]);
    expect(statuses[0]).toBe('405');
    expect(statuses[1]).toMatch(/^(200|503)$/);
  });

  it('other malformed requests keep their usual answers (400, 431)', async () => {
    expect(await socketExchange('GET / HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 400 Bad Request\r\n/,
    );
    const huge = await socketExchange(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('OPTIONS lists what a route answers', async () => {
    const r = await raw('OPTIONS', '/api/connectors/7');
    expect(r.status).toBe(204);
    expect(r.headers.allow).toBe('GET, PUT, DELETE, HEAD, OPTIONS');
  });

  it('an unknown API path is a JSON 404, not an HTML page', async () => {
    const r = await raw('GET', '/api/connectors/7/settings');
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).error).toMatch(/^No API route \/api\/connectors\/7\/settings/);
  });

  it('an API path with dot segments is a clear 400 with the security headers, not a bare redirect', async () => {
    for (const path of [
      '/api/connectors/..',
      '/api/connectors/../design',
      '/api/./health',
      '/emulator/api/v1/..',
      '/api/provision-requests/%2e%2E',
    ]) {
      const r = await raw('GET', path);
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body).error, path).toBe(
        `The path ${path} has "." or ".." segments; send the path without them`,
      );
      expect(r.headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
    }
    // An encoded slash keeps it one (odd) segment: an ordinary unknown id.
    expect((await raw('GET', '/api/provision-requests/%2e%2e%2f%2e%2e')).status).toBe(404);
  });
});

describe('host allow-list and cross-site writes', () => {
  it('a DNS-rebinding page (Host and Origin both evil.example) creates nothing', async () => {
    const host = `evil.example:${server.port}`;
    const r = await raw(
      'POST',
      '/api/connectors',
      { ...JSON_TYPE, host, origin: `http://${host}` },
      JSON.stringify(basicDesign('rebound')),
    );
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error).toBe(
      `Host "${host}" is not served here; add it to CONNECTOR_STUDIO_ALLOWED_HOSTS if this server is meant to answer to that name`,
    );
    // Reads are refused too (the page could otherwise read the tenant's connectors).
    expect((await raw('GET', '/api/connectors', { host })).status).toBe(403);
    const found = await emulator(server, 'GET', `/v1/tenantnetworks/1${CONNECTORS_PATH}?name=rebound`);
    expect(found.body).toEqual([]);
  });

  it('a cross-site text/plain POST to _admin is refused and changes nothing', async () => {
    const rules = JSON.stringify({ rules: [{ method: 'GET', status: 500, times: 5 }] });
    // Even with the app's emulator token, the host and cross-site guard holds.
    const attempts: Array<Record<string, string>> = [
      { 'content-type': 'text/plain', ...APP_CALLER_HEADERS },
      {
        'content-type': 'text/plain',
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.example',
        ...APP_CALLER_HEADERS,
      },
    ];
    for (const headers of attempts) {
      const r = await raw('POST', '/emulator/_admin/faults', headers, rules);
      expect(r.status).toBe(403);
    }
    expect((await call(server, 'GET', '/emulator/_admin/faults', undefined, APP_CALLER_HEADERS)).body).toEqual({
      rules: [],
    });
  });

  it('a same-origin browser request (Origin and Sec-Fetch-Site) and a JSON client pass', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const viaBrowser = await call(server, 'POST', '/api/connectors', basicDesign('same-origin-ok'), {
      origin,
      'sec-fetch-site': 'same-origin',
    });
    expect(viaBrowser.status).toBe(201);
    const cross = await call(server, 'DELETE', `/api/connectors/${viaBrowser.body.id}`, undefined, {
      origin: 'http://localhost:9999',
    });
    expect(cross.status).toBe(403);
    const viaClient = await call(server, 'DELETE', `/api/connectors/${viaBrowser.body.id}`);
    expect(viaClient.status).toBe(202);
  });
});

describe('content security policy', () => {
  it('pages carry a fresh script nonce and no unsafe-inline for scripts; Next puts the nonce on its scripts', async () => {
    const first = await raw('GET', '/designer');
    const second = await raw('GET', '/designer');
    const policy = String(first.headers['content-security-policy']);
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/);
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(second.headers['content-security-policy']).not.toContain(nonce);
    const scripts = first.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('HSTS only when served over HTTPS (a client that is not a configured proxy cannot claim it; see request-hardening.test.ts for one that is)', async () => {
    expect((await raw('GET', '/')).headers['strict-transport-security']).toBeUndefined();
    const claimed = await raw('GET', '/', { 'x-forwarded-proto': 'https' });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('HCL parsing never stalls the server', () => {
  it("'{' × 10,000 and a 100,000-character string answer with a clear diagnostic", async () => {
    const braces = await raw('POST', '/api/hcl/parse', { 'content-type': 'text/plain' }, '{'.repeat(10_000));
    expect(braces.status).toBe(200);
    expect(JSON.parse(braces.body).diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 1,
        column: 65,
        message: 'Brackets are nested deeper than 64 levels here; a connector needs fewer than 10',
      }),
    ]);
    const long = await raw(
      'POST',
      '/api/hcl/parse',
      { 'content-type': 'text/plain' },
      `resource "alkira_connector_azure_expressroute" "x" {\n  name = "${'a'.repeat(100_000)}"\n}\n`,
    );
    expect(JSON.parse(long.body).diagnostics[0]).toMatchObject({
      line: 2,
      message: 'This string is 100,000 characters long; at most 10,000 are accepted',
    });
  });

  it('other routes answer while a large file is being parsed (the parse runs in a worker thread)', async () => {
    const big = manyConnectors(300);
    const order: string[] = [];
    const parse = raw('POST', '/api/hcl/parse', { 'content-type': 'text/plain' }, big).then((r) => {
      order.push('parse');
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const health = await raw('GET', '/api/health');
    order.push('health');
    expect(health.status).toBe(200);
    const parsed = await parse;
    expect(parsed.status).toBe(200);
    expect(JSON.parse(parsed.body).designs).toHaveLength(300);
    expect(order).toEqual(['health', 'parse']);
  });

  it('a parse over its time limit answers 422 and the next parse still works', async () => {
    const limited = await startServer({ ...TEST_ENV, CONNECTOR_STUDIO_PARSE_TIMEOUT_MS: '200' });
    try {
      const url = `${limited.url}/api/hcl/parse`;
      const slow = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: manyConnectors(2000),
      });
      expect(slow.status).toBe(422);
      expect((await slow.json()).error).toMatch(
        /^The HCL could not be parsed within 0.2 s; it is far larger or more complex than a connector file/,
      );
      const next = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: manyConnectors(1),
      });
      expect(next.status).toBe(200);
      expect((await next.json()).designs).toHaveLength(1);
    } finally {
      await limited.stop();
    }
  });
});

function manyConnectors(n: number): string {
  const block = (i: number) =>
    `resource "alkira_connector_azure_expressroute" "c${i}" {\n  name = "connector-${i}"\n  size = "SMALL"\n  vhub_prefix = "10.0.0.0/23"\n  cxp = "USWEST-AZURE-1"\n}\n`;
  return Array.from({ length: n }, (_, i) => block(i)).join('');
}

describe('emulator secrets', () => {
  it('stored pre-shared keys and remote auth values never reach a caller other than the app', async () => {
    const created = await call(server, 'POST', '/api/connectors', ipsecDesign('masked-keys'));
    expect(created.status).toBe(201);
    // With the emulator's API key (the README's default) but not the app's token.
    const path = `/emulator/api/v1/tenantnetworks/1${CONNECTORS_PATH}/${created.body.id}`;
    const outsider = await raw('GET', path, { authorization: AUTH.authorization });
    expect(outsider.status).toBe(403);
    expect(outsider.body).not.toContain(PSK_DMZ);
    expect(outsider.body).not.toContain('primary-tunnel.example.com');
    // The app itself still has the keys: an edit that leaves them masked keeps them.
    const design = await call(server, 'GET', `/api/connectors/${created.body.id}/design`);
    expect(design.text).not.toContain(PSK_DMZ);
    const updated = await call(server, 'PUT', `/api/connectors/${created.body.id}`, {
      ...design.body,
      description: 'edited',
    });
    expect(updated.status).toBe(200);
    expect(storedTunnelKeys(server, created.body.id)).toContain(PSK_DMZ);
  });
});
