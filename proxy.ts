/**
 * Runs before every route: refuses requests for hosts this server does not
 * serve (DNS rebinding), methods a route does not answer (405 with Allow,
 * including TRACE and other verbs Next would otherwise turn into a 500) and
 * cross-site writes (CSRF), and gives every response its security headers with
 * a fresh CSP script nonce (Next reads it from the request's CSP header and
 * puts it on its own scripts). The route wrapper repeats the host and
 * cross-site checks as a backstop.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { allowedMethods, routeFor } from '@/lib/http/routes';
import { crossSiteRefusal, isHostAllowed } from '@/lib/http/same-origin';
import { createNonce, securityHeaders, servedOverHttps } from '@/lib/http/security-headers';

function refuse(status: number, message: string, headers: Record<string, string>): NextResponse {
  return NextResponse.json({ error: message }, { status, headers: { ...headers, 'Cache-Control': 'no-store' } });
}

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders(nonce, servedOverHttps(request.nextUrl, request.headers));
  const method = request.method.toUpperCase();
  const path = request.nextUrl.pathname;

  const host = request.headers.get('host');
  if (!isHostAllowed(host)) {
    return refuse(
      403,
      `Host ${JSON.stringify(host ?? '')} is not served here; add it to CONNECTOR_STUDIO_ALLOWED_HOSTS if this server is meant to answer to that name`,
      headers,
    );
  }

  // Disabled admin endpoints look absent, whatever the request.
  if (/^\/emulator\/(_|%5F)admin(\/|$)/i.test(path) && process.env.ALKIRA_EMULATOR_ADMIN !== '1') {
    return NextResponse.json({ message: 'Not found' }, { status: 404, headers: { ...headers, 'Cache-Control': 'no-store' } });
  }

  // An unknown API path gets the API's JSON 404, not Next's HTML page.
  if (path.startsWith('/api/') && routeFor(path) === null) {
    return refuse(404, `No API route ${path.slice(0, 200)}; see the README's HTTP API section`, headers);
  }

  const allow = allowedMethods(path);
  if (method === 'OPTIONS') {
    return new NextResponse(null, { status: 204, headers: { ...headers, Allow: [...allow, 'OPTIONS'].join(', ') } });
  }
  if (!allow.includes(method)) {
    return refuse(405, `Method ${method} is not allowed on ${path}; use ${allow.join(' or ')}`, {
      ...headers,
      Allow: [...allow, 'OPTIONS'].join(', '),
    });
  }

  const refusal = crossSiteRefusal(method, request.headers, host ?? undefined, routeFor(path)?.mutates ?? false);
  if (refusal) return refuse(403, refusal, headers);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: '/:path*',
};
