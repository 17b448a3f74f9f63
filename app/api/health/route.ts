import { loadAlkiraConfig } from '@/lib/alkira/config';
import { checkHealth } from '@/lib/alkira/health';
import { jsonResponse } from '@/lib/http/errors';
import { withErrorHandling } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (req: Request) => {
  const report = await checkHealth(loadAlkiraConfig(req.url));
  return jsonResponse(report, report.ok ? 200 : 503);
});
