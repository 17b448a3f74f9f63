import { versionDiff } from '@/lib/services/workspace';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { parseDesignId, parseVersion } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

/** GET ?from=N&to=M → { changes: [{ path, action, before?, after? }] } (sensitive values as "(sensitive)"). */
export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseDesignId((await params).id);
  const q = new URL(req.url).searchParams;
  if (q.get('from') === null || q.get('to') === null) throw new ApiError(400, 'Give both versions: ?from=N&to=M');
  const from = parseVersion(q.get('from'), 'from');
  const to = parseVersion(q.get('to'), 'to');
  return jsonResponse({ id, from, to, changes: await versionDiff(id, from, to) });
});
