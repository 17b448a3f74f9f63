import { AlkiraApi } from '@/lib/alkira/api';
import { exportModule } from '@/lib/services/export';
import { zipFiles } from '@/lib/connector/export/zip';
import { ApiError, withErrorHandling } from '@/lib/route/errors';
import { downloadHeaders, exportFormat, wantsDataSources } from '@/lib/http/export-params';
import { parseDesignId } from '@/lib/http/workspace-body';

export const dynamic = 'force-dynamic';

const MAX_DESIGNS = 500;

/** GET ?designs=1,2,3[&connectors=live][&data=names] → one module (.zip) with every design (and live connector). */
export const GET = withErrorHandling(async (req: Request) => {
  const q = new URL(req.url).searchParams;
  if (exportFormat(q, 'module') !== 'module')
    throw new ApiError(400, 'Several designs export as a module only (format=module)');
  const raw = (q.get('designs') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (raw.length > MAX_DESIGNS) throw new ApiError(413, `At most ${MAX_DESIGNS} designs per export`);
  const designIds = [...new Set(raw.map(parseDesignId))];
  const connectors = q.get('connectors');
  if (connectors !== null && connectors !== 'live')
    throw new ApiError(400, `Unknown connectors="${connectors}"; use connectors=live`);
  if (designIds.length === 0 && connectors !== 'live')
    throw new ApiError(400, 'Nothing to export: give ?designs=1,2,3 and/or ?connectors=live');
  const files = await exportModule(AlkiraApi.fromEnv(), {
    designIds,
    liveConnectors: connectors === 'live',
    dataSources: wantsDataSources(q),
  });
  return new Response(Buffer.from(zipFiles(files)), {
    headers: downloadHeaders('connectors-module.zip', 'application/zip'),
  });
});
