import { readJsonObject } from '@/lib/http/body';
import { ApiError, withErrorHandling } from '@/lib/http/errors';
import { parseDesign } from '@/lib/connector/validate';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { parseHclRenderOptions } from '@/lib/connector/hcl-options';
import { OperationError } from '@/lib/connector/hcl/document/operations';
import { HclDocumentError, UnknownResourceError, updateConnectorInHcl } from '@/lib/connector/hcl/document/update';

export const dynamic = 'force-dynamic';

/** An existing .tf file may be larger than a design alone; the whole body stays bounded. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;
const MAX_SOURCE_CHARS = 2 * 1024 * 1024;

function readSource(body: Record<string, unknown>): { source?: string; resource?: string } {
  const { source, resource } = body;
  if (source !== undefined && typeof source !== 'string') throw new ApiError(400, '"source" must be the text of a .tf file (a string)');
  if (resource !== undefined && (typeof resource !== 'string' || resource === '')) throw new ApiError(400, '"resource" must be the label of a connector resource (a non-empty string)');
  if (resource !== undefined && source === undefined) throw new ApiError(400, '"resource" names a resource of "source"; send "source" too');
  if (source !== undefined && source.length > MAX_SOURCE_CHARS) {
    throw new ApiError(413, `"source" is ${source.length} characters; at most ${MAX_SOURCE_CHARS} are accepted`);
  }
  return { source, resource };
}

/**
 * POST { design, options?, source?, resource? } → HCL as text/plain: the design rendered, or — with
 * `source` — that file with the connector resource (`resource`, when it has several) updated in place.
 * 422 with the errors when the design is invalid or the source cannot be read; 404 for an unknown resource.
 */
export const POST = withErrorHandling(async (req: Request) => {
  const body = await readJsonObject(req, MAX_BODY_BYTES);
  if (body.design === null || typeof body.design !== 'object' || Array.isArray(body.design)) {
    throw new ApiError(400, 'Body must be { "design": { ... }, "options"?: { ... }, "source"?: "<.tf text>", "resource"?: "<label>" } with the design as a JSON object');
  }
  const { source, resource } = readSource(body);
  const { options, errors: optionErrors } = parseHclRenderOptions(body.options);
  if (optionErrors.length > 0) throw new ApiError(422, 'Invalid HCL options', { errors: optionErrors });
  const result = parseDesign(body.design);
  if (!result.ok) {
    const named = result.unknownKeys.length > 0 ? `: ${result.unknownKeys.map((issue) => issue.message).join('; ')}` : '';
    throw new ApiError(422, `The design has ${result.errors.length} error(s)${named}`, { errors: result.errors, warnings: result.warnings });
  }
  const design = result.design;
  let hcl: string;
  if (source === undefined) {
    hcl = renderConnectorHcl(design, options);
  } else {
    try {
      hcl = updateConnectorInHcl(source, design, { ...options, resource });
    } catch (e) {
      if (e instanceof UnknownResourceError) throw new ApiError(404, e.message);
      if (e instanceof HclDocumentError) throw new ApiError(422, `"source" cannot be read as HCL: ${e.message}`);
      if (e instanceof OperationError) throw new ApiError(422, `The design cannot be written into "source" at ${e.path.join('.') || 'the resource'}: ${e.message}`);
      throw e;
    }
  }
  return new Response(hcl, {
    status: 200,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
});
