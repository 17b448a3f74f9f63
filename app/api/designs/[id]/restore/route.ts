import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { parseDesignId } from '@/lib/http/workspace-body';
import { getDesign, restoreDesign } from '@/lib/store/designs';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';

export const dynamic = 'force-dynamic';

/** POST → undoes DELETE. */
export const POST = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  if (!(await restoreDesign(id))) throw new ApiError(404, `Design ${id} is not deleted`);
  const name = (await getDesign(id))?.design.name ?? `design ${id}`;
  await auditDesignChange(actorOf(requestPrincipal(req)), 'restore', { id, name }, 'Restored');
  return jsonResponse({ id, deleted: false });
});
