import { loadAlkiraConfig } from '@/lib/alkira/config';
import { checkHealth } from '@/lib/services/health';
import { jsonResponse } from '@/lib/route/errors';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async () => {
  const report = await checkHealth(loadAlkiraConfig());
  return jsonResponse(report, report.ok ? 200 : 503);
});
