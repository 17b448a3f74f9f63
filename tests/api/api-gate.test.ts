/**
 * The HTTP server gates API and emulator requests itself (lib/route/api-gate.ts),
 * so Next's proxy skips them: the answers and headers must be the proxy's, and a
 * client must not be able to skip the proxy for pages by sending the server's
 * "gated" mark. Large designs are validated and rendered in a worker pool
 * (lib/design-server) with the same answers as on the request thread.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderConnectorHcl } from '../../lib/connector/hcl/render';
import { startServer, type RunningServer } from '../helpers/server';
import { largeIpsecDesign } from '../../scripts/bench-designs';
import { call } from './support';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

/** A request with exactly these headers (fetch would not let a test set Host). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const GATED = 'x-connector-studio-gated';

describe('the API gate', () => {
  it('API answers carry the security headers, a fresh nonce CSP included', async () => {
    const a = await raw('GET', '/api/auth/me', {});
    const b = await raw('GET', '/api/auth/me', {});
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body).mode).toBe('local');
    for (const r of [a, b]) {
      expect(r.headers['content-security-policy']).toMatch(
        /script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'.*frame-ancestors 'none'/,
      );
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    expect(a.headers['content-security-policy']).not.toBe(b.headers['content-security-policy']);
  });

  it('refuses on API paths as the proxy does: foreign host, unknown path, wrong method, OPTIONS, cross-site write', async () => {
    const host = await raw('GET', '/api/auth/me', { Host: 'evil.example:3000' });
    expect(host.status).toBe(403);
    expect(JSON.parse(host.body).error).toMatch(/evil\.example:3000.*CONNECTOR_STUDIO_ALLOWED_HOSTS/);
    const unknown = await raw('GET', '/api/no-such-thing', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error).toMatch(/No API route \/api\/no-such-thing/);
    const wrong = await raw('DELETE', '/api/auth/me', {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(wrong.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    const options = await raw('OPTIONS', '/api/designs', {});
    expect(options.status).toBe(204);
    expect(options.headers.allow).toContain('POST');
    const csrf = await raw('POST', '/api/designs', {
      Origin: 'http://evil.example',
      'Content-Type': 'application/json',
    });
    expect(csrf.status).toBe(403);
    expect(JSON.parse(csrf.body).error).toBe('Cross-origin requests may not change data');
    const admin = await raw('POST', '/emulator/_admin/reset', {});
    expect(admin.status).toBe(404);
  });

  it("serves the build's scripts past the proxy, still refusing writes (405, never a 500) and foreign hosts", async () => {
    const page = await raw('GET', '/designer', {});
    const script = /<script[^>]* src="(\/_next\/static\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script, 'the designer page names its scripts').toBeTruthy();
    const ok = await raw('GET', String(script), {});
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/javascript/);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const write = await raw(method, String(script), {});
      expect(write.status, method).toBe(405);
      expect(write.headers.allow).toBe('GET, HEAD, OPTIONS');
    }
    const foreign = await raw('GET', String(script), { Host: 'evil.example' });
    expect(foreign.status).toBe(403);
    const missing = await raw('GET', '/_next/static/chunks/no-such-chunk.js', {});
    expect(missing.status).toBe(404);
  });

  it("a client's own gated mark does not skip the proxy on pages", async () => {
    const foreign = await raw('GET', '/designer', { Host: 'evil.example', [GATED]: '1' });
    expect(foreign.status).toBe(403);
    const page = await raw('GET', '/designer', { [GATED]: '1' });
    expect(page.status).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))?.[1];
    expect(nonce).toBeTruthy();
    expect(page.body).toContain(`nonce="${nonce}"`);
  });
});

describe('large designs in the worker pool', () => {
  const large = largeIpsecDesign();

  it('validates a 640-tunnel design with the same answer as a small one gets', async () => {
    const ok = await call(server, 'POST', '/api/designs/validate', large);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, errors: [], warnings: expect.any(Array) });
    const broken = {
      ...large,
      instances: large.instances.map((inst, i) => (i === 3 ? { ...inst, loopback_subnet: '192.168.0.0/26' } : inst)),
    };
    const found = await call(server, 'POST', '/api/designs/validate', broken);
    expect(found.status).toBe(200);
    expect(found.body.ok).toBe(false);
    expect(found.body.errors.some((e: { path: string }) => e.path.startsWith('instances'))).toBe(true);
    const unknown = await call(server, 'POST', '/api/designs/validate', { ...large, colour: 'blue' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toContain('colour');
  });

  it('renders a 640-tunnel design byte for byte as the renderer does, and names what is wrong', async () => {
    const hcl = await call(server, 'POST', '/api/designs/hcl', { design: large });
    expect(hcl.status).toBe(200);
    expect(hcl.text).toBe(renderConnectorHcl(large));
    const invalid = await call(server, 'POST', '/api/designs/hcl', { design: { ...large, size: 'HUGE' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.some((e: { path: string }) => e.path === 'size')).toBe(true);
    const notJson = await call(
      server,
      'POST',
      '/api/designs/hcl',
      `{"design": ${JSON.stringify(large).slice(0, 40_000)}`,
    );
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toBeTruthy();
  });
});
