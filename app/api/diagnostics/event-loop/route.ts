import { diagnosticsEnabled, eventLoopReport } from '@/lib/diagnostics/event-loop';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { subscriberCount } from '@/lib/services/events';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET → { maxDelayMs, p99DelayMs, meanDelayMs, rssBytes, eventStreams (open dashboard event streams) }; `?reset=1` starts a new window. 404 unless CONNECTOR_STUDIO_DIAGNOSTICS=1. */
export const GET = withErrorHandling(async (req: Request) => {
  const report = diagnosticsEnabled() ? eventLoopReport(new URL(req.url).searchParams.get('reset') === '1') : null;
  if (!report) throw new ApiError(404, 'Diagnostics are off (set CONNECTOR_STUDIO_DIAGNOSTICS=1)');
  return jsonResponse({ ...report, eventStreams: subscriberCount() });
});
