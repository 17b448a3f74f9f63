import { AlkiraApi } from '@/lib/alkira/api';
import { eventStream } from '@/lib/alkira/event-stream';
import { withErrorHandling } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Live dashboard events (Server-Sent Events): provision state changes and connector writes. */
export const GET = withErrorHandling(async (req: Request) => {
  const headers = {
    'Content-Type': 'text/event-stream; charset=utf-8',
    // no-transform: keeps compression (which would buffer the stream) off it.
    'Cache-Control': 'no-store, no-transform',
    'X-Accel-Buffering': 'no',
  };
  // HEAD (answered by this handler) gets the headers only: a stream nobody reads would never be let go.
  if (req.method === 'HEAD') return new Response(null, { headers });
  return new Response(eventStream(AlkiraApi.fromEnv(), req.signal), { headers });
});
