import { readJsonObject } from '@/lib/http/body';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { parseDesign } from '@/lib/connector/validate';
import { checkDesignOffline } from '@/lib/connector/check';
import type { ConnectorDesign } from '@/lib/connector/design';

export const dynamic = 'force-dynamic';

/**
 * POST a design JSON → { ok, errors: [{ path, message, ruleId? }], warnings: [...] },
 * the designer's own offline check (lib/connector/check.ts). A key the
 * resource does not have is a malformed request: 422 naming it.
 */
export const POST = withErrorHandling(async (req: Request) => {
  const body = await readJsonObject(req);
  const { unknownKeys, errors: parseErrors, warnings: parseWarnings } = parseDesign(body);
  if (unknownKeys.length > 0) {
    throw new ApiError(422, unknownKeys.map((issue) => issue.message).join('; '), { errors: parseErrors, warnings: parseWarnings });
  }
  // The body is a JSON object; the check reads it defensively, as it reads form state.
  const { ok, errors, warnings } = checkDesignOffline(body as ConnectorDesign);
  return jsonResponse({ ok, errors, warnings });
});
