/**
 * Messages between the app instances that share one PostgreSQL store, over
 * PostgreSQL's own LISTEN/NOTIFY (no other broker): what one instance learns
 * (a provision state, a write, a cache to drop, a sign-out) reaches the others
 * within a round trip of the database. With SQLite there is one instance and
 * nothing to send, so `announce` is a no-op and `listenToCluster` listens to
 * nothing.
 *
 * Each process has an id; a message carries its sender's, and the listener
 * ignores its own. Messages are sent in order, one after the other, on the
 * store's pool; the listener holds one dedicated connection and reconnects
 * (with back-off) when it drops, telling its handlers (`resync`) that messages
 * may have been missed meanwhile. State is kept on globalThis: Next may load
 * this module once per route bundle. Not marked `server-only` so vitest can
 * load it in-process.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { getDb, storeTarget } from './db';

export const CLUSTER_CHANNEL = 'connector_studio_cluster';
/** NOTIFY payloads must stay under 8000 bytes; ours are a few hundred. */
const MAX_PAYLOAD = 7900;
const RECONNECT_MAX_MS = 5000;

export type ClusterMessage = { kind: string; [field: string]: unknown };
export type ClusterHandler = (message: ClusterMessage) => void;

interface Bus {
  instance: string;
  sending: Promise<void>;
  handlers: Set<ClusterHandler>;
  listener?: { url: string; client?: pg.Client; stopped: boolean; ready: Promise<void> };
}

const KEY = Symbol.for('connector-studio.cluster-bus');
type Holder = { [KEY]?: Bus };

function bus(): Bus {
  const g = globalThis as Holder;
  g[KEY] ??= { instance: randomUUID(), sending: Promise.resolve(), handlers: new Set() };
  return g[KEY];
}

/** This process's id on the bus. */
export function instanceId(): string {
  return bus().instance;
}

/** True when instances share the store (PostgreSQL): messages travel. */
export function clusterShared(env: NodeJS.ProcessEnv = process.env): boolean {
  return storeTarget(env).dialect === 'postgres';
}

/**
 * Sends `message` to every other instance (fire and forget, in order). The
 * sender never hears its own; a database outage loses the message (the others
 * catch up at their caches' next expiry), never the caller's request.
 */
export function announce(message: ClusterMessage): Promise<void> {
  if (!clusterShared()) return Promise.resolve();
  const b = bus();
  const payload = JSON.stringify({ ...message, from: b.instance });
  if (payload.length > MAX_PAYLOAD) return Promise.resolve();
  b.sending = b.sending.then(async () => {
    try {
      const db = await getDb();
      await sql`select pg_notify(${CLUSTER_CHANNEL}, ${payload})`.execute(db);
    } catch {
      // The store is unreachable: the routes report it; peers fall back on cache expiry.
    }
  });
  return b.sending;
}

/** Runs `handler` for every message another instance sends (and `{ kind: 'resync' }` after a reconnect); returns the unsubscribe. */
export function onClusterMessage(handler: ClusterHandler): () => void {
  const b = bus();
  b.handlers.add(handler);
  return () => {
    b.handlers.delete(handler);
  };
}

function dispatch(b: Bus, message: ClusterMessage): void {
  for (const h of b.handlers) {
    try {
      h(message);
    } catch {
      // One handler's trouble must not stop the others.
    }
  }
}

function parse(payload: string | undefined, self: string): ClusterMessage | null {
  if (!payload) return null;
  try {
    const m = JSON.parse(payload) as unknown;
    if (!m || typeof m !== 'object' || Array.isArray(m)) return null;
    const msg = m as ClusterMessage & { from?: unknown };
    if (typeof msg.kind !== 'string' || msg.from === self) return null;
    return msg;
  } catch {
    return null;
  }
}

/**
 * Starts this process's listener (once; later calls answer the same promise),
 * resolved when the first LISTEN is in place. With SQLite: resolved at once.
 */
export function listenToCluster(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const target = storeTarget(env);
  if (target.dialect !== 'postgres') return Promise.resolve();
  const b = bus();
  if (b.listener && b.listener.url === target.location && !b.listener.stopped) return b.listener.ready;
  const state: NonNullable<Bus['listener']> = { url: target.location, stopped: false, ready: Promise.resolve() };
  b.listener = state;
  let delay = 100;
  let first = true;
  let resolveReady: () => void = () => {};
  state.ready = new Promise<void>((r) => {
    resolveReady = r;
  });
  const connect = async (): Promise<void> => {
    if (state.stopped) return;
    const client = new pg.Client({ connectionString: state.url });
    let retried = false;
    const retry = () => {
      if (retried || state.stopped) return;
      retried = true;
      state.client = undefined;
      client.end().catch(() => undefined);
      const wait = delay;
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
      setTimeout(() => void connect(), wait).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (n) => {
      if (n.channel !== CLUSTER_CHANNEL) return;
      const msg = parse(n.payload, b.instance);
      if (msg) dispatch(b, msg);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CLUSTER_CHANNEL}`);
    } catch {
      retry();
      return;
    }
    if (state.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    state.client = client;
    delay = 100;
    if (first) {
      first = false;
      resolveReady();
    } else {
      // Messages sent while we were away are lost: whoever caches must look again.
      dispatch(b, { kind: 'resync' });
    }
  };
  void connect();
  return state.ready;
}

/** Stops the listener (tests; a process that is ending). */
export async function stopListening(): Promise<void> {
  const l = bus().listener;
  if (!l) return;
  l.stopped = true;
  bus().listener = undefined;
  await l.client?.end().catch(() => undefined);
}
