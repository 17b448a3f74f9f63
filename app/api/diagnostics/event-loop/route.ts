import { diagnosticsEnabled, eventLoopReport } from '@/lib/diagnostics/event-loop';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { subscriberCount } from '@/lib/services/events';
import { eventLoopDiagnostics } from '@/lib/contract';
import { parseQuery } from '@/lib/http/contract-input';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET → { maxDelayMs, p99DelayMs, meanDelayMs, rssBytes, eventStreams (open dashboard event streams) }; `?reset=1` starts a new window. 404 unless CONNECTOR_STUDIO_DIAGNOSTICS=1. */
export const GET = withErrorHandling(async (req: Request) => {
  const { reset } = parseQuery(eventLoopDiagnostics.query, req);
  const report = diagnosticsEnabled() ? eventLoopReport(reset === '1') : null;
  if (!report) throw new ApiError(404, 'Diagnostics are off (set CONNECTOR_STUDIO_DIAGNOSTICS=1)');
  return jsonResponse({ ...report, eventStreams: subscriberCount() });
});
