// The embedded Alkira API emulator: `/emulator/api/...` stands for `https://<portal>/api/...`.
import { handleEmulatorApi } from '@/lib/emulator/server';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ path: string[] }> };

async function handle(req: Request, ctx: Context): Promise<Response> {
  const { path } = await ctx.params;
  return handleEmulatorApi(req, path);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
// Not used by the Alkira API; routed so it gets the same JSON 405 (with Allow) as any wrong method.
export const PATCH = handle;
