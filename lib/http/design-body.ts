/**
 * Reads and validates a connector design body: 400/413 from the body reader,
 * 422 with every validation error path from `validateDesign`.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { normalizeDesign, validateDesign } from '@/lib/connector/validate';
import { readJsonObject } from './body';
import { ApiError } from './response';

export async function readDesign(req: Request): Promise<ConnectorDesign> {
  const input = await readJsonObject(req);
  const result = validateDesign(input);
  if (!result.ok) {
    const n = result.errors.length;
    throw new ApiError(422, `The design has ${n} error${n === 1 ? '' : 's'}`, { errors: result.errors });
  }
  // Normalized: numeric strings as numbers, unset optional values dropped.
  return normalizeDesign(input) ?? (input as unknown as ConnectorDesign);
}
