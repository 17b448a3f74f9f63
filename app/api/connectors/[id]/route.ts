import { AlkiraApi } from '@/lib/alkira/api';
import { deleteConnector, getConnectorView, updateConnector } from '@/lib/alkira/connectors';
import { readDesign } from '@/lib/http/design-body';
import { jsonResponse } from '@/lib/http/errors';
import { parseConnectorId, provisionFlag, withErrorHandling } from '@/lib/http/handler';
import { requestPrincipal } from '@/lib/auth/policy';
import { actorOf } from '@/lib/audit/record';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export const GET = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  return jsonResponse(await getConnectorView(AlkiraApi.fromEnv(req.url), id));
});

export const PUT = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  const design = await readDesign(req);
  const actor = actorOf(requestPrincipal(req));
  return jsonResponse(await updateConnector(AlkiraApi.fromEnv(req.url), id, design, provisionFlag(req), actor));
});

export const DELETE = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  const actor = actorOf(requestPrincipal(req));
  return jsonResponse(await deleteConnector(AlkiraApi.fromEnv(req.url), id, provisionFlag(req), actor), 202);
});
