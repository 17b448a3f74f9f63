import { AlkiraApi } from '@/lib/alkira/api';
import { exportModule } from '@/lib/services/export';
import { zipFiles } from '@/lib/connector/export/zip';
import { exportModuleQuery } from '@/lib/contract';
import { withErrorHandling } from '@/lib/route/errors';
import { parseQuery } from '@/lib/http/contract-input';
import { downloadHeaders } from '@/lib/http/export-params';

export const dynamic = 'force-dynamic';

/** GET ?designs=1,2,3[&connectors=live][&data=names] → one module (.zip) with every design (and live connector). */
export const GET = withErrorHandling(async (req: Request) => {
  const query = parseQuery(exportModuleQuery, req);
  const files = await exportModule(AlkiraApi.fromEnv(), {
    designIds: query.designs ?? [],
    liveConnectors: query.connectors === 'live',
    dataSources: query.data === 'names',
  });
  return new Response(Buffer.from(zipFiles(files)), {
    headers: downloadHeaders('connectors-module.zip', 'application/zip'),
  });
});
