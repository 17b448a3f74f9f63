/**
 * Short-lived, single-flight caches of what every dashboard request would
 * otherwise fetch again: the upstream connector list and the app's latest
 * provision history entry per connector. Shared by every route bundle and
 * request of the process (kept on globalThis).
 *
 * - Fresh for `ttlMs` (CONNECTOR_STUDIO_LIST_CACHE_MS, default 2000 ms); after
 *   that, one request refetches while the others keep answering from the old
 *   value for up to 5 × TTL (stale-while-revalidate); older values are not served.
 * - `invalidateTenant()` drops everything after a write made through the app
 *   (create/update/delete/provision, a provision request reaching a final
 *   state); a load that started before the write is not kept.
 * - In emulator mode, any write to the embedded emulator invalidates too
 *   (`emulatorWriteCount`), so a tenant changed behind the app's back is seen at once.
 */
import { emulatorWriteCount } from './emulator/changes';

const STALE_FACTOR = 5;

export function cacheTtlMs(): number {
  const raw = process.env.CONNECTOR_STUDIO_LIST_CACHE_MS;
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 2000;
}

interface Entry<T> {
  value?: T;
  at: number;
  /** Generation the value (or the pending load) belongs to. */
  gen: number;
  emulatorWrites: number;
  pending?: Promise<T>;
}

export class SharedCache<T> {
  private entries = new Map<string, Entry<T>>();
  private gen = 0;

  /** `emulator`: the key's data comes from the embedded emulator (its writes invalidate). */
  async get(key: string, load: () => Promise<T>, opts: { emulator: boolean }): Promise<T> {
    const ttl = cacheTtlMs();
    const writes = opts.emulator ? emulatorWriteCount() : 0;
    const now = Date.now();
    const e = this.entries.get(key);
    const current = e && e.gen === this.gen && e.emulatorWrites === writes;
    if (current && e.value !== undefined) {
      const age = now - e.at;
      if (age < ttl) return e.value;
      if (age < ttl * STALE_FACTOR) {
        if (!e.pending) void this.refresh(key, load, writes).catch(() => undefined);
        return e.value;
      }
    }
    if (current && e.pending) return e.pending;
    return this.refresh(key, load, writes);
  }

  private refresh(key: string, load: () => Promise<T>, writes: number): Promise<T> {
    const gen = this.gen;
    const entry: Entry<T> = this.entries.get(key) ?? { at: 0, gen, emulatorWrites: writes };
    if (entry.gen !== gen || entry.emulatorWrites !== writes) {
      entry.value = undefined;
      entry.gen = gen;
      entry.emulatorWrites = writes;
      entry.pending = undefined;
    }
    const startedAt = Date.now();
    const pending = load().then(
      (value) => {
        // Kept only if nothing was written meanwhile.
        if (entry.pending === pending && this.gen === gen && entry.emulatorWrites === writes) {
          entry.value = value;
          entry.at = startedAt;
          entry.pending = undefined;
        }
        return value;
      },
      (err) => {
        if (entry.pending === pending) entry.pending = undefined;
        throw err;
      },
    );
    entry.pending = pending;
    this.entries.set(key, entry);
    return pending;
  }

  /** When the cached value for `key` was loaded (0 when none). */
  loadedAt(key: string): number {
    return this.entries.get(key)?.at ?? 0;
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

/** After a write made through the app: every cached view of the tenant is dropped. */
export function invalidateTenant(): void {
  const g = globalThis as Holder;
  for (const c of g[KEY]?.values() ?? []) c.invalidate();
}
