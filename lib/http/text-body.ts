/**
 * Reads a plain-text request body (an uploaded .tf file) with a hard size
 * limit. Accepts text/plain, application/octet-stream (what `curl
 * --data-binary` and file pickers often send) and no content type; refuses
 * JSON and form bodies, other charsets, and bytes that are not UTF-8 text.
 */
import { ApiError } from './response';
import { readLimited } from './body';

export const MAX_TEXT_BODY_BYTES = 1024 * 1024;

const ACCEPTED_TYPES = new Set(['text/plain', 'application/octet-stream']);

function checkContentType(header: string | null): void {
  if (header === null || header.trim() === '') return;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (!ACCEPTED_TYPES.has(type)) {
    throw new ApiError(
      400,
      `Send the HCL as text/plain (got ${type}); for example: curl --data-binary @main.tf -H 'Content-Type: text/plain'`,
    );
  }
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
    throw new ApiError(400, `Only UTF-8 text is accepted (got charset ${charset})`);
  }
}

/** Control characters that never occur in a text file (tab, line breaks and form feed do). */
const BINARY_RE = /[\u0000-\u0008\u000e-\u001f]/;

/** The body as a string (a leading byte-order mark removed); 400 when it is not UTF-8 text, 413 when too large. */
export async function readTextBody(req: Request, limit = MAX_TEXT_BODY_BYTES): Promise<string> {
  checkContentType(req.headers.get('content-type'));
  const bytes = await readLimited(req, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, 'Request body is not valid UTF-8 text');
  }
  if (BINARY_RE.test(text))
    throw new ApiError(400, 'Request body looks binary (it contains control characters); send the .tf file as text');
  return text;
}
