import 'server-only';
/**
 * The process-wide hub of dashboard events (`GET /api/connectors/events`):
 * subscribers (one per open stream), the provision requests known to be in
 * flight (request id → connector and last state seen), and publishing. Kept on
 * globalThis: Next bundles each route separately, and the routes that learn
 * of changes are not the one that streams them.
 */
import type { ConnectorChangeEvent, ConnectorStateEvent } from '@/lib/client/types';
import { TERMINAL_STATES } from './history';

export type DashboardEvent = { type: 'state'; data: ConnectorStateEvent } | { type: 'connector'; data: ConnectorChangeEvent };
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

export function publish(event: DashboardEvent): void {
  for (const fn of hub().subscribers) {
    try {
      fn(event);
    } catch {
      // One broken stream must not stop the others.
    }
  }
}

/** A write made through the app: subscribers refetch what they show. */
export function publishConnectorChange(connectorId: number, action: ConnectorChangeEvent['action']): void {
  publish({ type: 'connector', data: { connectorId, action } });
}

/** The app just started provision request `requestId`: watch it. */
export function trackRequest(backend: string, requestId: string, connectorId: number): void {
  inFlightOf(backend).set(requestId, { connectorId, state: null });
  hub().wake?.();
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
    publish({ type: 'state', data: { connectorId: id, requestId, state, errorMessage, at: new Date().toISOString() } });
  }
  if (TERMINAL_STATES.has(state)) flights.delete(requestId);
  else flights.set(requestId, { connectorId: id, state });
}
