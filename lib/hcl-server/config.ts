/**
 * How the HCL parse service is sized, from the environment (README,
 * "Configuration"): how many worker threads, how long a parse may take, and
 * how many jobs a client may have in the service. Pure, so the rules can be
 * tested without threads.
 */
import { availableParallelism } from 'node:os';
import { INPUT_LIMITS } from '@/lib/connector/limits';
import type { FairQueueLimits } from './fair-queue';

/** Jobs one client (a signed-in user, else an address) may have waiting or running. */
export const PARSE_JOBS_PER_CLIENT = 8;
/** Jobs that may wait across all clients: only many clients together reach it (each job holds up to 1 MB of text). */
export const PARSE_JOBS_WAITING = 128;
/** The time budget of a parse, whatever its size, unless CONNECTOR_STUDIO_PARSE_TIMEOUT_MS says otherwise. */
export const DEFAULT_PARSE_TIMEOUT_MS = 5000;

export interface ParseServiceConfig {
  /** Worker threads in the pool. */
  workers: number;
  /** The budget of the largest accepted input; smaller inputs get less (`parseBudgetMs`). */
  timeoutMs: number;
  limits: FairQueueLimits;
}

function positiveNumber(raw: string | undefined): number | null {
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
}

export function parseServiceConfig(
  env: Record<string, string | undefined> = process.env,
  cores = availableParallelism(),
): ParseServiceConfig {
  const configured = positiveNumber(env.CONNECTOR_STUDIO_PARSE_WORKERS);
  const workers = Math.max(1, Math.floor(configured ?? cores));
  return {
    workers,
    timeoutMs: positiveNumber(env.CONNECTOR_STUDIO_PARSE_TIMEOUT_MS) ?? DEFAULT_PARSE_TIMEOUT_MS,
    limits: {
      perClient: PARSE_JOBS_PER_CLIENT,
      total: PARSE_JOBS_WAITING,
      // Half the pool at most, so with two or more workers one stays free for other clients.
      runningPerClient: Math.max(1, Math.floor(workers / 2)),
      maxPassOvers: PARSE_JOBS_PER_CLIENT,
    },
  };
}

/** The least budget any parse gets (a small file on a busy machine), unless `timeoutMs` is smaller still. */
export const MIN_PARSE_BUDGET_MS = 1000;

/**
 * How long the parse of `chars` characters may run in its worker: a base for
 * any input (a fifth of `timeoutMs`, at least 1 s, at most `timeoutMs`) plus
 * the rest of `timeoutMs` in proportion to the size, so the largest accepted
 * body (1 MiB) gets all of `timeoutMs`. With the default 5 s: 1 s + about
 * 3.9 ms per KB (a 2 KB file 1.01 s, 589 KB 3.3 s, 1 MiB 5 s) — several
 * times what a parse needs (about 0.4–0.9 ms per KB on a busy 2-core machine).
 */
export function parseBudgetMs(chars: number, timeoutMs: number): number {
  const base = Math.min(timeoutMs, Math.max(MIN_PARSE_BUDGET_MS, timeoutMs / 5));
  const share = Math.min(1, Math.max(0, chars) / INPUT_LIMITS.bodyBytes);
  return Math.max(1, Math.round(base + (timeoutMs - base) * share));
}

/** A budget for a message, in seconds: `0.2 s`, `0.51 s`, `3.09 s`. */
export function formatBudget(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
