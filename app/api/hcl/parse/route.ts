import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { readTextBody } from '@/lib/http/text-body';
import { parseClientKey } from '@/lib/hcl-server/client-key';
import { reserveParse } from '@/lib/hcl-server/parse-off-thread';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * POST Terraform HCL (text/plain) → { designs: [{ resource_name, design, line, range }], diagnostics: [...] }.
 * Problems in the HCL are diagnostics in a 200 answer, not HTTP errors; the
 * parse runs in a pool of worker threads, clients taking turns, with a time
 * budget in proportion to the file's size (422 when over it; 429 when this
 * client already has too many files waiting).
 */
export const POST = withErrorHandling(async (req: Request) => {
  // The place is held before the body is read: a client at its limit is refused before it uploads.
  const turn = reserveParse(parseClientKey(req.headers));
  let text: string;
  try {
    text = await readTextBody(req);
  } catch (err) {
    turn.release();
    throw err;
  }
  return jsonResponse(await turn.parse(text, req.signal));
});
