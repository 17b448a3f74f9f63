import { AlkiraApi } from '@/lib/alkira/api';
import { provisionDesign } from '@/lib/alkira/workspace';
import { audited, AuditAttempt } from '@/lib/audit/attempt';
import { actorOf } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';
import { jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { parseDesignId, parseVersion, readOptionalJsonObject } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/** POST { version? } → 202 { design_id, version, connector_id, provisionRequestId }: creates or updates the linked connector. */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  const api = AlkiraApi.fromEnv();
  // About the design until it is read; then a create or update of its connector (lib/alkira/workspace.ts).
  const attempt = new AuditAttempt(actorOf(requestPrincipal(req)), 'provision', api.config.backendKey).about({ type: 'design', id });
  const result = await audited(attempt, async () => {
    const body = await readOptionalJsonObject(req);
    const version = body.version === undefined ? undefined : parseVersion(body.version, 'version');
    return provisionDesign(api, id, version, attempt);
  });
  return jsonResponse(result, 202);
});
