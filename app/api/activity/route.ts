import { AlkiraApi } from '@/lib/alkira/api';
import { listActivity } from '@/lib/services/activity';
import { activity } from '@/lib/contract';
import { parseQuery } from '@/lib/http/contract-input';
import { jsonResponse } from '@/lib/route/errors';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/** `?user=<user id>&connector=<connector id>&limit=` → `{ entries, users, connectors }`, newest first. */
export const GET = withErrorHandling(async (req: Request) => {
  const { user, connector, limit } = parseQuery(activity.query, req);
  return jsonResponse(await listActivity(AlkiraApi.fromEnv(), { actorId: user, connectorId: connector, limit }));
});
