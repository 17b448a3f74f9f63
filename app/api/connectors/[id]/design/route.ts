import { AlkiraApi } from '@/lib/alkira/api';
import { getConnectorDesign } from '@/lib/services/connectors';
import { jsonResponse } from '@/lib/route/errors';
import { connectorIdParams } from '@/lib/contract';
import { parseParams } from '@/lib/http/contract-input';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(connectorIdParams, params);
  return jsonResponse(await getConnectorDesign(AlkiraApi.fromEnv(), id));
});
