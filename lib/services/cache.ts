/**
 * Short-lived, single-flight caches of what every dashboard request would
 * otherwise fetch again: the upstream connector list and the app's latest
 * provision history entry per connector. Shared by every route bundle and
 * request of the process (kept on globalThis).
 *
 * - Fresh for the TTL (CONNECTOR_STUDIO_LIST_CACHE_MS, default 2000 ms; 0 turns
 *   caching off), or ten times the last load's duration if longer (a tenant
 *   that takes 400 ms to list is listed at most every 4 s); after that, one
 *   request reloads in the background while the others keep the old value, for
 *   up to 5 × that (stale-while-revalidate); older values are not served, nor
 *   any value once a reload failed (the next request sees the error).
 * - `invalidateTenant()` drops everything after a write made through the app
 *   (create/update/delete/provision, a provision request reaching a final
 *   state); a load that started before the write is not kept.
 * - Data from the embedded emulator (`emulator` option) is exactly coherent
 *   instead: it stays valid until the emulator's next write (any caller,
 *   `emulatorWriteCount`) or the next scheduled provision state change
 *   (`quietUntil`), with a 60 s ceiling.
 * - With several instances on one PostgreSQL, an invalidation made here is
 *   announced to the others (lib/store/cluster-bus.ts), which drop the same
 *   caches (cluster-sync.ts): a write through any instance is seen by every
 *   instance's next read.
 */
import { announce } from '@/lib/store/cluster-bus';
import { emulatorWriteCount } from '@/lib/emulator/changes';

const STALE_FACTOR = 5;
const COST_FACTOR = 10;
const EMULATOR_MAX_AGE_MS = 60_000;

export function cacheTtlMs(): number {
  const raw = process.env.CONNECTOR_STUDIO_LIST_CACHE_MS;
  const n = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 2000;
}

export interface CacheOptions {
  /** The data comes from the embedded emulator. */
  emulator: boolean;
  /** Emulator data: until when it cannot change without a write (next scheduled state change). */
  quietUntil?: (now: number) => number;
}

interface Entry<T> {
  value?: T;
  at: number;
  loadMs: number;
  validUntil: number;
  /** Generation the value (or the pending load) belongs to. */
  gen: number;
  emulatorWrites: number;
  pending?: Promise<T>;
}

export class SharedCache<T> {
  private entries = new Map<string, Entry<T>>();
  private gen = 0;

  async get(key: string, load: () => Promise<T>, opts: CacheOptions): Promise<T> {
    const writes = opts.emulator ? emulatorWriteCount() : 0;
    const now = Date.now();
    const e = this.entries.get(key);
    const current = e !== undefined && e.gen === this.gen && e.emulatorWrites === writes;
    if (current && e.value !== undefined) {
      const age = now - e.at;
      const ttl = cacheTtlMs();
      // TTL 0 turns caching off (portal mode); otherwise an expensive list is reloaded less often.
      const fresh = opts.emulator
        ? Math.min(e.validUntil - e.at, EMULATOR_MAX_AGE_MS)
        : ttl === 0
          ? 0
          : Math.max(ttl, e.loadMs * COST_FACTOR);
      if (age < fresh) return e.value;
      // Past a scheduled emulator change the old value is wrong: reload and wait.
      const staleOk = opts.emulator ? now < e.validUntil : age < fresh * STALE_FACTOR;
      if (staleOk) {
        if (!e.pending) void this.refresh(key, load, writes, opts).catch(() => undefined);
        return e.value;
      }
    }
    if (current && e.pending) return e.pending;
    return this.refresh(key, load, writes, opts);
  }

  private refresh(key: string, load: () => Promise<T>, writes: number, opts: CacheOptions): Promise<T> {
    const gen = this.gen;
    let entry = this.entries.get(key);
    if (!entry || entry.gen !== gen || entry.emulatorWrites !== writes) {
      entry = { at: 0, loadMs: 0, validUntil: 0, gen, emulatorWrites: writes };
      this.entries.set(key, entry);
    }
    const target = entry;
    const startedAt = Date.now();
    const validUntil = opts.quietUntil ? opts.quietUntil(startedAt) : Number.POSITIVE_INFINITY;
    const pending = load().then(
      (value) => {
        // Kept only if nothing was written meanwhile.
        if (target.pending === pending && this.gen === gen && this.entries.get(key) === target) {
          target.value = value;
          target.at = startedAt;
          target.loadMs = Date.now() - startedAt;
          target.validUntil = validUntil;
          target.pending = undefined;
        }
        return value;
      },
      (err) => {
        // A failed reload also retires the old value: the next request sees the outage, not stale data.
        if (target.pending === pending) {
          target.pending = undefined;
          target.value = undefined;
        }
        throw err;
      },
    );
    target.pending = pending;
    return pending;
  }

  invalidate(): void {
    this.gen++;
    this.entries.clear();
  }
}

const KEY = Symbol.for('connector-studio.tenant-caches');
type Holder = { [KEY]?: Map<string, SharedCache<unknown>> };

/** The process-wide cache named `name`. */
export function sharedCache<T>(name: string): SharedCache<T> {
  const g = globalThis as Holder;
  g[KEY] ??= new Map();
  let c = g[KEY].get(name);
  if (!c) {
    c = new SharedCache<unknown>();
    g[KEY].set(name, c);
  }
  return c as SharedCache<T>;
}

/** Drops this process's caches: all of them, or only the one named `name`. */
export function invalidateLocal(name?: string): void {
  const g = globalThis as Holder;
  if (name !== undefined) g[KEY]?.get(name)?.invalidate();
  else for (const c of g[KEY]?.values() ?? []) c.invalidate();
}

/** After a write made through the app: every cached view of the tenant is dropped, here and on the other instances. */
export function invalidateTenant(): void {
  invalidateLocal();
  void announce({ kind: 'invalidate' });
}

/** Drops the cache `name`, here and on the other instances. */
export function invalidateShared(name: string): void {
  invalidateLocal(name);
  void announce({ kind: 'invalidate', cache: name });
}
