import { AlkiraApi } from '@/lib/alkira/api';
import { designsManaging } from '@/lib/services/workspace';
import { jsonResponse } from '@/lib/route/errors';
import { parseConnectorId, withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/** GET → { connector_id, designs: [{ id, name, version, provisioned_version }] }: the workspace designs that manage this connector. */
export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseConnectorId((await params).id);
  return jsonResponse(await designsManaging(AlkiraApi.fromEnv(), id));
});
