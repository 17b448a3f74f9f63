import 'server-only';
/**
 * Who a parse job belongs to, for the fair queue (./fair-queue.ts): the
 * signed-in user when sign-in is on (the route needs a session then), else the
 * address the request came from (local mode has one shared "local operator",
 * so the user says nothing there). Requests whose address is unknown (the app
 * run without `scripts/server.mjs`) share one client. Read from the headers
 * alone, so the HTTP server's early answer (before Next) and the route agree.
 */
import { loadAuthConfig } from '@/lib/auth/config';
import { cookieValue, principalFromCookie, SESSION_COOKIE } from '@/lib/auth/session';
import { addressKey, peerAddress } from '@/lib/http/peer-address';

export function parseClientKey(headers: Headers): string {
  const config = loadAuthConfig();
  if (config.mode !== 'local') {
    const principal = principalFromCookie(cookieValue(headers.get('cookie'), SESSION_COOKIE), config);
    if (principal) return `user:${principal.id}`;
  }
  const address = peerAddress(headers);
  return address ? `addr:${addressKey(address)}` : 'addr:unknown';
}
