import { AlkiraApi } from '@/lib/alkira/api';
import { AlkiraHttpError } from '@/lib/alkira/errors';
import { fetchProvisionRequest } from '@/lib/services/summary';
import { getProvisionRequest } from '@/lib/contract';
import { parseParams } from '@/lib/http/contract-input';
import { ApiError, jsonResponse } from '@/lib/route/errors';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(getProvisionRequest.params, params);
  try {
    return jsonResponse(await fetchProvisionRequest(AlkiraApi.fromEnv(), id));
  } catch (err) {
    if (err instanceof AlkiraHttpError && err.status === 404)
      throw new ApiError(404, `Provision request ${id} does not exist`);
    throw err;
  }
});
