import { jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { readTextBody } from '@/lib/http/text-body';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';

export const dynamic = 'force-dynamic';

/**
 * POST Terraform HCL (text/plain) → { designs: [{ resource_name, design, line, range }], diagnostics: [...] }.
 * Problems in the HCL are diagnostics in a 200 answer, not HTTP errors.
 */
export const POST = withErrorHandling(async (req: Request) => {
  const text = await readTextBody(req);
  return jsonResponse(parseConnectorHcl(text));
});
