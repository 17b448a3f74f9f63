import { AlkiraApi } from '@/lib/alkira/api';
import { provisionDesign } from '@/lib/services/workspace';
import { AuditAttempt } from '@/lib/audit/attempt';
import { audited } from '@/lib/services/audited';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { getDesign } from '@/lib/store/designs';
import { requestPrincipal } from '@/lib/auth/policy';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { parseDesignId, parseVersion, readOptionalJsonObject } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/** POST { version? } → 202 { design_id, version, connector_id, provisionRequestId }: creates or updates the linked connector. */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  const api = AlkiraApi.fromEnv();
  // About the design until it is read; then a create or update of its connector (lib/services/workspace.ts).
  const attempt = new AuditAttempt(actorOf(requestPrincipal(req)), 'provision', api.config.backendKey).about({ type: 'design', id });
  let reapplied: { name: string } | null = null;
  const result = await audited(attempt, async () => {
    const body = await readOptionalJsonObject(req);
    const version = body.version === undefined ? undefined : parseVersion(body.version, 'version');
    const head = await getDesign(id);
    // The version the linked connector already runs, sent again: a re-apply over drift.
    if (head && version !== undefined && version === head.provisioned_version && head.backend === api.config.backendKey) reapplied = { name: head.design.name };
    return provisionDesign(api, id, version, attempt);
  });
  if (reapplied) {
    const { name } = reapplied;
    await auditDesignChange(actorOf(requestPrincipal(req)), 'reapply', { id, name }, `Re-applied version ${result.version} to connector #${result.connector_id}`);
  }
  return jsonResponse(result, 202);
});
