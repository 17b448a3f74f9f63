import { readJsonObject } from '@/lib/http/body';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { parseDesign } from '@/lib/connector/validate';

export const dynamic = 'force-dynamic';

/**
 * POST a design JSON → { ok, errors: [{ path, message }], warnings: [...] }.
 * A key the resource does not have is a malformed request: 422 naming it.
 */
export const POST = withErrorHandling(async (req: Request) => {
  const { ok, errors, unknownKeys, warnings } = parseDesign(await readJsonObject(req));
  if (unknownKeys.length > 0) {
    throw new ApiError(422, unknownKeys.map((issue) => issue.message).join('; '), { errors, warnings });
  }
  return jsonResponse({ ok, errors, warnings });
});
