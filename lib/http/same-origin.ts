/**
 * Cross-site request refusal for state-changing API calls (CSRF defence).
 * Browsers label every request with `Sec-Fetch-Site` and send `Origin` on
 * cross-origin and on all POST/PUT/DELETE requests, so a request another site
 * makes a user's browser send is recognisable; non-browser clients (curl,
 * tests, the Terraform provider) send neither header and pass.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why the request must be refused, or null when it may proceed. */
export function crossSiteRefusal(method: string, headers: Headers, fallbackHost?: string): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (headers.get('sec-fetch-site') === 'cross-site') {
    return 'Cross-site requests may not change data';
  }
  const origin = headers.get('origin');
  if (origin !== null) {
    const host = headers.get('host') ?? fallbackHost;
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null; // "null" (sandboxed frames, file://) or garbage: never same-origin
    }
    if (!host || originHost !== host.toLowerCase()) {
      return 'Cross-origin requests may not change data';
    }
  }
  return null;
}
