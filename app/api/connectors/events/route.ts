import { AlkiraApi } from '@/lib/alkira/api';
import { eventStream } from '@/lib/services/event-stream';
import { loadAuthConfig } from '@/lib/auth/config';
import { requestPrincipal } from '@/lib/auth/policy';
import { cookieValue, SESSION_COOKIE, sessionIdFromCookie } from '@/lib/auth/session';
import { sessionStillOpen } from '@/lib/auth/sign-out';
import { withErrorHandling } from '@/lib/route/handler';
import { maxStreamsPerUser, registerStream, streamsOf } from '@/lib/http/open-streams';
import { ApiError } from '@/lib/http/response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** How often an open stream checks that its session was not signed out of elsewhere (another server process). */
const SESSION_CHECK_MS = 15_000;

/**
 * Live dashboard events (Server-Sent Events): provision state changes and
 * connector writes. Each user may hold CONNECTOR_STUDIO_MAX_STREAMS_PER_USER
 * streams at a time (429 beyond). A stream ends when its session is signed out of: at once
 * when the sign-out reaches this process (lib/http/open-streams.ts), else at
 * the next session check.
 */
export const GET = withErrorHandling(async (req: Request) => {
  const headers = {
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform: keeps compression (which would buffer the stream) off it.
    'Cache-Control': 'no-store, no-transform',
    'X-Accel-Buffering': 'no',
  };
  // HEAD (answered by this handler) gets the headers only: a stream nobody reads would never be let go.
  if (req.method === 'HEAD') return new Response(null, { headers });
  const principal = requestPrincipal(req);
  const config = loadAuthConfig();
  const cookie = cookieValue(req.headers.get('cookie'), SESSION_COOKIE);
  const session = config.mode === 'oidc' ? sessionIdFromCookie(cookie, config) : null;
  const limit = maxStreamsPerUser();
  if (streamsOf(principal.id) >= limit) {
    throw new ApiError(
      429,
      `You already have ${limit} live event streams open, the most one user may hold; close the dashboard in another tab or window and try again`,
      {},
      { 'Retry-After': '30' },
    );
  }
  const ending = new AbortController();
  const end = () => ending.abort();
  const forget = registerStream({ user: principal.id, session, end });
  const check =
    config.mode === 'oidc' && session
      ? setInterval(() => {
          sessionStillOpen(config, cookie).then(
            (open) => open || end(),
            () => undefined,
          );
        }, SESSION_CHECK_MS)
      : null;
  const onEnd = () => {
    if (check) clearInterval(check);
    forget();
  };
  return new Response(eventStream(AlkiraApi.fromEnv(), AbortSignal.any([req.signal, ending.signal]), onEnd), {
    headers,
  });
});
