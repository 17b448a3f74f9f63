import { readJsonObject } from '@/lib/http/body';
import { ApiError, withErrorHandling } from '@/lib/http/errors';
import { parseDesign } from '@/lib/connector/validate';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { parseHclRenderOptions } from '@/lib/connector/hcl-options';

export const dynamic = 'force-dynamic';

/** POST { design, options? } → the design's HCL as text/plain; 422 with the errors when the design is invalid. */
export const POST = withErrorHandling(async (req: Request) => {
  const body = await readJsonObject(req);
  if (body.design === null || typeof body.design !== 'object' || Array.isArray(body.design)) {
    throw new ApiError(400, 'Body must be { "design": { ... }, "options"?: { ... } } with the design as a JSON object');
  }
  const { options, errors: optionErrors } = parseHclRenderOptions(body.options);
  if (optionErrors.length > 0) throw new ApiError(422, 'Invalid HCL options', { errors: optionErrors });
  const result = parseDesign(body.design);
  if (!result.ok) {
    const named = result.unknownKeys.length > 0 ? `: ${result.unknownKeys.map((issue) => issue.message).join('; ')}` : '';
    throw new ApiError(422, `The design has ${result.errors.length} error(s)${named}`, { errors: result.errors, warnings: result.warnings });
  }
  const hcl = renderConnectorHcl(result.design, options);
  return new Response(hcl, {
    status: 200,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
});
