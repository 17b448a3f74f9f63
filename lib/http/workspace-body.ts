/**
 * Request bodies and parameters of the design workspace routes, parsed at
 * the boundary into strict types: `{design, note?, hcl?, base_version?}` —
 * the design validated with the shared `validateDesign`, its file text `hcl`
 * with `checkDesignFile` — route ids, version numbers.
 */
import { z } from 'zod';
import type { ConnectorDesign } from '@/lib/connector/design';
import {
  checkDesignFile,
  MAX_DESIGN_FILE_BYTES,
  utf8Length,
  type DesignFileProblem,
} from '@/lib/connector/design-file';
import { normalizeDesign, validateDesign } from '@/lib/connector/validate';
import { createDesignBody, MAX_NOTE_LENGTH, saveDesignBody } from '@/lib/contract/designs';
import { MAX_JSON_BODY_BYTES, readJsonObject, readLimited } from './body';
import { parseInput } from './contract-input';
import { ApiError } from './response';
import { itemAt } from '@/lib/util/indexing';

export { MAX_NOTE_LENGTH };

/**
 * The body of a create or save: everything but `hcl` within the JSON body
 * limit (1 MB), plus the file text in `hcl` (at most 1 MiB of UTF-8, as
 * `POST /api/hcl/parse` takes; JSON-escaped, line breaks and quotes take two
 * bytes, hence twice that).
 */
export const MAX_DESIGN_ENVELOPE_BYTES = MAX_JSON_BODY_BYTES + 2 * MAX_DESIGN_FILE_BYTES;

/** The top-level field that holds a file's text, exempt from the 10,000-character string limit. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(['hcl']);

export interface DesignEnvelope {
  design: ConnectorDesign;
  note: string;
  /** The version's .tf file text, exactly as sent; null when the body has none. */
  hcl: string | null;
  base_version?: number;
  /** A save of a stale base merged into the newer version: which version it merges with and the choice per conflict. */
  merge?: MergeRequest;
}

export interface MergeRequest {
  /** The newer version the merge was reviewed against (a still newer one answers 409 again). */
  theirs_version: number;
  /** Conflict id (from the 409's `merge.conflicts`) → whose value to keep. */
  resolutions: Record<string, 'theirs' | 'mine'>;
}

const mergeSchema = z.strictObject({
  theirs_version: z.unknown(),
  resolutions: z
    .record(z.string().max(10_000), z.enum(['theirs', 'mine']), {
      error: '"merge.resolutions" must map each conflict id to "theirs" or "mine"',
    })
    .default({}),
});

function parseMerge(value: unknown): MergeRequest {
  const result = mergeSchema.safeParse(value);
  if (!result.success) {
    const issue = itemAt(result.error.issues, 0, 'validation issue');
    throw new ApiError(
      400,
      `"merge" must be { theirs_version, resolutions: { "<conflict id>": "theirs" | "mine" } }: ${issue.message}`,
    );
  }
  return {
    theirs_version: parseVersion(result.data.theirs_version, 'merge.theirs_version'),
    resolutions: result.data.resolutions,
  };
}

/** The zod issue params of a refused file: the answer's status and every problem. */
interface DesignFileIssueParams {
  status: 413 | 422;
  problems: DesignFileProblem[];
}

/**
 * `hcl` of a create or save, for a design labelled `resourceName`: absent or
 * null (no file), or the file's text, which `checkDesignFile` must accept.
 */
export function designFileSchema(resourceName: string) {
  return z
    .string({ error: '"hcl" must be the text of the .tf file (a string), or null for none' })
    .nullish()
    .superRefine((text, ctx) => {
      if (text === null || text === undefined) return;
      const check = checkDesignFile(text, resourceName);
      if (check.ok) return;
      const params: DesignFileIssueParams = {
        status: check.problems.some((p) => p.kind === 'too-large') ? 413 : 422,
        problems: check.problems,
      };
      ctx.addIssue({ code: 'custom', message: check.summary, params });
    })
    .transform((text) => text ?? null);
}

/** `body.hcl` checked against the design: 400 for a wrong type, 413 when too large, 422 naming each problem (never a value). */
export function parseDesignFileField(body: Record<string, unknown>, design: ConnectorDesign): string | null {
  const result = designFileSchema(design.resource_name).safeParse(body.hcl);
  if (result.success) return result.data;
  const issue = itemAt(result.error.issues, 0, 'validation issue');
  if (issue.code !== 'custom') throw new ApiError(400, issue.message);
  const { status, problems } = issue.params as DesignFileIssueParams;
  throw new ApiError(status, issue.message, {
    errors: problems.map((p) => ({
      path: 'hcl',
      message: p.message,
      ...(p.line !== undefined ? { line: p.line, column: p.column } : {}),
    })),
  });
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

/** A version number from JSON or a query string; `what` names it in the message. */
export function parseVersion(value: unknown, what: string): number {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1e9) {
    throw new ApiError(400, `"${what}" must be a version number (1, 2, ...)`);
  }
  return n;
}

/** `{design, note?, hcl?}` (create) or `{design, base_version, note?, hcl?}` (update). */
export async function readDesignEnvelope(req: Request, opts: { needsBaseVersion: boolean }): Promise<DesignEnvelope> {
  const body = await readJsonObject(req, MAX_DESIGN_ENVELOPE_BYTES, { textFields: TEXT_FIELDS });
  // The envelope's fields as the contract (lib/contract) takes them; the design and its file are checked below.
  const saving = opts.needsBaseVersion ? parseInput(saveDesignBody, body, 'body') : null;
  const { note } = saving ?? parseInput(createDesignBody, body, 'body');
  const base_version: number | undefined = saving?.base_version;
  // The file's text may take the room above the JSON body limit; the rest may not.
  const { hcl: _file, ...rest } = body;
  const restBytes = utf8Length(JSON.stringify(rest));
  if (restBytes > MAX_JSON_BODY_BYTES) {
    throw new ApiError(413, `Request body without "hcl" is larger than ${Math.round(MAX_JSON_BODY_BYTES / 1024)} KB`);
  }
  const design = parseDesignField(body);
  const hcl = parseDesignFileField(body, design);
  const merge = opts.needsBaseVersion && body.merge !== undefined ? parseMerge(body.merge) : undefined;
  return { design, note, hcl, ...(base_version !== undefined ? { base_version } : {}), ...(merge ? { merge } : {}) };
}

/** A positive integer design id from the route, or 404. */
export function parseDesignId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw) || Number(raw) <= 0)
    throw new ApiError(404, `Design ${JSON.stringify(raw)} does not exist`);
  return Number(raw);
}

/** A JSON object body that may be absent (empty → `{}`); malformed → 400 like any other body. */
export async function readOptionalJsonObject(req: Request): Promise<Record<string, unknown>> {
  const bytes = await readLimited(req, MAX_JSON_BODY_BYTES);
  if (bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) return {};
  // Re-read the bytes as the caller sent them: same content type, same limits and checks.
  const contentType = req.headers.get('content-type');
  return readJsonObject(
    new Request('http://body.local/', {
      method: 'POST',
      body: new TextDecoder().decode(bytes),
      headers: contentType ? { 'content-type': contentType } : {},
    }),
  );
}
