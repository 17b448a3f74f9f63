import { AlkiraApi } from '@/lib/alkira/api';
import { provisionDesign } from '@/lib/alkira/workspace';
import { actorOf } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';
import { jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { parseDesignId, parseVersion, readOptionalJsonObject } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/** POST { version? } → 202 { design_id, version, connector_id, provisionRequestId }: creates or updates the linked connector. */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  const body = await readOptionalJsonObject(req);
  const version = body.version === undefined ? undefined : parseVersion(body.version, 'version');
  return jsonResponse(await provisionDesign(AlkiraApi.fromEnv(req.url), id, version, actorOf(requestPrincipal(req))), 202);
});
