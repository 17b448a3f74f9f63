'use client';
import { useMemo } from 'react';
import type { DesignIssue } from '@/lib/connector/design';
import { validateDesign } from '@/lib/connector/validate';

function isInlinePskWarning(issue: DesignIssue): boolean {
  return issue.path.endsWith('.pre_shared_key') && /inline/i.test(issue.message);
}

export interface DesignIssues {
  errors: DesignIssue[];
  warnings: DesignIssue[];
}

/**
 * Every error and warning of the design: the full validation of the current
 * values, so fields not yet touched count too. The error summary and the
 * topology diagram both show this, so they always agree.
 */
export function useDesignIssues(values: unknown, pskAsVariables: boolean): DesignIssues {
  return useMemo(() => {
    const result = validateDesign(values);
    // "Key written inline ends up in the .tf" does not hold while the export turns keys into variables.
    const warnings = pskAsVariables ? result.warnings.filter((w) => !isInlinePskWarning(w)) : result.warnings;
    return { errors: result.errors, warnings };
  }, [values, pskAsVariables]);
}
