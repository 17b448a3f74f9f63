'use client';
import { useMemo } from 'react';
import type { DesignIssue } from '@/lib/connector/design';
import { useDesignState } from './design-document-context';
import { TenantCheckStatus } from './tenant-checks';

function IssueList(props: { issues: DesignIssue[]; tone: 'error' | 'warning'; onSelect: (path: string) => void; compact?: boolean }) {
  const color =
    props.tone === 'error'
      ? 'text-red-700 hover:bg-red-100/60 dark:text-red-300 dark:hover:bg-red-900/40'
      : 'text-amber-800 hover:bg-amber-100/60 dark:text-amber-200 dark:hover:bg-amber-900/40';
  return (
    <ul className={`${props.compact ? 'max-h-28' : 'max-h-40'} space-y-0.5 overflow-auto`}>
      {props.issues.map((issue) => (
        <li key={`${issue.path}|${issue.message}`}>
          <button
            type="button"
            data-issue-path={issue.path}
            onClick={() => props.onSelect(issue.path)}
            className={`w-full rounded px-1.5 py-0.5 text-left text-xs focus-visible:outline-2 focus-visible:outline-blue-600 ${color}`}
          >
            <code className="mr-1.5 font-mono text-[11px] opacity-80">{issue.path || '(connector)'}</code>
            {issue.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Every error and warning of the design: the version's one check, so fields
 * not yet touched count too, and the fields whose value the file cannot hold
 * yet. Each entry focuses its field.
 */
export function IssueSummary({ onSelect }: { onSelect: (path: string) => void }) {
  const check = useDesignState((s) => s.check);
  const fieldErrors = useDesignState((s) => s.fieldErrors);
  const { warnings } = check;
  const errors = useMemo(
    () => (fieldErrors.size ? [...[...fieldErrors].map(([path, message]) => ({ path, message })), ...check.errors] : check.errors),
    [fieldErrors, check.errors],
  );

  return (
    <section aria-label="Validation" className="space-y-2" data-testid="issue-summary">
      <div
        id="error-summary"
        tabIndex={-1}
        className={`rounded-lg border px-3 py-2 ${
          errors.length
            ? 'border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/60'
            : 'border-emerald-200 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950/60'
        }`}
      >
        <h2 className={`text-xs font-semibold ${errors.length ? 'text-red-800 dark:text-red-200' : 'text-emerald-800 dark:text-emerald-200'}`} aria-live="polite">
          {errors.length ? `${errors.length} error${errors.length === 1 ? '' : 's'} to fix before export` : 'No errors'}
        </h2>
        {errors.length > 0 && (
          <div className="mt-1" data-testid="error-list">
            <IssueList issues={errors} tone="error" onSelect={onSelect} />
          </div>
        )}
      </div>
      <TenantCheckStatus />
      {warnings.length > 0 && (
        <details open className="group rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 dark:border-amber-900 dark:bg-amber-950/60" data-testid="warning-list">
          <summary className="cursor-pointer text-xs font-semibold text-amber-900 dark:text-amber-100">
            {warnings.length} warning{warnings.length === 1 ? '' : 's'} (non-blocking)
          </summary>
          <div className="mt-1">
            <IssueList issues={warnings} tone="warning" onSelect={onSelect} compact />
          </div>
        </details>
      )}
    </section>
  );
}
