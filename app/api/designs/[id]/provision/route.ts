import { AlkiraApi } from '@/lib/alkira/api';
import { provisionDesign } from '@/lib/services/workspace';
import { AuditAttempt } from '@/lib/audit/attempt';
import { audited } from '@/lib/services/audited';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { getDesign } from '@/lib/store/designs';
import { requestPrincipal } from '@/lib/auth/policy';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { provisionDesign as provisionContract } from '@/lib/contract';
import { parseInput, parseParams } from '@/lib/http/contract-input';
import { readOptionalJsonObject } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/** POST { version? } → 202 { design_id, version, connector_id, provisionRequestId }: creates or updates the linked connector. */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(provisionContract.params, params);
  const api = AlkiraApi.fromEnv();
  // About the design until it is read; then a create or update of its connector (lib/services/workspace.ts).
  const attempt = new AuditAttempt(actorOf(requestPrincipal(req)), 'provision', api.config.backendKey).about({
    type: 'design',
    id,
  });
  let reapplied: { name: string } | null = null;
  const result = await audited(attempt, async () => {
    const { version } = parseInput(provisionContract.body, await readOptionalJsonObject(req), 'body');
    const head = await getDesign(id);
    // The version the linked connector already runs, sent again: a re-apply over drift.
    if (head && version !== undefined && version === head.provisioned_version && head.backend === api.config.backendKey)
      reapplied = { name: head.design.name };
    return provisionDesign(api, id, version, attempt);
  });
  if (reapplied) {
    const { name } = reapplied;
    await auditDesignChange(
      actorOf(requestPrincipal(req)),
      'reapply',
      { id, name },
      `Re-applied version ${result.version} to connector #${result.connector_id}`,
    );
  }
  return jsonResponse(result, 202);
});
