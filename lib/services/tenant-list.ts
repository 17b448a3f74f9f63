import 'server-only';
/**
 * The dashboard's list at tenant scale, with no upstream call per row and
 * (mostly) none per request: one cached upstream list (lib/services/cache.ts),
 * the app's latest history entry per connector (cached too), merged once per
 * change into a `ListIndex` that every request filters, sorts and pages.
 *
 * Connectors whose listing carries no provision state (an upstream that does
 * not include it) are looked up in the background, a few at a time and at
 * most every 5 minutes each, never while a request waits; until then their state
 * is the app's last known one, or null.
 */
import type { ConnectorSummary } from '@/lib/contract';
import type { AlkiraApi } from '@/lib/alkira/api';
import { sharedCache } from './cache';
import { nextStateChangeAfter } from '@/lib/emulator/provisioning';
import { latestByConnector, type ProvisionHistoryEntry } from './history';
import { buildListIndex, type ListIndex } from './list-query';
import { baseSummary, ownState, summaryFrom, type BaseSummary } from './summary';

/** The upstream list reduced at once to what rows need (the full connectors are not kept: 10,000 of them weigh ~100 MB). */
interface Listing {
  at: number;
  items: Array<{ base: BaseSummary; own: string | null | undefined }>;
}

/** The reference API has no bulk state endpoint: each such connector is looked up at most every 5 minutes. */
const STATE_TTL_MS = 300_000;
const STATE_LOOKUPS_IN_FLIGHT = 4;

interface TenantMemo {
  listing?: Listing;
  history?: Map<number, ProvisionHistoryEntry>;
  historySig?: string;
  statesVersion: number;
  index?: ListIndex;
  /** `statesVersion` the index was built with. */
  indexVersion: number;
  states: Map<number, { state: string | null; at: number }>;
  queue: number[];
  queued: Set<number>;
  running: number;
}

const MEMO = Symbol.for('connector-studio.tenant-list');
type Holder = { [MEMO]?: Map<string, TenantMemo> };

function memoFor(key: string): TenantMemo {
  const g = globalThis as Holder;
  g[MEMO] ??= new Map();
  let m = g[MEMO].get(key);
  if (!m) {
    m = { statesVersion: 0, indexVersion: -1, states: new Map(), queue: [], queued: new Set(), running: 0 };
    g[MEMO].set(key, m);
  }
  return m;
}

async function listing(api: AlkiraApi): Promise<Listing> {
  return sharedCache<Listing>('connectors').get(
    api.config.baseUrl,
    async () => {
      const at = Date.now();
      const connectors = await api.listConnectors();
      return { at, items: connectors.map((c) => ({ base: baseSummary(c), own: ownState(c) })) };
    },
    api.config.mode === 'emulator' && api.config.emulatorInProcess
      ? { emulator: true, quietUntil: nextStateChangeAfter }
      : { emulator: false },
  );
}

function historySignature(h: Map<number, ProvisionHistoryEntry>): string {
  let sig = String(h.size);
  for (const [id, e] of h) sig += `|${id}:${e.requestId}:${e.state}:${e.updatedAt}`;
  return sig;
}

/**
 * The latest history entry per connector. A reload that finds nothing new
 * answers the previous map itself, so the index built on it is kept.
 */
async function history(api: AlkiraApi, memo: TenantMemo): Promise<Map<number, ProvisionHistoryEntry>> {
  return sharedCache<Map<number, ProvisionHistoryEntry>>('history').get(
    api.config.backendKey,
    async () => {
      const loaded = await latestByConnector(api.config.backendKey);
      const sig = historySignature(loaded);
      if (memo.history && memo.historySig === sig) return memo.history;
      memo.historySig = sig;
      return loaded;
    },
    { emulator: false },
  );
}

function pumpStateLookups(api: AlkiraApi, memo: TenantMemo): void {
  while (memo.running < STATE_LOOKUPS_IN_FLIGHT && memo.queue.length > 0) {
    const id = memo.queue.shift() as number;
    memo.running++;
    api
      .connectorState(id)
      .then((s) => s.state ?? null)
      .catch(() => memo.states.get(id)?.state ?? null)
      .then((state) => {
        memo.states.set(id, { state, at: Date.now() });
        memo.statesVersion++;
      })
      .finally(() => {
        memo.running--;
        memo.queued.delete(id);
        pumpStateLookups(api, memo);
      });
  }
}

function knownState(memo: TenantMemo, item: Listing['items'][number], now: number): string | null {
  if (item.own !== undefined) return item.own;
  const id = item.base.id;
  const cached = memo.states.get(id);
  if ((!cached || now - cached.at > STATE_TTL_MS) && !memo.queued.has(id)) {
    memo.queued.add(id);
    memo.queue.push(id);
  }
  return cached?.state ?? null;
}

/** The tenant's rows, merged and indexed; rebuilt only when the listing, the history or a looked-up state changed. */
export async function tenantIndex(api: AlkiraApi): Promise<ListIndex> {
  const memo = memoFor(api.config.baseUrl);
  const [list, hist] = await Promise.all([listing(api), history(api, memo)]);
  if (memo.index && memo.listing === list && memo.history === hist && memo.indexVersion === memo.statesVersion)
    return memo.index;
  const now = Date.now();
  const rows: ConnectorSummary[] = list.items.map((item) =>
    summaryFrom(item.base, hist.get(item.base.id), knownState(memo, item, now), list.at),
  );
  pumpStateLookups(api, memo);
  memo.listing = list;
  memo.history = hist;
  memo.indexVersion = memo.statesVersion;
  memo.index = buildListIndex(rows, now);
  return memo.index;
}
