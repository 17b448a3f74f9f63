import { AlkiraApi } from '@/lib/alkira/api';
import { deleteConnector, getConnectorView, updateConnector } from '@/lib/alkira/connectors';
import { readDesign } from '@/lib/http/design-body';
import { jsonResponse } from '@/lib/http/errors';
import { parseConnectorId, provisionFlag, withErrorHandling } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export const GET = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  return jsonResponse(await getConnectorView(AlkiraApi.fromEnv(req.url), id));
});

export const PUT = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  const design = await readDesign(req);
  return jsonResponse(await updateConnector(AlkiraApi.fromEnv(req.url), id, design, provisionFlag(req)));
});

export const DELETE = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  return jsonResponse(await deleteConnector(AlkiraApi.fromEnv(req.url), id, provisionFlag(req)), 202);
});
