import 'server-only';
/**
 * Answers the HTTP server (scripts/server.mjs) gives before Next sees a
 * request, built here so they are the same JSON and security headers the
 * root proxy gives (and, for a wrong method, the same `Allow` from the same
 * route table). The server cannot import the app's TypeScript, so
 * instrumentation.ts registers them under a well-known symbol at start.
 * - `methodNotAllowed`: TRACE and TRACK (the fetch standard's Request refuses
 *   them, and Next's proxy builds one for every request), CONNECT, and verbs
 *   Node's HTTP parser does not know.
 * - `dotSegments`: an API path with `.` or `..` segments (`/api/connectors/..`),
 *   which Next would answer with a bare 308 to the normalised path; browsers
 *   never send one, so it is a client's mistake to name.
 * - `badTarget`: a request target that is not a path (absolute form) or a
 *   missing or empty Host header, which Next would answer with a redirect to
 *   wherever they point.
 * - `busyParser`: the 429 of `POST /api/hcl/parse` for a client that already
 *   has its limit of files in the parse service, given before Next streams
 *   the (up to 1 MB) body, so a client that ignores Retry-After and keeps
 *   sending costs the server little (the route gives the same 429 when a
 *   request slips past this check).
 * - `apiGate` (./api-gate.ts): the root proxy's checks and headers for API
 *   and emulator paths, applied before Next so Next's proxy can skip them.
 */
import { parseClientKey } from '@/lib/hcl-server/client-key';
import { PARSE_RETRY_AFTER, parseClientFull, parseRefusalMessage } from '@/lib/hcl-server/parse-queue';
import { apiGate } from './api-gate';
import { allowedMethods } from './routes';
import { isHostAllowed } from '@/lib/http/same-origin';
import { createNonce, securityHeaders } from '@/lib/http/security-headers';

export const SERVER_ANSWERS = Symbol.for('connector-studio.server-answers');

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function pathOf(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** A path as it may appear in a message: printable ASCII, bounded. */
function shown(path: string): string {
  return path.replace(/[^\x21-\x7e]/g, '').slice(0, 200);
}

function json(status: number, message: string, extra: Record<string, string> = {}): RawAnswer {
  const body = JSON.stringify({ error: message });
  return {
    status,
    headers: {
      ...securityHeaders(createNonce(), false),
      ...extra,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(body)),
    },
    body,
  };
}

/** `method` (as sent, possibly garbage) on `target` (the request line's target): 405 with Allow. */
export function methodNotAllowed(method: string, target: string): RawAnswer {
  let path: string;
  try {
    path = new URL(pathOf(target), 'http://localhost').pathname;
  } catch {
    path = '/';
  }
  const allow = allowedMethods(path);
  const shownMethod = method.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 20) || 'this method';
  return json(405, `Method ${shownMethod} is not allowed on ${shown(path)}; use ${allow.join(' or ')}`, {
    Allow: [...allow, 'OPTIONS'].join(', '),
  });
}

const API_PREFIX = /^\/(api|emulator)(\/|$)/;
const DOT_SEGMENT = /(^|\/)\.{1,2}(\/|$)/;

/** 400 for an API request target with `.`/`..` segments (`%2e` counts as a dot, as URL parsing has it); null otherwise. */
export function dotSegments(target: string): RawAnswer | null {
  const path = pathOf(target);
  if (!API_PREFIX.test(path) || !DOT_SEGMENT.test(path.replace(/%2e/gi, '.'))) return null;
  return json(400, `The path ${shown(path)} has "." or ".." segments; send the path without them`);
}

/**
 * 400 for a request whose target is not a path (the absolute form
 * `GET http://other.host/ HTTP/1.1`, which only a proxy is sent, or the
 * authority form) or whose Host header is missing or empty: Next would answer
 * either with a redirect built from them, to a host that is not this server.
 * `OPTIONS *` is left to Next. Null when the request is fine.
 */
export function badTarget(method: string, target: string, host: string | undefined): RawAnswer | null {
  if (!target.startsWith('/') && !(method === 'OPTIONS' && target === '*')) {
    return json(
      400,
      'The request target must be a path such as /connectors; this server is not a proxy, so it does not take absolute URLs (http://host/...) as the target',
    );
  }
  if (host === undefined || host.trim() === '')
    return json(400, 'The Host header is missing or empty; send the name this server is reached by');
  return null;
}

/** 429 for `POST /api/hcl/parse` (Node's request headers) from a client at its parse limit; null otherwise. */
export function busyParser(
  method: string,
  target: string,
  nodeHeaders: Record<string, string | string[] | undefined>,
): RawAnswer | null {
  if (method !== 'POST' || pathOf(target) !== '/api/hcl/parse') return null;
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(nodeHeaders)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // Anything else wrong with the request is for Next to answer.
    if (!isHostAllowed(headers.get('host')) || !parseClientFull(parseClientKey(headers))) return null;
  } catch {
    return null;
  }
  return json(429, parseRefusalMessage('client'), PARSE_RETRY_AFTER);
}

type WithAnswers = typeof globalThis & {
  [SERVER_ANSWERS]?: {
    methodNotAllowed: typeof methodNotAllowed;
    dotSegments: typeof dotSegments;
    busyParser: typeof busyParser;
    badTarget: typeof badTarget;
    apiGate: typeof apiGate;
  };
};

/** Makes the answers available to scripts/server.mjs (called once from instrumentation.ts). */
export function registerServerAnswers(): void {
  (globalThis as WithAnswers)[SERVER_ANSWERS] = { methodNotAllowed, dotSegments, busyParser, badTarget, apiGate };
}
