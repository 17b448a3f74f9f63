import { AlkiraApi } from '@/lib/alkira/api';
import { designDrift } from '@/lib/services/workspace';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { designIdParams } from '@/lib/contract';
import { parseParams } from '@/lib/http/contract-input';

export const dynamic = 'force-dynamic';

/** GET → { connector_id, provisioned_version, connector_missing, drifted, changes } (provisioned version → live). */
export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(designIdParams, params);
  return jsonResponse(await designDrift(AlkiraApi.fromEnv(), id));
});
