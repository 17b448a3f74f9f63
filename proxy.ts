/**
 * Refuses cross-site state-changing requests to the API before any route runs
 * (CSRF defence; the route wrapper repeats the check as a backstop).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { crossSiteRefusal } from '@/lib/http/same-origin';

export function proxy(request: NextRequest) {
  const refusal = crossSiteRefusal(request.method, request.headers, request.nextUrl.host);
  if (refusal) {
    return NextResponse.json({ error: refusal }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  }
  return NextResponse.next();
}

export const config = {
  matcher: '/api/:path*',
};
