import { versionDiff } from '@/lib/services/workspace';
import { designDiff } from '@/lib/contract';
import { parseParams, parseQuery } from '@/lib/http/contract-input';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';

export const dynamic = 'force-dynamic';

/** GET ?from=N&to=M → { changes: [{ path, action, before?, after? }] } (sensitive values as "(sensitive)"). */
export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(designDiff.params, params);
  const { from, to } = parseQuery(designDiff.query, req);
  return jsonResponse({ id, from, to, changes: await versionDiff(id, from, to) });
});
