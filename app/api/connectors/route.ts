import { AlkiraApi } from '@/lib/alkira/api';
import { createConnector, listConnectorSummaries } from '@/lib/alkira/connectors';
import { designFromBody, nameIn } from '@/lib/http/design-body';
import { readJsonObject } from '@/lib/http/body';
import { jsonResponse } from '@/lib/http/errors';
import { provisionFlag, withErrorHandling } from '@/lib/http/handler';
import { requestPrincipal } from '@/lib/auth/policy';
import { actorOf } from '@/lib/audit/record';
import { audited, AuditAttempt } from '@/lib/audit/attempt';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (req: Request) => {
  return jsonResponse(await listConnectorSummaries(AlkiraApi.fromEnv(req.url)));
});

export const POST = withErrorHandling(async (req: Request) => {
  const api = AlkiraApi.fromEnv(req.url);
  const attempt = new AuditAttempt(actorOf(requestPrincipal(req)), 'create', api.config.backendKey);
  const created = await audited(attempt, async () => {
    const body = await readJsonObject(req);
    attempt.about({ name: nameIn(body) });
    return createConnector(api, designFromBody(body), provisionFlag(req), attempt);
  });
  return jsonResponse(created, 201);
});
