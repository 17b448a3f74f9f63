import 'server-only';
/**
 * The one shared poller of provision requests in flight. It polls only the
 * requests the app knows to be unsettled (loaded once from the provision
 * history, then kept up to date by the app's own writes and every poll), only
 * while someone listens (an open event stream) and something is in flight; with
 * nothing provisioning it schedules nothing at all. The list route asks it for
 * states at most a second old instead of polling each request itself.
 */
import type { AlkiraApi } from '@/lib/alkira/api';
import { hub, inFlightOf, subscriberCount } from './events';
import { unsettledRequests } from './history';
import { fetchProvisionRequest, mapLimit } from './summary';

export function watchIntervalMs(): number {
  const n = Number(process.env.CONNECTOR_STUDIO_WATCH_MS);
  return Number.isFinite(n) && n >= 100 ? n : 1000;
}

interface Watcher {
  api?: AlkiraApi;
  timer?: ReturnType<typeof setTimeout>;
  polling?: Promise<void>;
  lastPoll: number;
  seeding?: Promise<void>;
}

const KEY = Symbol.for('connector-studio.provision-watcher');
type Holder = { [KEY]?: Watcher };

function watcher(): Watcher {
  const g = globalThis as Holder;
  g[KEY] ??= { lastPoll: 0 };
  return g[KEY];
}

/** Loads the unsettled requests of the history once per process and backend. */
async function seed(api: AlkiraApi): Promise<void> {
  const h = hub();
  const backend = api.config.backendKey;
  if (h.seeded.has(backend)) return;
  const w = watcher();
  w.seeding ??= unsettledRequests(backend)
    .then((entries) => {
      const flights = inFlightOf(backend);
      for (const e of entries) {
        if (e.requestId && !flights.has(e.requestId))
          flights.set(e.requestId, { connectorId: e.connectorId, state: e.state });
      }
      h.seeded.add(backend);
    })
    .finally(() => {
      w.seeding = undefined;
    });
  return w.seeding;
}

/** One round over the requests in flight (never two at once). */
export function pollInFlight(api: AlkiraApi): Promise<void> {
  const w = watcher();
  w.polling ??= (async () => {
    try {
      await seed(api);
      const ids = [...inFlightOf(api.config.backendKey).keys()];
      await mapLimit(ids, 4, (id) => fetchProvisionRequest(api, id).catch(() => null));
    } finally {
      w.lastPoll = Date.now();
      w.polling = undefined;
    }
  })();
  return w.polling;
}

/** Before answering the list: states of in-flight requests at most `maxAgeMs` old (no upstream call when none is in flight). */
export async function freshInFlight(api: AlkiraApi, maxAgeMs = 1000): Promise<void> {
  const w = watcher();
  w.api = api;
  await seed(api).catch(() => undefined);
  if (inFlightOf(api.config.backendKey).size === 0) return;
  if (w.polling) return w.polling;
  if (Date.now() - w.lastPoll >= maxAgeMs) await pollInFlight(api);
}

function schedule(delay: number): void {
  const w = watcher();
  if (w.timer || !w.api) return;
  const api = w.api;
  if (subscriberCount() === 0 || inFlightOf(api.config.backendKey).size === 0) return;
  w.timer = setTimeout(() => {
    w.timer = undefined;
    void pollInFlight(api)
      .catch(() => undefined)
      .finally(() => schedule(watchIntervalMs()));
  }, delay);
  w.timer.unref?.();
}

/**
 * Starts watching for `api`'s backend: called by the event stream when a
 * subscriber arrives and after the app starts a provision request (which is
 * polled at once, so its first state follows the write without waiting).
 */
export async function startWatching(api: AlkiraApi, now = false): Promise<void> {
  const w = watcher();
  w.api = api;
  hub().wake = () => schedule(0);
  await seed(api).catch(() => undefined);
  if (now && w.timer) {
    clearTimeout(w.timer);
    w.timer = undefined;
  }
  schedule(now ? 0 : watchIntervalMs());
}
