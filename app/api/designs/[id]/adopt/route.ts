import { AlkiraApi } from '@/lib/alkira/api';
import { adoptLiveValues, adoptPreview } from '@/lib/services/workspace-adopt';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';
import { adoptDesign, designIdParams } from '@/lib/contract';
import { parseInput, parseParams } from '@/lib/http/contract-input';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { readOptionalJsonObject } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** GET → { connector_id, provisioned_version, latest_version, version, changes }: what adopting the live values would save (latest → live). */
export const GET = withErrorHandling(async (_req: Request, { params }: Ctx) => {
  const { id } = await parseParams(designIdParams, params);
  return jsonResponse(await adoptPreview(AlkiraApi.fromEnv(), id));
});

/** POST { base_version } → { version, connector_id, note }: the live values saved as the next version, which the connector now runs. */
export const POST = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const { id } = await parseParams(designIdParams, params);
  const { base_version: baseVersion } = parseInput(adoptDesign.body, await readOptionalJsonObject(req), 'body');
  const { name, ...adopted } = await adoptLiveValues(AlkiraApi.fromEnv(), id, baseVersion);
  await auditDesignChange(
    actorOf(requestPrincipal(req)),
    'adopt',
    { id, name },
    `Saved version ${adopted.version}: ${adopted.note}`,
  );
  return jsonResponse({ id, ...adopted });
});
