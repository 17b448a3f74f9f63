import { AlkiraApi } from '@/lib/alkira/api';
import { planConnector } from '@/lib/services/plan';
import { readJsonObject } from '@/lib/http/body';
import { planConnector as planContract } from '@/lib/contract';
import { parseInput, parseParams } from '@/lib/http/contract-input';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { parseDesignField } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/** POST { design } → { connector_id, changes, summary: { add, change, destroy, text }, unresolved? }: what Provision would change. */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(planContract.params, params);
  const body = await readJsonObject(req);
  parseInput(planContract.body, body, 'body');
  const design = parseDesignField(body);
  return jsonResponse(await planConnector(AlkiraApi.fromEnv(), id, design));
});
