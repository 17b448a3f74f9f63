/**
 * The offline check of a design, as the designer shows it and as
 * `POST /api/designs/validate` answers it: the validator's errors and
 * warnings on the design the selected tunnel protocol sees, plus a warning
 * for each literal that reads like a Terraform reference. Pure: no React, no
 * DOM, no network (the tenant checks are ./tenant).
 */
import type { ConnectorDesign, DesignIssue, HclRenderOptions } from './design';
import { literalsBecomeVariables } from './hcl/psk';
import { withoutInactiveProtocolValues } from './protocol-values';
import { REFERENCE_LITERAL_MESSAGE, REFERENCE_LITERAL_RULE_ID, referenceLikeLiterals } from './reference-literals';
import { validateDesign } from './validate';

export interface DesignCheck {
  ok: boolean;
  errors: DesignIssue[];
  warnings: DesignIssue[];
  /** Paths of literal strings that look like Terraform references (each also a warning). */
  referenceLiterals: string[];
}

/** What the designer starts with, and what the API assumes: keys leave the file as sensitive variables. */
export const DEFAULT_CHECK_OPTIONS: Required<HclRenderOptions> = { omitDefaults: true, preSharedKeys: 'variable' };

/** The rules' "written inline" warning on a value the export keeps out of the file anyway (the description's `variable`). */
function isInlinePskWarning(issue: DesignIssue): boolean {
  return literalsBecomeVariables(issue.path.slice(issue.path.lastIndexOf('.') + 1)) && /inline/i.test(issue.message);
}

/** `formDesign` may be unchecked form state or a request body: every reader here is defensive. */
export function checkDesignOffline(
  formDesign: ConnectorDesign,
  options: Required<HclRenderOptions> = DEFAULT_CHECK_OPTIONS,
): DesignCheck {
  // Values of the protocol not in use are kept by the form but do not count.
  const design = withoutInactiveProtocolValues(formDesign);
  const result = validateDesign(design);
  const pskAsVariables = options.preSharedKeys === 'variable';
  // "Key written inline ends up in the .tf" does not hold while the export turns keys into variables.
  const ruleWarnings = pskAsVariables ? result.warnings.filter((w) => !isInlinePskWarning(w)) : result.warnings;
  const referenceLiterals = referenceLikeLiterals(design);
  return {
    ok: result.ok,
    errors: result.errors,
    warnings: [
      ...ruleWarnings,
      ...referenceLiterals.map((path) => ({
        path,
        message: REFERENCE_LITERAL_MESSAGE,
        ruleId: REFERENCE_LITERAL_RULE_ID,
      })),
    ],
    referenceLiterals,
  };
}
