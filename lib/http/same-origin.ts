/**
 * Who may talk to this server, decided from headers alone (so the root proxy
 * and the route wrapper can both apply it before any route runs):
 *
 * - Host allow-list (DNS rebinding): a page on `evil.example` whose name was
 *   re-pointed at 127.0.0.1 reaches us with `Host: evil.example:PORT` — and,
 *   being same-origin with itself, `Origin: http://evil.example:PORT` too. Only
 *   the names in `CONNECTOR_STUDIO_ALLOWED_HOSTS` (comma-separated, `host` or
 *   `host:port`; default localhost, 127.0.0.1 and [::1] on any port) are served.
 * - Cross-site writes (CSRF): browsers label requests with `Sec-Fetch-Site` and
 *   send `Origin` on every POST/PUT/DELETE. A state-changing request must be
 *   labelled same-origin, or carry an Origin equal to its (allowed) Host. A
 *   request with neither header is accepted only when no browser could have
 *   sent it cross-site without a CORS preflight we never grant: a non-simple
 *   method (PUT, DELETE, PATCH) or a non-simple content type (JSON). A plain
 *   `text/plain` or form POST without them is refused.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

import { captured, firstField } from '@/lib/util/indexing';

/** Content types a cross-site form or `fetch(..., { mode: 'no-cors' })` can send without a preflight. */
const SIMPLE_CONTENT_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

const DEFAULT_ALLOWED_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export interface AllowedHost {
  name: string;
  /** Null: any port. */
  port: string | null;
}

/** `host` or `host:port` (IPv6 in brackets), lower-cased; null when malformed. */
export function splitHost(value: string): AllowedHost | null {
  const text = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(text);
  if (!m) return null;
  return { name: captured(m, 1), port: m[2] ?? null };
}

export function allowedHosts(env: Record<string, string | undefined> = process.env): AllowedHost[] {
  const raw = env.CONNECTOR_STUDIO_ALLOWED_HOSTS?.trim();
  const entries = raw ? raw.split(',').filter((e) => e.trim() !== '') : DEFAULT_ALLOWED_HOSTS;
  return entries.map(splitHost).filter((h): h is AllowedHost => h !== null);
}

export function isHostAllowed(hostHeader: string | null, allowed: AllowedHost[] = allowedHosts()): boolean {
  if (!hostHeader) return false;
  const host = splitHost(hostHeader);
  if (!host) return false;
  return allowed.some((a) => a.name === host.name && (a.port === null || a.port === host.port));
}

/** Why the request must be refused (403), or null when it may proceed. */
export function requestRefusal(method: string, headers: Headers, fallbackHost?: string, mutates = true): string | null {
  const host = headers.get('host') ?? fallbackHost ?? null;
  if (!isHostAllowed(host)) {
    return `Host ${JSON.stringify(host ?? '')} is not served here; add it to CONNECTOR_STUDIO_ALLOWED_HOSTS if this server is meant to answer to that name`;
  }
  return crossSiteRefusal(method, headers, host ?? undefined, mutates);
}

/**
 * Why a non-GET request looks cross-site (403), or null. `mutates`: the route
 * changes stored data, so a simple POST must also prove where it came from
 * (routes that only compute an answer, like validation, need not).
 */
export function crossSiteRefusal(
  method: string,
  headers: Pick<Headers, 'get'>,
  fallbackHost?: string,
  mutates = true,
): string | null {
  const verb = method.toUpperCase();
  if (SAFE_METHODS.has(verb)) return null;
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return 'Cross-site requests may not change data';
  }
  const origin = headers.get('origin');
  if (origin !== null) {
    const host = headers.get('host') ?? fallbackHost;
    let originHost: string | null = null;
    try {
      const url = new URL(origin);
      originHost = url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
    } catch {
      originHost = null; // "null" (sandboxed frames, file://) or garbage: never same-origin
    }
    if (!host || originHost !== host.toLowerCase()) return 'Cross-origin requests may not change data';
    return null;
  }
  if (fetchSite === 'same-origin' || !mutates) return null;
  const contentType = firstField(headers.get('content-type') ?? '', ';')
    .trim()
    .toLowerCase();
  if (verb === 'POST' && (contentType === '' || SIMPLE_CONTENT_TYPES.has(contentType))) {
    return 'A POST without an Origin header must be sent as application/json (a browser form or cross-site page cannot do that)';
  }
  return null;
}
