import { AlkiraApi } from '@/lib/alkira/api';
import { requireDesign } from '@/lib/alkira/workspace';
import { readJsonObject } from '@/lib/http/body';
import { jsonResponse, parseConnectorId, withErrorHandling } from '@/lib/http/errors';
import { ApiError } from '@/lib/http/response';
import { parseDesignId, parseVersion } from '@/lib/http/workspace-body';
import { recordProvisioned } from '@/lib/store/designs';

export const dynamic = 'force-dynamic';

/** POST { connector_id, version } → records that this version now runs on that connector (after provisioning it via /api/connectors). */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  const body = await readJsonObject(req);
  if (typeof body.connector_id !== 'number' && typeof body.connector_id !== 'string') throw new ApiError(400, '"connector_id" is required');
  const connectorId = parseConnectorId(String(body.connector_id));
  const version = parseVersion(body.version, 'version');
  await requireDesign(id, version);
  const api = AlkiraApi.fromEnv(req.url);
  if (!(await recordProvisioned(id, connectorId, version, api.config.backendKey))) throw new ApiError(404, `Design ${id} does not exist`);
  return jsonResponse({ id, connector_id: connectorId, provisioned_version: version });
});
