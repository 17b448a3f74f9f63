import { ApiError, jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { parseDesignId } from '@/lib/http/workspace-body';
import { restoreDesign } from '@/lib/store/designs';

export const dynamic = 'force-dynamic';

/** POST → undoes DELETE. */
export const POST = withErrorHandling(async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  if (!(await restoreDesign(id))) throw new ApiError(404, `Design ${id} is not deleted`);
  return jsonResponse({ id, deleted: false });
});
