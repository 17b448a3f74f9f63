import { AlkiraApi } from '@/lib/alkira/api';
import { deleteConnector, getConnectorView, updateConnector } from '@/lib/services/connectors';
import { designFromBody, nameIn } from '@/lib/http/design-body';
import { readJsonObject } from '@/lib/http/body';
import { jsonResponse } from '@/lib/route/errors';
import { parseConnectorId, provisionFlag, withErrorHandling } from '@/lib/route/handler';
import { requestPrincipal } from '@/lib/auth/policy';
import { actorOf } from '@/lib/audit/record';
import { AuditAttempt } from '@/lib/audit/attempt';
import { audited } from '@/lib/services/audited';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export const GET = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  return jsonResponse(await getConnectorView(AlkiraApi.fromEnv(), id));
});

// An id that cannot be a connector's is a 404 before anything is attempted (not an audited change).
export const PUT = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  const api = AlkiraApi.fromEnv();
  const attempt = new AuditAttempt(actorOf(requestPrincipal(req)), 'update', api.config.backendKey).about({ id });
  const result = await audited(attempt, async () => {
    const body = await readJsonObject(req);
    attempt.about({ name: nameIn(body) });
    return updateConnector(api, id, designFromBody(body), provisionFlag(req), attempt);
  });
  return jsonResponse(result);
});

export const DELETE = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseConnectorId((await params).id);
  const api = AlkiraApi.fromEnv();
  const attempt = new AuditAttempt(actorOf(requestPrincipal(req)), 'delete', api.config.backendKey).about({ id });
  return jsonResponse(await audited(attempt, () => deleteConnector(api, id, provisionFlag(req), attempt)), 202);
});
