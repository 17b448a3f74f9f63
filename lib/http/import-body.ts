/**
 * The body of `POST /api/designs/import`: `{hcl, file_name?, resources?}` —
 * the .tf file's text (at most 1 MiB of UTF-8, as `POST /api/hcl/parse`
 * takes), the name it was read from (for the versions' note), and which of its
 * connector resources to import (their labels; every one when absent).
 * The fields are the contract's (lib/contract/designs.ts `importDesigns`).
 */
import { importDesigns } from '@/lib/contract/designs';
import { MAX_DESIGN_FILE_BYTES, utf8Length } from '@/lib/connector/design-file';
import { MAX_JSON_BODY_BYTES, readJsonObject } from './body';
import { parseInput } from './contract-input';
import { ApiError } from './response';

export interface ImportBody {
  hcl: string;
  fileName: string | null;
  resources: string[] | undefined;
}

export async function readImportBody(req: Request): Promise<ImportBody> {
  const body = await readJsonObject(req, MAX_JSON_BODY_BYTES + 2 * MAX_DESIGN_FILE_BYTES, {
    textFields: new Set(['hcl']),
  });
  const { hcl, file_name, resources } = parseInput(importDesigns.body, body, 'body');
  if (utf8Length(hcl) > MAX_DESIGN_FILE_BYTES)
    throw new ApiError(413, `"hcl" is larger than ${MAX_DESIGN_FILE_BYTES / 1024} KiB`);
  return { hcl, fileName: file_name, resources };
}
