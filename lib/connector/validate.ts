/**
 * Validation entry points: the schema's findings as dotted-path errors, plus
 * the non-blocking warnings.
 */
import type { ConnectorDesign, DesignIssue, ValidationResult } from './design';
import { connectorDesignSchema } from './schema';
import { collectDesignWarnings } from './rules';
import { isRecord } from './rules/values';

export { collectDesignWarnings };

/** Validates a design or form state. Warnings are computed even when there are errors. */
export function validateDesign(input: unknown): ValidationResult {
  const result = connectorDesignSchema.safeParse(input);
  const errors: DesignIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  // The rules read raw form state too, so warnings do not need a successful parse.
  const warnings = result.success ? collectDesignWarnings(result.data) : isRecord(input) ? collectDesignWarnings(input as unknown as ConnectorDesign) : [];
  return { ok: errors.length === 0, errors, warnings };
}

/** The normalized design (integer strings as numbers, unset optional values dropped), or null when invalid. */
export function normalizeDesign(input: unknown): ConnectorDesign | null {
  const result = connectorDesignSchema.safeParse(input);
  return result.success ? result.data : null;
}
