/**
 * The event streams this process has open, by who opened them: sign-out ends
 * the streams of the session it ends at once (a copied cookie must not keep
 * one delivering), and each user may hold only so many at a time
 * (`CONNECTOR_STUDIO_MAX_STREAMS_PER_USER`, default 6: a browser tab holds
 * one), so nobody can pin the server's memory and timers with thousands.
 * Kept on globalThis: every route bundle shares one registry. With several
 * instances on one PostgreSQL a sign-out is announced to the others (by a hash
 * of the session id, never the id), which end that session's streams too.
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

/** How many streams `user` has open. */
export function streamsOf(user: string): number {
  let n = 0;
  for (const s of registry()) if (s.user === user) n++;
  return n;
}

/** Registers an open stream; returns the function that forgets it (call it when the stream ends). */
export function registerStream(stream: OpenStream): () => void {
  registry().add(stream);
  return () => {
    registry().delete(stream);
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

/** Ends this instance's streams of a session another instance signed out of (once per process). */
export function followClusterSignOuts(): void {
  const g = globalThis as typeof globalThis & { [LISTENING]?: boolean };
  if (g[LISTENING]) return;
  g[LISTENING] = true;
  onClusterMessage((m) => {
    if (m.kind !== 'sign-out' || typeof m.session !== 'string') return;
    for (const s of [...registry()]) {
      if (s.session === null || sessionHash(s.session) !== m.session) continue;
      registry().delete(s);
      s.end();
    }
  });
}
