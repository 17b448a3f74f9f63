/**
 * The one check of a document version's design: the validator's errors and
 * warnings. The designer runs it once per version (in a Web Worker when it
 * can, see ./document-check.ts) and every view reads this result: the fields,
 * the error summary, the topology and the provision panel. The check itself
 * is lib/connector/check.ts, which `POST /api/designs/validate` answers too.
 */
import type { ConnectorDesign, DesignIssue, HclRenderOptions } from '@/lib/connector/design';
import { checkDesignOffline } from '@/lib/connector/check';

export interface DesignCheck {
  errors: DesignIssue[];
  warnings: DesignIssue[];
  /** Paths of literal strings that look like Terraform references (each also a warning). */
  referenceLiterals: string[];
}

export const EMPTY_CHECK: DesignCheck = { errors: [], warnings: [], referenceLiterals: [] };

export function checkDesign(formDesign: ConnectorDesign, options: Required<HclRenderOptions>): DesignCheck {
  const { errors, warnings, referenceLiterals } = checkDesignOffline(formDesign, options);
  return { errors, warnings, referenceLiterals };
}
