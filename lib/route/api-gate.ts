import 'server-only';
/**
 * The gate of API and emulator requests (and of the build's static files), applied by the HTTP server
 * (scripts/server.mjs) before Next sees them: the same decision as the root
 * proxy's (./gate.ts) and the same security headers, a fresh nonce in the
 * CSP included. A request that passes is marked with GATED_HEADER, which the
 * proxy's matcher skips (proxy.ts): running Next's proxy costs about a
 * millisecond of CPU per request, more than the cheapest routes themselves.
 * The server removes GATED_HEADER from every request before this runs, so a
 * client cannot claim to have passed it.
 */
import { gateRefusal } from './gate';
import { createNonce, securityHeaders, servedOverHttps } from '@/lib/http/security-headers';

/** Set (to "1") on API and emulator requests that passed the gate; the proxy's matcher names it literally. */
export const GATED_HEADER = 'x-connector-studio-gated';

export interface GateAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type GateOutcome =
  /** Answer this instead of routing. */
  | { answer: GateAnswer }
  /** Route it, with these headers on the response. */
  | { headers: Record<string, string> };

type NodeHeaders = Record<string, string | string[] | undefined>;

/** API and emulator paths, and the build's static files (`/_next/static/…`: a proxy run per script held up page loads). */
const GATED_PATH = /^\/(api|emulator)(\/|$)|^\/_next\/static\//;
const ANY_ORIGIN = new URL('http://localhost/');

/** Node's request headers as the `get` the checks read. */
function headerReader(nodeHeaders: NodeHeaders): Pick<Headers, 'get'> {
  return {
    get(name: string) {
      const value = nodeHeaders[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** Null for a path the gate does not cover (pages: the proxy's), else what to do with the request. */
export function apiGate(method: string, target: string, nodeHeaders: NodeHeaders): GateOutcome | null {
  let path: string;
  try {
    path = new URL(target, 'http://localhost').pathname;
  } catch {
    return null;
  }
  if (!GATED_PATH.test(path)) return null;
  const headers = headerReader(nodeHeaders);
  // The server has already kept X-Forwarded-Proto only from a trusted proxy.
  const security = securityHeaders(createNonce(), servedOverHttps(ANY_ORIGIN, headers));
  const refusal = gateRefusal(method, path, headers);
  if (!refusal) return { headers: security };
  if (refusal.body === null)
    return { answer: { status: refusal.status, headers: { ...security, ...refusal.headers }, body: '' } };
  const body = JSON.stringify(refusal.body);
  return {
    answer: {
      status: refusal.status,
      headers: {
        ...security,
        ...refusal.headers,
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        'Content-Length': String(Buffer.byteLength(body)),
      },
      body,
    },
  };
}
