/**
 * A connector design from a request body (read with `readJsonObject`:
 * 400/413/415 from the body reader), 422 with every validation error path
 * from `parseDesign`. The routes read the body first so that a refused design's
 * audit entry can name the connector it was for.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { parseDesign } from '@/lib/connector/validate';
import { ApiError } from './response';

/** A parsed JSON body as a design, or 422 naming every problem. */
export function designFromBody(body: Record<string, unknown>): ConnectorDesign {
  const result = parseDesign(body);
  if (!result.ok) {
    const n = result.errors.length;
    throw new ApiError(422, `The design has ${n} error${n === 1 ? '' : 's'}`, { errors: result.errors });
  }
  // Normalized: numeric strings as numbers, unset optional values dropped.
  return result.design;
}

/** The body's `name` when it is a string (what an audit entry of a refused design is about), else ''. */
export function nameIn(body: Record<string, unknown>): string {
  return typeof body.name === 'string' ? body.name : '';
}
