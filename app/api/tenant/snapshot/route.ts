import { AlkiraApi } from '@/lib/alkira/api';
import { tenantView } from '@/lib/services/tenant-snapshot';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

/**
 * GET → the tenant as the designer's tenant checks read it
 * (lib/connector/tenant/wire.ts: each connector's id, name, vHub prefix and
 * loopback subnets; the catalog's ids and names; nothing secret), from the
 * same cache as `POST /api/designs/validate?tenant=1`. With an `ETag`: a
 * request whose `If-None-Match` names the current one is a 304, so the
 * designer revalidates its copy for the price of a header. `private,
 * no-cache`: the browser keeps it for this user and asks again every time.
 */
export const GET = withErrorHandling(async (req: Request) => {
  const { json, etag } = (await tenantView(AlkiraApi.fromEnv())).wire;
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache', Vary: 'Cookie' };
  const asked = req.headers.get('if-none-match');
  if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
    return new Response(null, { status: 304, headers });
  return new Response(json, { status: 200, headers: { ...headers, 'Content-Type': 'application/json' } });
});
