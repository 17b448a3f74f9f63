/**
 * Security properties a user (or an attacker) can observe: response headers,
 * pre-shared keys never leaving the server (responses, errors, logs), and the
 * health report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { ipsecDesign, PSK_DMZ, PSK_INTERNAL } from '../helpers/designs';
import { call, clearFaults, EMULATOR_KEY, injectFaults, TEST_ENV, CONNECTORS_PATH } from './support';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(TEST_ENV);
});
afterAll(async () => {
  await server?.stop();
});

describe('security headers', () => {
  const expected = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
  // Scripts only with this response's nonce: no 'unsafe-inline', no 'unsafe-eval'.
  const csp =
    /^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'$/;

  it('are set on pages, API responses and API errors', async () => {
    for (const path of ['/', '/api/connectors', '/api/catalog/nope', '/api/connectors/999999']) {
      const res = await fetch(server.url + path);
      for (const [name, value] of Object.entries(expected))
        expect(res.headers.get(name), `${name} on ${path}`).toBe(value);
      expect(res.headers.get('content-security-policy'), path).toMatch(csp);
    }
  });

  it('API responses are not cacheable', async () => {
    const res = await fetch(server.url + '/api/connectors');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('pre-shared keys', () => {
  it('never appear in a GET response, an error, or the server log', async () => {
    const created = await call(server, 'POST', '/api/connectors', ipsecDesign('secret-keys'));
    expect(created.status).toBe(201);
    const id = created.body.id;
    // An update the upstream rejects persistently: its error message must not carry keys either.
    await injectFaults(server, [{ method: 'PUT', path: CONNECTORS_PATH, status: 500, times: 10 }]);
    const failed = await call(server, 'PUT', `/api/connectors/${id}`, ipsecDesign('secret-keys'));
    expect(failed.status).toBe(502);
    await clearFaults(server);

    const texts = [created.text, failed.text];
    for (const path of ['/api/connectors', `/api/connectors/${id}`, `/api/connectors/${id}/design`]) {
      const r = await call(server, 'GET', path);
      expect(r.status, path).toBe(200);
      texts.push(r.text);
    }
    for (const text of texts) {
      expect(text).not.toContain(PSK_DMZ);
      expect(text).not.toContain(PSK_INTERNAL);
    }
    const logs = server.logs();
    expect(logs).not.toContain(PSK_DMZ);
    expect(logs).not.toContain(PSK_INTERNAL);
    expect(logs).not.toContain(EMULATOR_KEY);
    expect(logs).not.toContain(Buffer.from(EMULATOR_KEY).toString('base64'));
  });
});

describe('health', () => {
  it('reports emulator mode and a reachable upstream', async () => {
    const r = await call(server, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ok: true,
      backend: { mode: 'emulator' },
      upstream: { reachable: true, latencyMs: expect.any(Number), status: 200 },
    });
  });
});
