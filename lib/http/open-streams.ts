/**
 * The event streams this process has open, by who opened them: sign-out ends
 * the streams of the session it ends at once (a copied cookie must not keep
 * one delivering), and each user may hold only so many at a time
 * (`CONNECTOR_STUDIO_MAX_STREAMS_PER_USER`, default 6: a browser tab holds
 * one), so nobody can pin the server's memory and timers with thousands.
 * Kept on globalThis: every route bundle shares one registry.
 *
 * With several instances on one PostgreSQL (lib/store/cluster-bus.ts) both
 * hold across them: a sign-out is announced to the others (by a hash of the
 * session id, never the id), which end that session's streams too; and each
 * instance announces how many streams each user holds on it (at once when it
 * changes, and every 10 s), so the per-user limit counts the streams on every
 * instance. An instance that stops announcing (it crashed) stops counting
 * after 30 s.
 */
import { createHash } from 'node:crypto';
import { announce, onClusterMessage } from '@/lib/store/cluster-bus';

export interface OpenStream {
  /** Who opened it (the principal's id; `local` in local mode). */
  user: string;
  /** The sign-in's server-side id (the session cookie's), when it has one. */
  session: string | null;
  /** Ends the stream (idempotent). */
  end(): void;
}

const REGISTRY = Symbol.for('connector-studio.open-streams');
type WithRegistry = typeof globalThis & { [REGISTRY]?: Set<OpenStream> };

function registry(): Set<OpenStream> {
  const g = globalThis as WithRegistry;
  g[REGISTRY] ??= new Set();
  return g[REGISTRY];
}

export const DEFAULT_MAX_STREAMS_PER_USER = 6;

export function maxStreamsPerUser(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CONNECTOR_STUDIO_MAX_STREAMS_PER_USER);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_STREAMS_PER_USER;
}

const COUNTS_EVERY_MS = 10_000;
const COUNTS_VALID_MS = 30_000;
/** Users named in one announcement at most (the NOTIFY payload stays small); the ones with the most streams. */
const COUNTS_MAX_USERS = 100;

interface ClusterCounts {
  /** Per other instance: when it last announced, and its streams per user. */
  remote: Map<string, { at: number; counts: Record<string, number> }>;
  pending?: ReturnType<typeof setTimeout>;
  heartbeat?: ReturnType<typeof setInterval>;
}

const COUNTS = Symbol.for('connector-studio.open-streams-cluster');

function clusterCounts(): ClusterCounts {
  const g = globalThis as typeof globalThis & { [COUNTS]?: ClusterCounts };
  g[COUNTS] ??= { remote: new Map() };
  return g[COUNTS];
}

function localCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of registry()) counts[s.user] = (counts[s.user] ?? 0) + 1;
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, COUNTS_MAX_USERS);
  return Object.fromEntries(top);
}

/** Tells the other instances this one's streams per user (soon, once for a burst of changes). */
function announceCountsSoon(): void {
  const c = clusterCounts();
  if (c.pending) return;
  c.pending = setTimeout(() => {
    c.pending = undefined;
    void announce({ kind: 'streams', counts: localCounts() });
  }, 50);
  c.pending.unref?.();
}

/** How many streams `user` has open, on this instance and (with PostgreSQL) on the others. */
export function streamsOf(user: string): number {
  let n = 0;
  for (const s of registry()) if (s.user === user) n++;
  const now = Date.now();
  for (const [instance, entry] of clusterCounts().remote) {
    if (now - entry.at > COUNTS_VALID_MS) clusterCounts().remote.delete(instance);
    else n += entry.counts[user] ?? 0;
  }
  return n;
}

/** Registers an open stream; returns the function that forgets it (call it when the stream ends). */
export function registerStream(stream: OpenStream): () => void {
  registry().add(stream);
  announceCountsSoon();
  return () => {
    if (registry().delete(stream)) announceCountsSoon();
  };
}

/** Ends every stream opened under the sign-in `session` (its sign-out). */
export function endStreamsOfSession(session: string): number {
  let ended = 0;
  for (const s of [...registry()]) {
    if (s.session !== session) continue;
    registry().delete(s);
    s.end();
    ended++;
  }
  return ended;
}

function sessionHash(session: string): string {
  return createHash('sha256').update(`open-streams:${session}`).digest('hex');
}

/** Ends the streams of the sign-in `session` on this instance and on every other one. */
export function endStreamsOfSessionEverywhere(session: string): number {
  const ended = endStreamsOfSession(session);
  void announce({ kind: 'sign-out', session: sessionHash(session) });
  return ended;
}

const LISTENING = Symbol.for('connector-studio.open-streams-sync');

function countsOf(value: unknown): Record<string, number> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, number> = {};
  for (const [user, n] of Object.entries(value))
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) out[user] = n;
  return out;
}

/**
 * Follows the other instances (once per process): ends this instance's
 * streams of a session signed out of elsewhere, keeps their stream counts, and
 * announces this one's every 10 s.
 */
export function followClusterStreams(): void {
  const g = globalThis as typeof globalThis & { [LISTENING]?: boolean };
  if (g[LISTENING]) return;
  g[LISTENING] = true;
  const c = clusterCounts();
  c.heartbeat = setInterval(() => void announce({ kind: 'streams', counts: localCounts() }), COUNTS_EVERY_MS);
  c.heartbeat.unref?.();
  onClusterMessage((m) => {
    if (m.kind === 'streams' && typeof m.from === 'string') {
      const counts = countsOf(m.counts);
      if (counts) c.remote.set(m.from, { at: Date.now(), counts });
      return;
    }
    if (m.kind !== 'sign-out' || typeof m.session !== 'string') return;
    for (const s of [...registry()]) {
      if (s.session === null || sessionHash(s.session) !== m.session) continue;
      registry().delete(s);
      s.end();
    }
  });
}
