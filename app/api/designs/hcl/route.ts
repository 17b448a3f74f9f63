import { jsonObjectFromText, readJsonText } from '@/lib/http/body';
import { withErrorHandling } from '@/lib/route/errors';
import { renderDesignBody } from '@/lib/design-server/design-work';
import { OFF_THREAD_BYTES, renderDesignOffThread } from '@/lib/design-server/off-thread';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** An existing .tf file may be larger than a design alone; the whole body stays bounded. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

/**
 * POST { design, options?, source?, resource? } → HCL as text/plain: the design rendered, or — with
 * `source` — that file with the connector resource (`resource`, when it has several) updated in place.
 * 422 with the errors when the design is invalid or the source cannot be read; 404 for an unknown resource.
 * A large body is rendered in a worker thread (lib/design-server), so it never holds the event loop.
 */
export const POST = withErrorHandling(async (req: Request) => {
  const text = await readJsonText(req, MAX_BODY_BYTES);
  const hcl =
    text.length >= OFF_THREAD_BYTES ? await renderDesignOffThread(text) : renderDesignBody(jsonObjectFromText(text));
  return new Response(hcl, {
    status: 200,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
});
