import { AlkiraApi } from '@/lib/alkira/api';
import { createConnector, listConnectorPage, listConnectorSummaries } from '@/lib/services/connectors';
import { designFromBody, nameIn } from '@/lib/http/design-body';
import { readJsonObject } from '@/lib/http/body';
import { jsonResponse } from '@/lib/route/errors';
import { provisionFlag, withErrorHandling } from '@/lib/route/handler';
import { listQueryOf } from '@/lib/route/list-params';
import { requestPrincipal } from '@/lib/auth/policy';
import { actorOf } from '@/lib/audit/record';
import { AuditAttempt } from '@/lib/audit/attempt';
import { audited } from '@/lib/services/audited';

export const dynamic = 'force-dynamic';

/** No query parameters: every connector (export, old callers); any list parameter: one page with counts and facets. */
export const GET = withErrorHandling(async (req: Request) => {
  const query = listQueryOf(new URL(req.url).searchParams);
  const api = AlkiraApi.fromEnv();
  return jsonResponse(query ? await listConnectorPage(api, query) : await listConnectorSummaries(api));
});

export const POST = withErrorHandling(async (req: Request) => {
  const api = AlkiraApi.fromEnv();
  const attempt = new AuditAttempt(actorOf(requestPrincipal(req)), 'create', api.config.backendKey);
  const created = await audited(attempt, async () => {
    const body = await readJsonObject(req);
    attempt.about({ name: nameIn(body) });
    return createConnector(api, designFromBody(body), provisionFlag(req), attempt);
  });
  return jsonResponse(created, 201);
});
