import { AlkiraApi } from '@/lib/alkira/api';
import { catalogItems, isCatalogKind } from '@/lib/alkira/catalog';
import { CATALOG_KINDS } from '@/lib/client/types';
import { ApiError, jsonResponse } from '@/lib/route/errors';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const { kind } = await params;
  if (!isCatalogKind(kind)) throw new ApiError(404, `Unknown catalog "${kind}"; one of: ${CATALOG_KINDS.join(', ')}`);
  return jsonResponse({ items: await catalogItems(AlkiraApi.fromEnv(), kind) });
});
