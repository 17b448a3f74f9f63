/** Query parameters of the export routes. */
import { ApiError } from './response';

export type ExportFormat = 'tf' | 'module';

export function exportFormat(params: URLSearchParams, fallback: ExportFormat): ExportFormat {
  const f = params.get('format') ?? fallback;
  if (f !== 'tf' && f !== 'module') throw new ApiError(400, `Unknown format "${f}"; use format=tf or format=module`);
  return f;
}

/** `?data=names`: catalog picks as data sources by name. */
export function wantsDataSources(params: URLSearchParams): boolean {
  const v = params.get('data');
  if (v === null || v === '' || v === 'ids') return false;
  if (v === 'names') return true;
  throw new ApiError(400, `Unknown data="${v}"; use data=names (catalog picks as data sources) or leave it out`);
}

export function downloadHeaders(name: string, type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  };
}
