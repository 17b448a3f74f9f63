import { AlkiraApi } from '@/lib/alkira/api';
import { catalogItems } from '@/lib/alkira/catalog';
import { catalog } from '@/lib/contract';
import { parseParams } from '@/lib/http/contract-input';
import { jsonResponse } from '@/lib/route/errors';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const { kind } = await parseParams(catalog.params, params);
  return jsonResponse({ items: await catalogItems(AlkiraApi.fromEnv(), kind) });
});
