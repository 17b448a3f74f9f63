import { AlkiraApi } from '@/lib/alkira/api';
import { createConnector, listConnectorSummaries } from '@/lib/alkira/connectors';
import { readDesign } from '@/lib/http/design-body';
import { jsonResponse } from '@/lib/http/errors';
import { provisionFlag, withErrorHandling } from '@/lib/http/handler';
import { requestPrincipal } from '@/lib/auth/policy';
import { actorOf } from '@/lib/audit/record';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (req: Request) => {
  return jsonResponse(await listConnectorSummaries(AlkiraApi.fromEnv(req.url)));
});

export const POST = withErrorHandling(async (req: Request) => {
  const design = await readDesign(req);
  const created = await createConnector(AlkiraApi.fromEnv(req.url), design, provisionFlag(req), actorOf(requestPrincipal(req)));
  return jsonResponse(created, 201);
});
