/**
 * The one check of a document version's design: the validator's errors and
 * warnings, plus the tenant checks once the designer holds a copy of the
 * tenant. The designer runs it once per version (in a Web Worker when it
 * can, see ./document-check.ts) and every view reads this result: the fields,
 * the error summary, the topology and the provision panel. The checks
 * themselves are lib/connector/check.ts and lib/connector/tenant, which
 * `POST /api/designs/validate[?tenant=1]` answers too (same paths, same messages).
 */
import type { ConnectorDesign, DesignIssue, HclRenderOptions } from '@/lib/connector/design';
import { checkDesignOffline } from '@/lib/connector/check';
import { checkAgainstTenant, type TenantIndex } from '@/lib/connector/tenant';

export interface DesignCheck {
  errors: DesignIssue[];
  warnings: DesignIssue[];
  /** Paths of literal strings that look like Terraform references (each also a warning). */
  referenceLiterals: string[];
}

export const EMPTY_CHECK: DesignCheck = { errors: [], warnings: [], referenceLiterals: [] };

/** The tenant a design is checked against, and the live connector it is (its own name and addresses do not count). */
export interface TenantContext {
  index: TenantIndex;
  linkedConnectorId: number | string | null;
}

export function checkDesign(formDesign: ConnectorDesign, options: Required<HclRenderOptions>, tenant?: TenantContext | null): DesignCheck {
  const { errors, warnings, referenceLiterals } = checkDesignOffline(formDesign, options);
  if (tenant) {
    for (const { severity, ...finding } of checkAgainstTenant(formDesign, tenant.index, { linkedConnectorId: tenant.linkedConnectorId })) {
      (severity === 'error' ? errors : warnings).push(finding);
    }
  }
  return { errors, warnings, referenceLiterals };
}
