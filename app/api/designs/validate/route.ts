import { readJsonObject } from '@/lib/http/body';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { parseDesign } from '@/lib/connector/validate';
import { checkDesignOffline } from '@/lib/connector/check';
import type { ConnectorDesign } from '@/lib/connector/design';
import { AlkiraApi } from '@/lib/alkira/api';
import { tenantCheckIndex } from '@/lib/alkira/tenant-snapshot';
import { checkAgainstTenant } from '@/lib/connector/tenant';

export const dynamic = 'force-dynamic';

const TRUE = new Set(['1', 'true', 'yes']);

/**
 * POST a design JSON → { ok, errors: [{ path, message, ruleId? }], warnings: [...] },
 * the designer's own offline check (lib/connector/check.ts). A key the
 * resource does not have is a malformed request: 422 naming it.
 *
 * `?tenant=1` adds the tenant checks (lib/connector/tenant) against the live
 * tenant: overlapping addresses, a taken name, references the catalog does
 * not have. `&connector=<id>`: the design is that connector (an edit), whose
 * own name and addresses do not count.
 */
export const POST = withErrorHandling(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const body = await readJsonObject(req);
  const { unknownKeys, errors: parseErrors, warnings: parseWarnings } = parseDesign(body);
  if (unknownKeys.length > 0) {
    throw new ApiError(422, unknownKeys.map((issue) => issue.message).join('; '), { errors: parseErrors, warnings: parseWarnings });
  }
  // The body is a JSON object; the check reads it defensively, as it reads form state.
  const { errors, warnings } = checkDesignOffline(body as ConnectorDesign);
  if (TRUE.has((params.get('tenant') ?? '').toLowerCase())) {
    const tenant = await tenantCheckIndex(AlkiraApi.fromEnv());
    for (const { severity, ...finding } of checkAgainstTenant(body, tenant, { linkedConnectorId: params.get('connector') })) {
      (severity === 'error' ? errors : warnings).push(finding);
    }
  }
  return jsonResponse({ ok: errors.length === 0, errors, warnings });
});
