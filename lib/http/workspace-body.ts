/**
 * Request bodies and parameters of the design workspace routes, parsed at
 * the boundary into strict types: `{design, note?, base_version?}` validated
 * with the shared `validateDesign`, route ids, version numbers.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { normalizeDesign, validateDesign } from '@/lib/connector/validate';
import { MAX_JSON_BODY_BYTES, readJsonObject, readLimited } from './body';
import { ApiError } from './response';

export const MAX_NOTE_LENGTH = 2000;

export interface DesignEnvelope {
  design: ConnectorDesign;
  note: string;
  base_version?: number;
}

/** The design in `body.design`, validated (422 with every error path) and normalized. */
export function parseDesignField(body: Record<string, unknown>): ConnectorDesign {
  const input = body.design;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ApiError(400, 'Body must have "design" as a JSON object');
  }
  const result = validateDesign(input);
  if (!result.ok) {
    const n = result.errors.length;
    throw new ApiError(422, `The design has ${n} error${n === 1 ? '' : 's'}`, {
      errors: result.errors.map((e) => ({ ...e, path: `design.${e.path}` })),
    });
  }
  const design = normalizeDesign(input);
  if (!design) throw new ApiError(422, 'The design is not valid');
  return design;
}

function parseNote(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ApiError(400, '"note" must be a string');
  if (value.length > MAX_NOTE_LENGTH) throw new ApiError(413, `"note" is longer than ${MAX_NOTE_LENGTH} characters`);
  return value;
}

/** A version number from JSON or a query string; `what` names it in the message. */
export function parseVersion(value: unknown, what: string): number {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1e9) {
    throw new ApiError(400, `"${what}" must be a version number (1, 2, ...)`);
  }
  return n;
}

/** `{design, note?}` (create) or `{design, base_version, note?}` (update). */
export async function readDesignEnvelope(req: Request, opts: { needsBaseVersion: boolean }): Promise<DesignEnvelope> {
  const body = await readJsonObject(req);
  const known = new Set(['design', 'note', ...(opts.needsBaseVersion ? ['base_version'] : [])]);
  const unknown = Object.keys(body).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new ApiError(400, `Unknown field${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => JSON.stringify(k)).join(', ')}; expected ${[...known].join(', ')}`);
  const note = parseNote(body.note);
  let base_version: number | undefined;
  if (opts.needsBaseVersion) {
    if (body.base_version === undefined) throw new ApiError(400, '"base_version" is required: the version your edit started from');
    base_version = parseVersion(body.base_version, 'base_version');
  }
  return { design: parseDesignField(body), note, ...(base_version !== undefined ? { base_version } : {}) };
}

/** A positive integer design id from the route, or 404. */
export function parseDesignId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) <= 0) throw new ApiError(404, `Design ${JSON.stringify(raw)} does not exist`);
  return Number(raw);
}

/** A JSON object body that may be absent (empty → `{}`); malformed → 400 like any other body. */
export async function readOptionalJsonObject(req: Request): Promise<Record<string, unknown>> {
  const bytes = await readLimited(req, MAX_JSON_BODY_BYTES);
  if (bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) return {};
  // Re-read the bytes as the caller sent them: same content type, same limits and checks.
  const contentType = req.headers.get('content-type');
  return readJsonObject(new Request('http://body.local/', { method: 'POST', body: new TextDecoder().decode(bytes), headers: contentType ? { 'content-type': contentType } : {} }));
}
