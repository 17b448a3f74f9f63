import { jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { readTextBody } from '@/lib/http/text-body';
import { parseHclOffThread } from '@/lib/hcl-server/parse-off-thread';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * POST Terraform HCL (text/plain) → { designs: [{ resource_name, design, line, range }], diagnostics: [...] }.
 * Problems in the HCL are diagnostics in a 200 answer, not HTTP errors; the
 * parse runs in a worker thread with a time limit (422 when over it).
 */
export const POST = withErrorHandling(async (req: Request) => {
  const text = await readTextBody(req);
  return jsonResponse(await parseHclOffThread(text));
});
