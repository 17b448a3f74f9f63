import 'server-only';
/**
 * The 405 for requests that never reach Next's router, built here so it is
 * the same JSON, `Allow` list and security headers the root proxy gives any
 * other wrong method. The HTTP server (scripts/server.mjs) cannot import the
 * app's TypeScript, so instrumentation.ts registers the builder under a
 * well-known symbol at start; the server calls it for TRACE and TRACK (the
 * fetch standard's Request refuses them, and Next's proxy builds one for
 * every request), CONNECT, and verbs Node's HTTP parser does not know.
 */
import { allowedMethods } from './routes';
import { createNonce, securityHeaders } from './security-headers';

export const METHOD_NOT_ALLOWED_BUILDER = Symbol.for('connector-studio.method-not-allowed');

export interface RawAnswer {
  headers: Record<string, string>;
  body: string;
}

function pathOf(target: string): string {
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

/** `method` (as sent, possibly garbage) on `target` (the request line's target): a complete 405 answer. */
export function methodNotAllowed(method: string, target: string): RawAnswer {
  const path = pathOf(target);
  const allow = allowedMethods(path);
  const shownMethod = method.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 20) || 'this method';
  const shownPath = path.replace(/[^\x21-\x7e]/g, '').slice(0, 200);
  const body = JSON.stringify({ error: `Method ${shownMethod} is not allowed on ${shownPath}; use ${allow.join(' or ')}` });
  return {
    headers: {
      ...securityHeaders(createNonce(), false),
      Allow: [...allow, 'OPTIONS'].join(', '),
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(body)),
    },
    body,
  };
}

type WithBuilder = typeof globalThis & { [METHOD_NOT_ALLOWED_BUILDER]?: typeof methodNotAllowed };

/** Makes the builder available to scripts/server.mjs (called once from instrumentation.ts). */
export function registerMethodNotAllowed(): void {
  (globalThis as WithBuilder)[METHOD_NOT_ALLOWED_BUILDER] = methodNotAllowed;
}
