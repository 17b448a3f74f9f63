import { AlkiraApi } from '@/lib/alkira/api';
import { listActivity, parseActivityQuery } from '@/lib/services/activity';
import { jsonResponse } from '@/lib/route/errors';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/** `?user=<user id>&connector=<connector id>&limit=` → `{ entries, users, connectors }`, newest first. */
export const GET = withErrorHandling(async (req: Request) => {
  const query = parseActivityQuery(new URL(req.url));
  return jsonResponse(await listActivity(AlkiraApi.fromEnv(), query));
});
