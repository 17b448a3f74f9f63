import 'server-only';
/**
 * The process-wide hub of dashboard events (`GET /api/connectors/events`):
 * subscribers (one per open stream), the provision requests known to be in
 * flight (request id → connector and last state seen), and publishing. Kept on
 * globalThis: Next bundles each route separately, and the routes that learn
 * of changes are not the one that streams them.
 *
 * With several instances on one PostgreSQL, every event published here and
 * every request started here is also announced to the other instances
 * (lib/store/cluster-bus.ts); cluster-sync.ts delivers theirs to this
 * process's subscribers.
 */
import type { ConnectorChangeEvent, ConnectorStateEvent } from '@/lib/contract';
import { announce } from '@/lib/store/cluster-bus';
import { TERMINAL_STATES } from './history';

export type DashboardEvent =
  | { type: 'state'; data: ConnectorStateEvent }
  | { type: 'connector'; data: ConnectorChangeEvent };
export type Subscriber = (event: DashboardEvent) => void;

export interface InFlight {
  connectorId: number;
  state: string | null;
}

interface Hub {
  subscribers: Set<Subscriber>;
  /** Per backend key: request id → what we last saw of it. */
  inFlight: Map<string, Map<string, InFlight>>;
  /** Backends whose unsettled history has been loaded into `inFlight`. */
  seeded: Set<string>;
  /** Called when a subscriber arrives or a request starts (the watcher's loop). */
  wake?: () => void;
}

const KEY = Symbol.for('connector-studio.dashboard-events');
type Holder = { [KEY]?: Hub };

export function hub(): Hub {
  const g = globalThis as Holder;
  g[KEY] ??= { subscribers: new Set(), inFlight: new Map(), seeded: new Set() };
  return g[KEY];
}

export function inFlightOf(backend: string): Map<string, InFlight> {
  const h = hub();
  let m = h.inFlight.get(backend);
  if (!m) {
    m = new Map();
    h.inFlight.set(backend, m);
  }
  return m;
}

export function subscribe(fn: Subscriber): () => void {
  const h = hub();
  h.subscribers.add(fn);
  h.wake?.();
  return () => {
    h.subscribers.delete(fn);
  };
}

export function subscriberCount(): number {
  return hub().subscribers.size;
}

/** Hands `event` to this process's subscribers only (an event another instance announced). */
export function deliver(event: DashboardEvent): void {
  for (const fn of hub().subscribers) {
    try {
      fn(event);
    } catch {
      // One broken stream must not stop the others.
    }
  }
}

/** Hands `event` (about `backend`'s data) to every subscriber, here and on the other instances. */
export function publish(backend: string, event: DashboardEvent): void {
  deliver(event);
  void announce({ kind: 'event', backend, event });
}

/** A write made through the app: subscribers refetch what they show. */
export function publishConnectorChange(
  backend: string,
  connectorId: number,
  action: ConnectorChangeEvent['action'],
): void {
  publish(backend, { type: 'connector', data: { connectorId, action } });
}

/** The app (this instance, or another one: `announced` false) just started provision request `requestId`: watch it. */
export function trackRequest(backend: string, requestId: string, connectorId: number, announced = true): void {
  inFlightOf(backend).set(requestId, { connectorId, state: null });
  hub().wake?.();
  if (announced) void announce({ kind: 'track', backend, requestId, connectorId });
}

/**
 * Another instance published `event`: this process's subscribers get it, and
 * a state it reports counts as seen here, so this process's own poll of the
 * same request does not publish it a second time.
 */
export function deliverAnnounced(backend: string, event: DashboardEvent): void {
  if (event.type === 'state') {
    const { requestId, connectorId, state } = event.data;
    const flights = inFlightOf(backend);
    if (TERMINAL_STATES.has(state)) flights.delete(requestId);
    else flights.set(requestId, { connectorId, state });
  }
  deliver(event);
}

/**
 * The server learned request `requestId`'s state (from any poll: the watcher,
 * the reconciler, a browser's fallback poll). Publishes a `state` event when
 * it differs from what this process last saw, or when the stored history
 * changed (`storedChange`); a final state ends the watch.
 */
export function noteRequestState(
  backend: string,
  requestId: string,
  connectorId: number | undefined,
  state: string,
  errorMessage: string | null,
  storedChange: boolean,
): void {
  const flights = inFlightOf(backend);
  const known = flights.get(requestId);
  const id = connectorId ?? known?.connectorId;
  if (id === undefined || !Number.isFinite(id)) return;
  if (known ? known.state !== state : storedChange) {
    publish(backend, {
      type: 'state',
      data: { connectorId: id, requestId, state, errorMessage, at: new Date().toISOString() },
    });
  }
  if (TERMINAL_STATES.has(state)) flights.delete(requestId);
  else flights.set(requestId, { connectorId: id, state });
}
