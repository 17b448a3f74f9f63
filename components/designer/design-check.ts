/**
 * The one check of a document version's design: the validator's errors and
 * warnings. The designer runs it once per version (in a Web Worker when it
 * can, see ./document-check.ts) and every view reads this result: the fields,
 * the error summary, the topology and the provision panel. Pure: no React, no
 * DOM.
 */
import type { ConnectorDesign, DesignIssue, HclRenderOptions } from '@/lib/connector/design';
import { literalsBecomeVariables } from '@/lib/connector/hcl/psk';
import { withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { REFERENCE_LITERAL_MESSAGE, referenceLikeLiterals } from '@/lib/connector/reference-literals';
import { validateDesign } from '@/lib/connector/validate';

export interface DesignCheck {
  errors: DesignIssue[];
  warnings: DesignIssue[];
  /** Paths of literal strings that look like Terraform references (each also a warning). */
  referenceLiterals: string[];
}

export const EMPTY_CHECK: DesignCheck = { errors: [], warnings: [], referenceLiterals: [] };

/** The rules' "written inline" warning on a value the export keeps out of the file anyway (the description's `variable`). */
function isInlinePskWarning(issue: DesignIssue): boolean {
  return literalsBecomeVariables(issue.path.slice(issue.path.lastIndexOf('.') + 1)) && /inline/i.test(issue.message);
}

export function checkDesign(formDesign: ConnectorDesign, options: Required<HclRenderOptions>): DesignCheck {
  // Values of the protocol not in use are kept by the form but do not count.
  const design = withoutInactiveProtocolValues(formDesign);
  const result = validateDesign(design);
  const pskAsVariables = options.preSharedKeys === 'variable';
  // "Key written inline ends up in the .tf" does not hold while the export turns keys into variables.
  const ruleWarnings = pskAsVariables ? result.warnings.filter((w) => !isInlinePskWarning(w)) : result.warnings;
  const referenceLiterals = referenceLikeLiterals(design);
  return {
    errors: result.errors,
    warnings: [...ruleWarnings, ...referenceLiterals.map((path) => ({ path, message: REFERENCE_LITERAL_MESSAGE }))],
    referenceLiterals,
  };
}
