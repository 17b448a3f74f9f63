import { AlkiraApi } from '@/lib/alkira/api';
import { createConnector, listConnectorPage, listConnectorSummaries } from '@/lib/alkira/connectors';
import { readDesign } from '@/lib/http/design-body';
import { jsonResponse } from '@/lib/http/errors';
import { provisionFlag, withErrorHandling } from '@/lib/http/handler';
import { listQueryOf } from '@/lib/http/list-params';
import { requestPrincipal } from '@/lib/auth/policy';
import { actorOf } from '@/lib/audit/record';

export const dynamic = 'force-dynamic';

/** No query parameters: every connector (export, old callers); any list parameter: one page with counts and facets. */
export const GET = withErrorHandling(async (req: Request) => {
  const query = listQueryOf(new URL(req.url).searchParams);
  const api = AlkiraApi.fromEnv(req.url);
  return jsonResponse(query ? await listConnectorPage(api, query) : await listConnectorSummaries(api));
});

export const POST = withErrorHandling(async (req: Request) => {
  const design = await readDesign(req);
  const created = await createConnector(AlkiraApi.fromEnv(req.url), design, provisionFlag(req), actorOf(requestPrincipal(req)));
  return jsonResponse(created, 201);
});
