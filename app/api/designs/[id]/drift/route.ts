import { AlkiraApi } from '@/lib/alkira/api';
import { designDrift } from '@/lib/services/workspace';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { parseDesignId } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/** GET → { connector_id, provisioned_version, connector_missing, drifted, changes } (provisioned version → live). */
export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  return jsonResponse(await designDrift(AlkiraApi.fromEnv(), id));
});
