import { AlkiraApi } from '@/lib/alkira/api';
import { createConnector, listConnectorSummaries } from '@/lib/alkira/connectors';
import { readDesign } from '@/lib/http/design-body';
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
  const created = await audited(attempt, async () => createConnector(api, await readDesign(req), provisionFlag(req), attempt));
  return jsonResponse(created, 201);
});
