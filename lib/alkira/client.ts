import 'server-only';
/**
 * The HTTP layer of the Alkira REST client: auth and request-id headers, a
 * per-attempt timeout, and retries with exponential backoff + jitter on 429,
 * 5xx, timeouts and connection errors. Callers that must not repeat a
 * non-idempotent request (connector create) pass `beforeRetry`, which runs
 * whenever an attempt may have reached the server and can settle the call
 * instead of retrying.
 */
import { randomUUID } from 'node:crypto';
import type { AlkiraConfig } from './config';
import { AlkiraHttpError, AlkiraTimeoutError, AlkiraUnavailableError, scrubSecrets } from './errors';

export interface AlkiraResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
}

export interface RequestOptions<T> {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Extra values (e.g. pre-shared keys in the body) to scrub from messages. */
  sensitive?: string[];
  /** Runs before a retry (and before giving up) when the failed attempt may have been processed. */
  beforeRetry?: () => Promise<AlkiraResponse<T> | null>;
}

type Failure =
  | { kind: 'http'; status: number; message: string; retryAfterMs?: number; reached: boolean }
  | { kind: 'timeout'; reached: true }
  | { kind: 'network'; code: string; reached: boolean };

/** Connection errors that prove the request never left this host. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
]);

/** A hung upstream is retried only once more, so a browser request is not held for minutes. */
const MAX_TIMEOUT_RETRIES = 1;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorCode(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return 'network error';
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The upstream's own explanation: `message`, `error`, or the raw text (trimmed). */
function upstreamMessage(data: unknown, status: number): string {
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    for (const k of ['message', 'error', 'errorMessage', 'detail']) {
      if (typeof o[k] === 'string' && o[k]) return o[k] as string;
    }
  }
  if (typeof data === 'string' && data.trim()) return data.trim().slice(0, 500);
  return `HTTP ${status}`;
}

function retryAfterMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export class AlkiraClient {
  constructor(readonly config: AlkiraConfig) {}

  url(path: string, query?: RequestOptions<unknown>['query']): string {
    const url = new URL(this.config.baseUrl + (path.startsWith('/') ? path : `/${path}`));
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  private scrub(text: string, extra: string[] = []): string {
    return scrubSecrets(text, [...this.config.secrets, ...extra]);
  }

  private backoff(attempt: number): number {
    const base = this.config.retryBaseMs * 2 ** attempt;
    const jitter = Math.random() * this.config.retryBaseMs;
    return Math.min(base + jitter, this.config.retryMaxDelayMs);
  }

  private async attempt(method: string, url: string, body: string | undefined): Promise<AlkiraResponse | Failure> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs);
    try {
      const headers: Record<string, string> = {
        ...this.config.headers,
        Authorization: this.config.authorization,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'x-ak-request-id': `client-${randomUUID()}`,
      };
      let target = url;
      let res: Response;
      // Redirects are followed by hand and only within the API's origin, so the
      // Authorization header can never be replayed to another host. (Next
      // itself 308-redirects `/api/credentials/` to drop the slash.)
      for (let hops = 0; ; hops++) {
        res = await fetch(target, {
          method,
          headers,
          body,
          signal: controller.signal,
          cache: 'no-store',
          redirect: 'manual',
        });
        const location = res.headers.get('location');
        if (res.status < 300 || res.status >= 400 || !location || hops >= 3) break;
        const next = new URL(location, target);
        if (next.origin !== new URL(url).origin || ![307, 308].includes(res.status)) break;
        await res.body?.cancel();
        target = next.toString();
      }
      // The body read is inside the timeout too: a server can stall mid-body.
      const data = parseBody(await res.text());
      if (res.ok) return { status: res.status, headers: res.headers, data };
      return {
        kind: 'http',
        status: res.status,
        message: upstreamMessage(data, res.status),
        retryAfterMs: res.status === 429 ? retryAfterMs(res.headers) : undefined,
        reached: res.status !== 429,
      };
    } catch (err) {
      if (controller.signal.aborted) return { kind: 'timeout', reached: true };
      const code = errorCode(err);
      return { kind: 'network', code, reached: !NOT_SENT_CODES.has(code) };
    } finally {
      clearTimeout(timer);
    }
  }

  async request<T = unknown>(method: string, path: string, opts: RequestOptions<T> = {}): Promise<AlkiraResponse<T>> {
    const url = this.url(path, opts.query);
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const label = `${method} ${new URL(url).pathname}`;
    let timeouts = 0;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(method, url, body);
      if (!('kind' in outcome)) return outcome as AlkiraResponse<T>;

      const retryable =
        outcome.kind === 'network' ||
        (outcome.kind === 'timeout' && timeouts++ < MAX_TIMEOUT_RETRIES) ||
        (outcome.kind === 'http' && (outcome.status === 429 || outcome.status >= 500));
      const last = !retryable || attempt >= this.config.maxRetries;

      // Only an ambiguous failure (the server may have acted) is worth checking;
      // a 4xx is a definite refusal.
      const ambiguous = outcome.reached && (outcome.kind !== 'http' || outcome.status >= 500);
      if (ambiguous && opts.beforeRetry) {
        const settled = await opts.beforeRetry();
        if (settled) {
          console.info(
            `[alkira] ${label}: attempt ${attempt + 1} failed (${describe(outcome)}), but the change was applied; adopting it`,
          );
          return settled;
        }
      }
      if (last) throw this.finalError(outcome, attempt + 1, opts.sensitive);

      const delay =
        outcome.kind === 'http' && outcome.retryAfterMs !== undefined
          ? Math.min(outcome.retryAfterMs, this.config.retryMaxDelayMs)
          : this.backoff(attempt);
      console.info(
        `[alkira] ${label}: attempt ${attempt + 1} failed (${describe(outcome)}); retrying in ${Math.round(delay)} ms`,
      );
      await sleep(delay);
    }
  }

  private finalError(f: Failure, attempts: number, sensitive: string[] = []): Error {
    const tries = attempts === 1 ? '' : ` (after ${attempts} attempts)`;
    if (f.kind === 'timeout') {
      return new AlkiraTimeoutError(
        `The Alkira API at ${this.config.host} did not answer within ${this.config.timeoutMs} ms${tries}`,
      );
    }
    if (f.kind === 'network') {
      return new AlkiraUnavailableError(`Could not reach the Alkira API at ${this.config.host} (${f.code})${tries}`);
    }
    const msg = this.scrub(f.message, sensitive);
    if (f.status >= 500) {
      return new AlkiraUnavailableError(`The Alkira API failed with HTTP ${f.status}${tries}: ${msg}`);
    }
    if (f.status === 429) {
      return new AlkiraHttpError(429, `The Alkira API is rate limiting requests${tries}; try again shortly: ${msg}`);
    }
    return new AlkiraHttpError(f.status, msg);
  }
}

function describe(f: Failure): string {
  if (f.kind === 'http') return `HTTP ${f.status}`;
  if (f.kind === 'timeout') return 'timeout';
  return f.code;
}
