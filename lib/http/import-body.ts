/**
 * The body of `POST /api/designs/import`: `{hcl, file_name?, resources?}` —
 * the .tf file's text (at most 1 MiB of UTF-8, as `POST /api/hcl/parse`
 * takes), the name it was read from (for the versions' note), and which of its
 * connector resources to import (their labels; every one when absent).
 */
import { MAX_DESIGN_FILE_BYTES, utf8Length } from '@/lib/connector/design-file';
import { MAX_JSON_BODY_BYTES, readJsonObject } from './body';
import { ApiError } from './response';

export interface ImportBody {
  hcl: string;
  fileName: string | null;
  resources: string[] | undefined;
}

const MAX_FILE_NAME = 255;
const MAX_RESOURCES = 1000;
const CONTROL = /[\u0000-\u001f\u007f]/;

export async function readImportBody(req: Request): Promise<ImportBody> {
  const body = await readJsonObject(req, MAX_JSON_BODY_BYTES + 2 * MAX_DESIGN_FILE_BYTES, { textFields: new Set(['hcl']) });
  const known = ['hcl', 'file_name', 'resources'];
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new ApiError(400, `Unknown field${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => JSON.stringify(k)).join(', ')}; expected ${known.join(', ')}`);
  if (typeof body.hcl !== 'string') throw new ApiError(400, '"hcl" must be the text of the .tf file (a string)');
  if (utf8Length(body.hcl) > MAX_DESIGN_FILE_BYTES) throw new ApiError(413, `"hcl" is larger than ${MAX_DESIGN_FILE_BYTES / 1024} KiB`);
  let fileName: string | null = null;
  if (body.file_name !== undefined && body.file_name !== null) {
    if (typeof body.file_name !== 'string' || body.file_name.length > MAX_FILE_NAME || CONTROL.test(body.file_name)) {
      throw new ApiError(400, `"file_name" must be a file name (at most ${MAX_FILE_NAME} characters, no control characters)`);
    }
    fileName = body.file_name.trim() || null;
  }
  let resources: string[] | undefined;
  if (body.resources !== undefined) {
    const list = body.resources;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_RESOURCES || !list.every((r): r is string => typeof r === 'string' && r.length <= 200)) {
      throw new ApiError(400, `"resources" must be a non-empty list of resource labels (at most ${MAX_RESOURCES})`);
    }
    resources = [...new Set(list)];
  }
  return { hcl: body.hcl, fileName, resources };
}
