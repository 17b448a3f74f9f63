import { AlkiraApi } from '@/lib/alkira/api';
import { adoptLiveValues, adoptPreview } from '@/lib/services/workspace-adopt';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { parseDesignId, parseVersion, readOptionalJsonObject } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** GET → { connector_id, provisioned_version, latest_version, version, changes }: what adopting the live values would save (latest → live). */
export const GET = withErrorHandling(async (_req: Request, { params }: Ctx) => {
  const id = parseDesignId((await params).id);
  return jsonResponse(await adoptPreview(AlkiraApi.fromEnv(), id));
});

/** POST { base_version } → { version, connector_id, note }: the live values saved as the next version, which the connector now runs. */
export const POST = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseDesignId((await params).id);
  const body = await readOptionalJsonObject(req);
  const unknown = Object.keys(body).filter((k) => k !== 'base_version');
  if (unknown.length > 0) throw new ApiError(400, `Unknown field ${JSON.stringify(unknown[0])}; expected base_version`);
  if (body.base_version === undefined) throw new ApiError(400, '"base_version" is required: the latest version the preview was of');
  const baseVersion = parseVersion(body.base_version, 'base_version');
  const { name, ...adopted } = await adoptLiveValues(AlkiraApi.fromEnv(), id, baseVersion);
  await auditDesignChange(actorOf(requestPrincipal(req)), 'adopt', { id, name }, `Saved version ${adopted.version}: ${adopted.note}`);
  return jsonResponse({ id, ...adopted });
});
