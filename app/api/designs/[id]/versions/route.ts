import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { parseDesignId } from '@/lib/http/workspace-body';
import { listVersions } from '@/lib/store/designs';

export const dynamic = 'force-dynamic';

/** GET → { versions: [{ version, note, created_at }] }, newest first. */
export const GET = withErrorHandling(async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  const versions = await listVersions(id);
  if (!versions) throw new ApiError(404, `Design ${id} does not exist`);
  return jsonResponse({ id, versions });
});
