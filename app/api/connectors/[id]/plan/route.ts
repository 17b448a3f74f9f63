import { AlkiraApi } from '@/lib/alkira/api';
import { planConnector } from '@/lib/services/plan';
import { readJsonObject } from '@/lib/http/body';
import { jsonResponse, parseConnectorId, withErrorHandling } from '@/lib/route/errors';
import { parseDesignField } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/** POST { design } → { connector_id, changes, summary: { add, change, destroy, text }, unresolved? }: what Provision would change. */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseConnectorId((await params).id);
  const design = parseDesignField(await readJsonObject(req));
  return jsonResponse(await planConnector(AlkiraApi.fromEnv(), id, design));
});
