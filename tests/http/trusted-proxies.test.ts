/**
 * Which forwarded headers the HTTP server (scripts/server.mjs) believes:
 * only those of a connection from CONNECTOR_STUDIO_TRUSTED_PROXIES. The
 * HTTPS side is observed over real HTTP in tests/api/request-hardening.test.ts;
 * this checks the client address taken from X-Forwarded-For.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types
import { clientOf, trustedProxies } from '../../scripts/server.mjs';

function request(peer: string, headers: Record<string, string>) {
  return { socket: { remoteAddress: peer }, headers: { ...headers } as Record<string, string | undefined> };
}

describe('X-Forwarded-For', () => {
  const trusted = trustedProxies({ CONNECTOR_STUDIO_TRUSTED_PROXIES: '10.0.0.5, ::ffff:10.0.0.6, bogus' });

  it('the list takes addresses only (IPv4-mapped as IPv4)', () => {
    expect([...trusted]).toEqual(['10.0.0.5', '10.0.0.6']);
  });

  it('from a client that is not a listed proxy: ignored and removed, with X-Forwarded-Proto and -Host', () => {
    const req = request('::ffff:203.0.113.9', {
      'x-forwarded-for': '198.51.100.1',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil.example',
      host: 'localhost',
    });
    expect(clientOf(req, trusted)).toBe('203.0.113.9');
    expect(req.headers).toEqual({ host: 'localhost' });
  });

  it('from a listed proxy: the right-most address that is not a listed proxy, and the headers stay', () => {
    const req = request('10.0.0.5', {
      'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.6',
      'x-forwarded-proto': 'https',
    });
    expect(clientOf(req, trusted)).toBe('203.0.113.7');
    expect(req.headers['x-forwarded-proto']).toBe('https');
    expect(clientOf(request('10.0.0.5', {}), trusted)).toBe('10.0.0.5');
    expect(clientOf(request('10.0.0.5', { 'x-forwarded-for': 'garbage, 10.0.0.6' }), trusted)).toBe('10.0.0.6');
  });
});
