/**
 * Reads a plain-text request body (an uploaded .tf file) with a hard size
 * limit. Accepts text/plain, application/octet-stream (what `curl
 * --data-binary` and file pickers often send) and no content type; refuses
 * JSON and form bodies, other charsets, and bytes that are not UTF-8 text.
 */
import { ApiError } from './errors';

export const MAX_TEXT_BODY_BYTES = 1024 * 1024;

const ACCEPTED_TYPES = new Set(['text/plain', 'application/octet-stream']);

function checkContentType(header: string | null): void {
  if (header === null || header.trim() === '') return;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (!ACCEPTED_TYPES.has(type)) {
    throw new ApiError(400, `Send the HCL as text/plain (got ${type}); for example: curl --data-binary @main.tf -H 'Content-Type: text/plain'`);
  }
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
    throw new ApiError(400, `Only UTF-8 text is accepted (got charset ${charset})`);
  }
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, `Request body is larger than ${Math.round(limit / 1024)} KB`);
}

async function readBytes(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // The declared length may lie or be absent (chunked): stop reading.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Control characters that never occur in a text file (tab, line breaks and form feed do). */
const BINARY_RE = /[\u0000-\u0008\u000e-\u001f]/;

/** The body as a string (a leading byte-order mark removed); 400 when it is not UTF-8 text, 413 when too large. */
export async function readTextBody(req: Request, limit = MAX_TEXT_BODY_BYTES): Promise<string> {
  checkContentType(req.headers.get('content-type'));
  const bytes = await readBytes(req, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, 'Request body is not valid UTF-8 text');
  }
  if (BINARY_RE.test(text)) throw new ApiError(400, 'Request body looks binary (it contains control characters); send the .tf file as text');
  return text;
}
