/**
 * Reads a JSON object request body with a hard size limit, so a client cannot
 * make the server buffer an arbitrarily large upload, and within the nesting,
 * array, string and key limits of `./limits`.
 */
import { ApiError } from './response';
import { parseJsonWithinLimits, REQUEST_LIMITS, type JsonLimitOptions } from './limits';
import { firstField } from '@/lib/util/indexing';

export const MAX_JSON_BODY_BYTES = REQUEST_LIMITS.bodyBytes;

/** The raw body, refusing (413) more than `limit` bytes whether or not Content-Length is declared. */
export async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
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
      // Stop reading (the declared length may have lied or been absent).
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, `Request body is larger than ${Math.round(limit / 1024)} KB`);
}

/** JSON bodies are `application/json` (or a `+json` type); no content type is taken as JSON too. */
function checkJsonContentType(header: string | null): void {
  const type = firstField(header ?? '', ';')
    .trim()
    .toLowerCase();
  if (type === '' || type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))) return;
  throw new ApiError(415, `Send the body as JSON with Content-Type: application/json (got ${type.slice(0, 100)})`);
}

/** The body's text (JSON content type, within `limit`, UTF-8, not blank); 415/413/400 otherwise. */
export async function readJsonText(req: Request, limit = MAX_JSON_BODY_BYTES): Promise<string> {
  checkJsonContentType(req.headers.get('content-type'));
  const bytes = await readLimited(req, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'Request body is not valid UTF-8');
  }
  if (text.trim() === '') throw new ApiError(400, 'Request body is empty; expected a JSON object');
  return text;
}

/** `text` as a JSON object within the request limits; 400 naming what is wrong otherwise. */
export function jsonObjectFromText(text: string, options: JsonLimitOptions = {}): Record<string, unknown> {
  const reading = parseJsonWithinLimits(text, REQUEST_LIMITS, options);
  if (!reading.ok) throw new ApiError(400, reading.message);
  const parsed = reading.value;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(400, 'Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * The parsed body; 400 when it is empty, not JSON, or not a JSON object; 413 when too large.
 * `options.textFields`: top-level keys that may hold a whole file's text (see `JsonLimitOptions`).
 */
export async function readJsonObject(
  req: Request,
  limit = MAX_JSON_BODY_BYTES,
  options: JsonLimitOptions = {},
): Promise<Record<string, unknown>> {
  return jsonObjectFromText(await readJsonText(req, limit), options);
}
