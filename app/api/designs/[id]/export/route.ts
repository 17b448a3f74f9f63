import { AlkiraApi } from '@/lib/alkira/api';
import { exportModule, exportSingle } from '@/lib/services/export';
import { zipFiles } from '@/lib/connector/export/zip';
import { withErrorHandling } from '@/lib/route/errors';
import { exportDesign } from '@/lib/contract';
import { parseParams, parseQuery } from '@/lib/http/contract-input';
import { downloadHeaders } from '@/lib/http/export-params';

export const dynamic = 'force-dynamic';

/** GET ?format=tf|module[&data=names] → one .tf file, or the module as a .zip. */
export const GET = withErrorHandling(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await parseParams(exportDesign.params, params);
  const { format, data: dataSources } = parseQuery(exportDesign.query, req);
  const api = AlkiraApi.fromEnv();
  if (format === 'tf') {
    const { name, text } = await exportSingle(api, id, dataSources);
    return new Response(text, { headers: downloadHeaders(name, 'text/plain; charset=utf-8') });
  }
  const files = await exportModule(api, { designIds: [id], liveConnectors: false, dataSources });
  return new Response(Buffer.from(zipFiles(files)), {
    headers: downloadHeaders(`design-${id}-module.zip`, 'application/zip'),
  });
});
