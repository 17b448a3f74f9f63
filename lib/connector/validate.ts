/**
 * Validation entry points: the schema's findings as dotted-path errors, plus
 * the non-blocking warnings. `parseDesign` is the boundary: unchecked input
 * (a request body, form values, an imported file) in, a strict design out.
 */
import type { ConnectorDesign, DesignIssue, ValidationResult } from './design';
import { connectorDesignSchema, RULE_ID_PARAM, UNKNOWN_KEY_PARAM } from './schema';
import { collectDesignWarnings } from './rules';
import { isRecord } from '@/lib/util/records';

export { collectDesignWarnings };

export type ParsedDesign =
  | { ok: true; design: ConnectorDesign; errors: []; unknownKeys: []; warnings: DesignIssue[] }
  | {
      ok: false;
      design?: undefined;
      errors: DesignIssue[];
      /** The errors that name keys the resource does not have (a malformed body rather than a design mistake). */
      unknownKeys: DesignIssue[];
      warnings: DesignIssue[];
    };

/** Parses unchecked input once: the normalized design, or every error; warnings either way. */
export function parseDesign(input: unknown): ParsedDesign {
  const result = connectorDesignSchema.safeParse(input);
  if (result.success) {
    return { ok: true, design: result.data, errors: [], unknownKeys: [], warnings: collectDesignWarnings(result.data) };
  }
  const errors: DesignIssue[] = [];
  const unknownKeys: DesignIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    const ruleId = issue.code === 'custom' ? issue.params?.[RULE_ID_PARAM] : undefined;
    errors.push(
      typeof ruleId === 'string' ? { path, message: issue.message, ruleId } : { path, message: issue.message },
    );
    if (issue.code === 'custom' && issue.params?.[UNKNOWN_KEY_PARAM] === true)
      unknownKeys.push({ path, message: issue.message });
  }
  // The rules read raw form state too, so warnings do not need a successful parse.
  return { ok: false, errors, unknownKeys, warnings: isRecord(input) ? collectDesignWarnings(input) : [] };
}

/** Validates a design or form state. Warnings are computed even when there are errors. */
export function validateDesign(input: unknown): ValidationResult {
  const { ok, errors, warnings } = parseDesign(input);
  return { ok, errors, warnings };
}

/** The normalized design (integer strings as numbers, unset optional values dropped), or null when invalid. */
export function normalizeDesign(input: unknown): ConnectorDesign | null {
  const result = connectorDesignSchema.safeParse(input);
  return result.success ? result.data : null;
}
