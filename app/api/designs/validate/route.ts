import { jsonObjectFromText, readJsonText } from '@/lib/http/body';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { AlkiraApi } from '@/lib/alkira/api';
import { tenantCheckIndex } from '@/lib/services/tenant-snapshot';
import { checkAgainstTenant } from '@/lib/connector/tenant';
import { checkDesignBody } from '@/lib/design-server/design-work';
import { checkDesignOffThread, OFF_THREAD_BYTES } from '@/lib/design-server/off-thread';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const TRUE = new Set(['1', 'true', 'yes']);

/**
 * POST a design JSON → { ok, errors: [{ path, message, ruleId? }], warnings: [...] },
 * the designer's own offline check (lib/connector/check.ts). A key the
 * resource does not have is a malformed request: 422 naming it. A large
 * design is checked in a worker thread (lib/design-server), so it never
 * holds the event loop.
 *
 * `?tenant=1` adds the tenant checks (lib/connector/tenant) against the live
 * tenant: overlapping addresses, a taken name, references the catalog does
 * not have. `&connector=<id>`: the design is that connector (an edit), whose
 * own name and addresses do not count.
 */
export const POST = withErrorHandling(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const text = await readJsonText(req);
  const withTenant = TRUE.has((params.get('tenant') ?? '').toLowerCase());
  if (!withTenant && text.length >= OFF_THREAD_BYTES) return jsonResponse(await checkDesignOffThread(text));
  const body = jsonObjectFromText(text);
  const { errors, warnings } = checkDesignBody(body);
  if (withTenant) {
    const tenant = await tenantCheckIndex(AlkiraApi.fromEnv());
    for (const { severity, ...finding } of checkAgainstTenant(body, tenant, { linkedConnectorId: params.get('connector') })) {
      (severity === 'error' ? errors : warnings).push(finding);
    }
  }
  return jsonResponse({ ok: errors.length === 0, errors, warnings });
});
