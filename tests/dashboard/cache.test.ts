/**
 * The list cache's rules, without a server: one load for many concurrent
 * readers, writes drop it (and a load that raced a write is not kept),
 * stale-while-revalidate, a failed reload retires the old value, TTL 0 turns
 * caching off, and emulator data follows the emulator's writes and its next
 * scheduled change exactly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invalidateTenant, SharedCache, sharedCache } from '@/lib/services/cache';
import { noteEmulatorWrite } from '@/lib/emulator/changes';
import { at } from '../helpers/present';

const PORTAL = { emulator: false };

function loader(values: Array<string | Error>) {
  let calls = 0;
  const load = vi.fn(async () => {
    const v = at(values, Math.min(calls++, values.length - 1));
    await Promise.resolve();
    if (v instanceof Error) throw v;
    return v;
  });
  return load;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000_000);
  process.env.CONNECTOR_STUDIO_LIST_CACHE_MS = '2000';
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.CONNECTOR_STUDIO_LIST_CACHE_MS;
});

describe('the shared list cache', () => {
  it('loads once for concurrent readers and serves the value while fresh', async () => {
    const cache = new SharedCache<string>();
    const load = loader(['a', 'b']);
    expect(
      await Promise.all([cache.get('k', load, PORTAL), cache.get('k', load, PORTAL), cache.get('k', load, PORTAL)]),
    ).toEqual(['a', 'a', 'a']);
    vi.setSystemTime(1_001_500);
    expect(await cache.get('k', load, PORTAL)).toBe('a');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reloads in the background once stale, and refuses values older than five TTLs', async () => {
    const cache = new SharedCache<string>();
    const load = loader(['a', 'b', 'c']);
    await cache.get('k', load, PORTAL);
    vi.setSystemTime(1_002_500);
    expect(await cache.get('k', load, PORTAL)).toBe('a'); // stale answer, reload started
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.get('k', load, PORTAL)).toBe('b');
    vi.setSystemTime(1_002_500 + 10_001);
    expect(await cache.get('k', load, PORTAL)).toBe('c'); // too old: waited for the reload
  });

  it('drops everything on invalidation, and does not keep a load that raced a write', async () => {
    const cache = sharedCache<string>('test-race');
    let release: (v: string) => void = () => {};
    const slow = vi.fn(() => new Promise<string>((r) => (release = r)));
    const reading = cache.get('k', slow, PORTAL);
    invalidateTenant(); // a write made through the app while the list was being read
    release('before-write');
    expect(await reading).toBe('before-write'); // that reader gets what it asked for…
    expect(await cache.get('k', loader(['after-write']), PORTAL)).toBe('after-write'); // …but nobody else does
  });

  it('lets the next reader see an outage instead of stale data once a reload failed', async () => {
    const cache = new SharedCache<string>();
    const load = loader(['a', new Error('unreachable'), new Error('unreachable')]);
    await cache.get('k', load, PORTAL);
    vi.setSystemTime(1_002_500);
    expect(await cache.get('k', load, PORTAL)).toBe('a');
    await Promise.resolve();
    await Promise.resolve();
    await expect(cache.get('k', load, PORTAL)).rejects.toThrow('unreachable');
  });

  it('caches nothing with a TTL of 0', async () => {
    process.env.CONNECTOR_STUDIO_LIST_CACHE_MS = '0';
    const cache = new SharedCache<string>();
    const load = loader(['a', 'b']);
    await cache.get('k', load, PORTAL);
    expect(await cache.get('k', load, PORTAL)).toBe('b');
  });

  it('keeps emulator data exactly until the emulator writes or its next scheduled change', async () => {
    const cache = new SharedCache<string>();
    const load = loader(['a', 'b', 'c']);
    const opts = { emulator: true, quietUntil: (now: number) => now + 30_000 };
    await cache.get('k', load, opts);
    vi.setSystemTime(1_020_000); // long past the TTL, before the scheduled change
    expect(await cache.get('k', load, opts)).toBe('a');
    noteEmulatorWrite();
    expect(await cache.get('k', load, opts)).toBe('b');
    vi.setSystemTime(1_020_000 + 30_001); // the scheduled change has happened
    expect(await cache.get('k', load, opts)).toBe('c');
  });
});
