/**
 * What `POST /api/designs/validate` (offline part) and `POST /api/designs/hcl`
 * compute from their JSON bodies: pure, so the same code runs on the request
 * thread for small bodies and in a worker thread for large ones
 * (./off-thread.ts). Problems are ApiErrors, as the routes answer them.
 */
import { checkDesignOffline } from '@/lib/connector/check';
import { parseHclRenderOptions } from '@/lib/connector/hcl-options';
import { OperationError } from '@/lib/connector/hcl/document/operations';
import { HclDocumentError, UnknownResourceError, updateConnectorInHcl } from '@/lib/connector/hcl/document/update';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { parseDesign } from '@/lib/connector/validate';
import { designSchema, renderHclBody, type DesignCheckResponse } from '@/lib/contract';
import { parseInput } from '@/lib/http/contract-input';
import { ApiError } from '@/lib/http/response';

/** The designer's offline check of a design body; 422 naming keys the resource does not have. */
export function checkDesignBody(body: Record<string, unknown>): DesignCheckResponse {
  const design = parseInput(designSchema, body, 'body');
  const { unknownKeys, errors: parseErrors, warnings: parseWarnings } = parseDesign(design);
  if (unknownKeys.length > 0) {
    throw new ApiError(422, unknownKeys.map((issue) => issue.message).join('; '), {
      errors: parseErrors,
      warnings: parseWarnings,
    });
  }
  // The body is a JSON object; the check reads it defensively, as it reads form state.
  const { errors, warnings } = checkDesignOffline(design);
  return { ok: errors.length === 0, errors, warnings };
}

/** `{ design, options?, source?, resource? }` → the HCL: the design rendered, or `source` with the resource updated in place. */
export function renderDesignBody(body: Record<string, unknown>): string {
  const { design, options: rawOptions, source, resource } = parseInput(renderHclBody, body, 'body');
  const { options, errors: optionErrors } = parseHclRenderOptions(rawOptions);
  if (optionErrors.length > 0) throw new ApiError(422, 'Invalid HCL options', { errors: optionErrors });
  const result = parseDesign(design);
  if (!result.ok) {
    const named =
      result.unknownKeys.length > 0 ? `: ${result.unknownKeys.map((issue) => issue.message).join('; ')}` : '';
    throw new ApiError(422, `The design has ${result.errors.length} error(s)${named}`, {
      errors: result.errors,
      warnings: result.warnings,
    });
  }
  if (source === undefined) return renderConnectorHcl(result.design, options);
  try {
    return updateConnectorInHcl(source, result.design, { ...options, resource });
  } catch (e) {
    if (e instanceof UnknownResourceError) throw new ApiError(404, e.message);
    if (e instanceof HclDocumentError) throw new ApiError(422, `"source" cannot be read as HCL: ${e.message}`);
    if (e instanceof OperationError)
      throw new ApiError(
        422,
        `The design cannot be written into "source" at ${e.path.join('.') || 'the resource'}: ${e.message}`,
      );
    throw e;
  }
}
