/**
 * Runs before every page (and before API routes when the app runs without
 * its HTTP server, e.g. `next dev`): refuses requests for hosts this server
 * does not serve (DNS rebinding), methods a route does not answer (405 with
 * Allow, including TRACE and other verbs Next would otherwise turn into a
 * 500) and cross-site writes (CSRF) — lib/route/gate.ts decides — and gives
 * every response its security headers with a fresh CSP script nonce (Next
 * reads it from the request's CSP header and puts it on its own scripts). The
 * route wrapper repeats the host and cross-site checks as a backstop.
 *
 * API and emulator requests that came through scripts/server.mjs were gated
 * there already, with the same decision and headers (lib/route/api-gate.ts);
 * the server marks them with GATED_HEADER (always overwriting what a client
 * sent), and the matcher skips them, so Next does not build a proxy request
 * and response for every API call (about a millisecond of CPU each).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { gateRefusal } from '@/lib/route/gate';
import { createNonce, securityHeaders, servedOverHttps } from '@/lib/http/security-headers';

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders(nonce, servedOverHttps(request.nextUrl, request.headers));
  const refusal = gateRefusal(request.method, request.nextUrl.pathname, request.headers);
  if (refusal) {
    const all = { ...headers, ...refusal.headers };
    if (refusal.body === null) return new NextResponse(null, { status: refusal.status, headers: all });
    return NextResponse.json(refusal.body, {
      status: refusal.status,
      headers: { ...all, 'Cache-Control': 'no-store' },
    });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages always pass here. API and emulator paths, and the build's static files (`/_next/static/`: a proxy run per
  // script held up the designer's first load by hundreds of milliseconds), may skip it only when the server gated
  // them (a
  // forged header on `next start` without scripts/server.mjs still meets the route wrapper's host and
  // cross-site checks). The header's name is lib/route/api-gate.ts's GATED_HEADER (matchers must be literals).
  matcher: [
    '/((?!api/|api$|emulator/|emulator$|_next/static/).*)',
    { source: '/(api|emulator)/:path*', missing: [{ type: 'header', key: 'x-connector-studio-gated' }] },
    { source: '/_next/static/:path*', missing: [{ type: 'header', key: 'x-connector-studio-gated' }] },
    { source: '/(api|emulator)', missing: [{ type: 'header', key: 'x-connector-studio-gated' }] },
  ],
};
