/**
 * What every request must pass before a route runs, decided from its method,
 * path and headers alone: an allowed host (DNS rebinding), disabled emulator
 * admin endpoints looking absent, an API path that exists, a method the route
 * answers (OPTIONS: 204 with Allow), and no cross-site write (CSRF). One
 * decision for both places that apply it: the root proxy (proxy.ts), for
 * pages, and the HTTP server (scripts/server.mjs, through ./api-gate.ts), for
 * API and emulator paths, which it answers before Next so that Next's
 * per-request proxy machinery is not paid on the API's hot paths.
 */
import { allowedMethods, routeFor } from './routes';
import { crossSiteRefusal, isHostAllowed } from '@/lib/http/same-origin';

export interface GateRefusal {
  status: number;
  /** JSON body; null for an empty answer (OPTIONS). */
  body: Record<string, string> | null;
  /** Headers beyond the security headers (Allow). */
  headers: Record<string, string>;
}

const EMULATOR_ADMIN = /^\/emulator\/(_|%5F)admin(\/|$)/i;

/** Why the request is answered here instead of by a route (or null: it goes on). */
export function gateRefusal(method: string, path: string, headers: Pick<Headers, 'get'>): GateRefusal | null {
  const verb = method.toUpperCase();
  const host = headers.get('host');
  if (!isHostAllowed(host)) {
    return {
      status: 403,
      body: {
        error: `Host ${JSON.stringify(host ?? '')} is not served here; add it to CONNECTOR_STUDIO_ALLOWED_HOSTS if this server is meant to answer to that name`,
      },
      headers: {},
    };
  }
  // Disabled admin endpoints look absent, whatever the request.
  if (EMULATOR_ADMIN.test(path) && process.env.ALKIRA_EMULATOR_ADMIN !== '1')
    return { status: 404, body: { message: 'Not found' }, headers: {} };
  const route = routeFor(path);
  // An unknown API path gets the API's JSON 404, not Next's HTML page.
  if (path.startsWith('/api/') && route === null) {
    return {
      status: 404,
      body: { error: `No API route ${path.slice(0, 200)}; see the README's HTTP API section` },
      headers: {},
    };
  }
  const allow = allowedMethods(path);
  const allowHeader = { Allow: [...allow, 'OPTIONS'].join(', ') };
  if (verb === 'OPTIONS') return { status: 204, body: null, headers: allowHeader };
  if (!allow.includes(verb))
    return {
      status: 405,
      body: { error: `Method ${verb} is not allowed on ${path}; use ${allow.join(' or ')}` },
      headers: allowHeader,
    };
  const refusal = crossSiteRefusal(verb, headers, host ?? undefined, route?.mutates ?? false);
  if (refusal) return { status: 403, body: { error: refusal }, headers: {} };
  return null;
}
