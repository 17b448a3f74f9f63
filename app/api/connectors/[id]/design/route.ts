import { AlkiraApi } from '@/lib/alkira/api';
import { getConnectorDesign } from '@/lib/services/connectors';
import { jsonResponse } from '@/lib/route/errors';
import { parseConnectorId, withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseConnectorId((await params).id);
  return jsonResponse(await getConnectorDesign(AlkiraApi.fromEnv(), id));
});
