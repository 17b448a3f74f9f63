import { AlkiraApi } from '@/lib/alkira/api';
import { linkProvisioned } from '@/lib/services/workspace';
import { readJsonObject } from '@/lib/http/body';
import { linkProvisioned as linkContract } from '@/lib/contract';
import { parseInput, parseParams } from '@/lib/http/contract-input';
import { jsonResponse, parseConnectorId, withErrorHandling } from '@/lib/route/errors';

export const dynamic = 'force-dynamic';

/**
 * POST { connector_id, version } → { id, connector_id, provisioned_version, pending_version }: links the version to
 * a connector provisioned via /api/connectors (pending until the app's request for it succeeds; 409 when it failed).
 */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(linkContract.params, params);
  const body = parseInput(linkContract.body, await readJsonObject(req), 'body');
  const connectorId = parseConnectorId(body.connector_id);
  const { version } = body;
  return jsonResponse(await linkProvisioned(AlkiraApi.fromEnv(), id, connectorId, version));
});
