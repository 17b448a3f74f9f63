/**
 * Reads and validates a connector design body: 400/413 from the body reader,
 * 422 with every validation error path from `parseDesign`.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { parseDesign } from '@/lib/connector/validate';
import { readJsonObject } from './body';
import { ApiError } from './response';

export async function readDesign(req: Request): Promise<ConnectorDesign> {
  const result = parseDesign(await readJsonObject(req));
  if (!result.ok) {
    const n = result.errors.length;
    throw new ApiError(422, `The design has ${n} error${n === 1 ? '' : 's'}`, { errors: result.errors });
  }
  // Normalized: numeric strings as numbers, unset optional values dropped.
  return result.design;
}
