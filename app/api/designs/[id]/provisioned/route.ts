import { AlkiraApi } from '@/lib/alkira/api';
import { linkProvisioned } from '@/lib/services/workspace';
import { readJsonObject } from '@/lib/http/body';
import { jsonResponse, parseConnectorId, withErrorHandling } from '@/lib/route/errors';
import { ApiError } from '@/lib/http/response';
import { parseDesignId, parseVersion } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/**
 * POST { connector_id, version } → { id, connector_id, provisioned_version, pending_version }: links the version to
 * a connector provisioned via /api/connectors (pending until the app's request for it succeeds; 409 when it failed).
 */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  const body = await readJsonObject(req);
  if (typeof body.connector_id !== 'number' && typeof body.connector_id !== 'string') throw new ApiError(400, '"connector_id" is required');
  const connectorId = parseConnectorId(String(body.connector_id));
  const version = parseVersion(body.version, 'version');
  return jsonResponse(await linkProvisioned(AlkiraApi.fromEnv(), id, connectorId, version));
});
