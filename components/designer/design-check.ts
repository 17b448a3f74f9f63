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
import { checkDesignOffline, type DesignCheck } from '@/lib/connector/check';
import {
  checkAgainstTenant,
  declaredAddresses,
  hasReferenceExpressions,
  type TenantIndex,
} from '@/lib/connector/tenant';

export type { DesignCheck };

export const EMPTY_CHECK: DesignCheck = { ok: true, errors: [], warnings: [], referenceLiterals: [] };

/** The tenant a design is checked against, and the live connector it is (its own name and addresses do not count). */
export interface TenantContext {
  index: TenantIndex;
  linkedConnectorId: number | string | null;
}

/** `fileText`: the design's file, whose blocks its reference expressions may name (the file is read only when it has some). */
export function checkDesign(
  formDesign: ConnectorDesign,
  options: Required<HclRenderOptions>,
  tenant?: TenantContext | null,
  fileText?: string,
): DesignCheck {
  const { errors, warnings, referenceLiterals } = checkDesignOffline(formDesign, options);
  if (tenant) {
    const declared =
      fileText === undefined
        ? undefined
        : hasReferenceExpressions(formDesign)
          ? declaredAddresses(fileText)
          : new Set<string>();
    for (const { severity, ...finding } of checkAgainstTenant(formDesign, tenant.index, {
      linkedConnectorId: tenant.linkedConnectorId,
      declared,
    })) {
      (severity === 'error' ? errors : warnings).push(finding);
    }
  }
  return { ok: errors.length === 0, errors, warnings, referenceLiterals };
}
