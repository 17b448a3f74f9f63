/**
 * The parse service's sizing (lib/hcl-server/config.ts) and how a request's
 * client is told apart (lib/http/peer-address.ts): pool size from the cores or
 * CONNECTOR_STUDIO_PARSE_WORKERS, the time budget in proportion to the input,
 * the peer address only when our own server recorded it, IPv6 by /64.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatBudget, parseBudgetMs, parseServiceConfig } from '@/lib/hcl-server/config';
import { addressKey, peerAddress } from '@/lib/http/peer-address';

describe('parse service configuration', () => {
  it('sizes the pool to the cores, or to CONNECTOR_STUDIO_PARSE_WORKERS', () => {
    expect(parseServiceConfig({}, 8)).toMatchObject({
      workers: 8,
      timeoutMs: 5000,
      limits: { perClient: 8, total: 128, runningPerClient: 4 },
    });
    expect(parseServiceConfig({}, 1)).toMatchObject({ workers: 1, limits: { runningPerClient: 1 } });
    expect(parseServiceConfig({}, 3)).toMatchObject({ workers: 3, limits: { runningPerClient: 1 } });
    expect(parseServiceConfig({ CONNECTOR_STUDIO_PARSE_WORKERS: '2' }, 16)).toMatchObject({
      workers: 2,
      limits: { runningPerClient: 1 },
    });
    for (const bad of ['', '0', '-3', 'many'])
      expect(parseServiceConfig({ CONNECTOR_STUDIO_PARSE_WORKERS: bad }, 4).workers).toBe(4);
    expect(parseServiceConfig({ CONNECTOR_STUDIO_PARSE_TIMEOUT_MS: '2000' }, 4).timeoutMs).toBe(2000);
  });

  it('gives each parse a budget in proportion to its size, the whole timeout to a 1 MiB file', () => {
    expect(parseBudgetMs(0, 5000)).toBe(1000);
    expect(parseBudgetMs(2048, 5000)).toBe(1008);
    expect(parseBudgetMs(589 * 1024, 5000)).toBe(3301);
    expect(parseBudgetMs(1024 * 1024, 5000)).toBe(5000);
    expect(parseBudgetMs(5 * 1024 * 1024, 5000)).toBe(5000);
    // A fifth of the timeout when that is more than 1 s; never more than the timeout itself.
    expect(parseBudgetMs(0, 20_000)).toBe(4000);
    expect(parseBudgetMs(100_000, 200)).toBe(200);
    expect(formatBudget(200)).toBe('0.2 s');
    expect(formatBudget(3301)).toBe('3.3 s');
  });
});

describe('the client of a request', () => {
  const PEER = Symbol.for('connector-studio.peer-header');
  const globals = globalThis as { [PEER]?: unknown };
  afterEach(() => {
    delete globals[PEER];
  });

  it('reads the peer address only when our server announced its header', () => {
    const headers = new Headers({ 'x-connector-studio-peer': '203.0.113.7', 'x-forwarded-for': '198.51.100.1' });
    expect(peerAddress(headers)).toBeNull();
    globals[PEER] = 'x-connector-studio-peer';
    expect(peerAddress(headers)).toBe('203.0.113.7');
    expect(peerAddress(new Headers({ 'x-forwarded-for': '198.51.100.1' }))).toBeNull();
  });

  it('keys IPv4 by address and IPv6 by its /64', () => {
    expect(addressKey('127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
