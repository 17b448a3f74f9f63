import { AlkiraApi } from '@/lib/alkira/api';
import { designsManaging } from '@/lib/services/workspace';
import { jsonResponse } from '@/lib/route/errors';
import { connectorIdParams } from '@/lib/contract';
import { parseParams } from '@/lib/http/contract-input';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/** GET → { connector_id, designs: [{ id, name, version, provisioned_version }] }: the workspace designs that manage this connector. */
export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(connectorIdParams, params);
  return jsonResponse(await designsManaging(AlkiraApi.fromEnv(), id));
});
