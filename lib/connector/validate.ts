// STUB — to be replaced by the schema/rules implementation.
import type { ValidationResult } from './design';

export function validateDesign(_input: unknown): ValidationResult {
  return { ok: true, errors: [], warnings: [] };
}
