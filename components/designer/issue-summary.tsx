'use client';
import { useMemo } from 'react';
import type { DesignIssue } from '@/lib/connector/design';
import { hclPath } from '@/lib/connector/hcl-path';
import { labelForPath } from '@/lib/connector/resource';
import { countOf } from '@/lib/client/format';
import { useDesignState, useDocumentStore, useVisibilityRevision } from './design-document-context';
import { FIELD_LAYOUT } from './form-layout';
import { TenantCheckStatus } from './tenant-checks';

/** The field's label as the form shows it (`Instance name`, not the description's bare `Name`). */
function formLabel(path: string): string {
  const schemaPath = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  return FIELD_LAYOUT[schemaPath]?.label ?? labelForPath(path) ?? (path ? hclPath(path) : 'Connector');
}

function IssueList(props: {
  issues: DesignIssue[];
  tone: 'error' | 'warning';
  onSelect: (path: string) => void;
  compact?: boolean;
}) {
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
            className={`w-full rounded px-1.5 py-0.5 text-left text-xs [overflow-wrap:anywhere] focus-visible:outline-2 focus-visible:outline-blue-600 ${color}`}
          >
            <code className="mr-1.5 font-mono text-[11px]">{issue.path ? hclPath(issue.path) : '(connector)'}</code>
            {issue.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One line per field still to do: its label as the form shows it, and where it is. */
function Checklist({ issues, onSelect }: { issues: DesignIssue[]; onSelect: (path: string) => void }) {
  const fields = useMemo(() => [...new Set(issues.map((i) => i.path))], [issues]);
  return (
    <ul className="max-h-56 space-y-0.5 overflow-auto" data-testid="export-checklist">
      {fields.map((path) => (
        <li key={path}>
          <button
            type="button"
            data-issue-path={path}
            onClick={() => onSelect(path)}
            className="flex w-full items-baseline gap-2 rounded px-1.5 py-0.5 text-left text-xs text-slate-800 hover:bg-slate-200/60 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-slate-200 dark:hover:bg-slate-700/60"
          >
            <span
              aria-hidden="true"
              className="inline-block size-3 shrink-0 translate-y-0.5 rounded-sm border border-slate-400 dark:border-slate-500"
            />
            <span className="font-medium">{formLabel(path)}</span>
            {path.includes('.') && (
              <code className="ml-auto font-mono text-[11px] text-slate-600 dark:text-slate-400">{hclPath(path)}</code>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Every error and warning of the design. Errors at fields the user has not
 * reached yet (a fresh form) are a calm checklist of what to fill in, not a
 * red count; they turn into errors once the field is touched, after
 * "Validate all", a load or an export attempt. The fields whose value the file
 * cannot hold yet always show. Each entry focuses its field.
 */
export function IssueSummary({ onSelect }: { onSelect: (path: string) => void }) {
  const store = useDocumentStore();
  const check = useDesignState((s) => s.check);
  const fieldErrors = useDesignState((s) => s.fieldErrors);
  const revision = useVisibilityRevision();
  const { warnings } = check;
  // `revision` is what `store.visibility.shown` answers from, so it is a dependency the linter cannot see.
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision
  const { shown, pending } = useMemo(() => {
    const own = [...fieldErrors].map(([path, message]) => ({ path, message }));
    const found = check.errors.filter((e) => store.visibility.shown(e.path));
    return { shown: [...own, ...found], pending: check.errors.filter((e) => !store.visibility.shown(e.path)) };
  }, [fieldErrors, check.errors, store, revision]);

  const calm = shown.length === 0 && pending.length > 0;
  const tone = shown.length
    ? 'border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/60'
    : calm
      ? 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900'
      : 'border-emerald-200 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950/60';
  const headingTone = shown.length
    ? 'text-red-800 dark:text-red-200'
    : calm
      ? 'text-slate-800 dark:text-slate-100'
      : 'text-emerald-800 dark:text-emerald-200';
  const pendingFields = new Set(pending.map((e) => e.path)).size;

  return (
    <section aria-label="Validation" className="space-y-2" data-testid="issue-summary">
      <div id="error-summary" tabIndex={-1} className={`rounded-lg border px-3 py-2 ${tone}`}>
        <h2 className={`text-xs font-semibold ${headingTone}`} aria-live="polite">
          {shown.length
            ? `${countOf(shown.length, 'error')} to fix before export`
            : calm
              ? `To export, fill in ${countOf(pendingFields, 'field')}`
              : 'No errors'}
        </h2>
        {shown.length > 0 && (
          <div className="mt-1" data-testid="error-list">
            <IssueList issues={shown} tone="error" onSelect={onSelect} />
          </div>
        )}
        {pending.length > 0 && (
          <div className="mt-1">
            {shown.length > 0 && (
              <p className="px-1.5 text-xs text-slate-700 dark:text-slate-300">Still to fill in ({pendingFields}):</p>
            )}
            <Checklist issues={pending} onSelect={onSelect} />
            {calm && (
              <p className="mt-1 flex flex-wrap items-center gap-2 px-1.5 text-xs text-slate-600 dark:text-slate-400">
                Mistakes show at each field once you have been there.
                <button type="button" className="btn-link text-xs" onClick={() => store.setRevealAll(true)}>
                  Check every field now
                </button>
              </p>
            )}
          </div>
        )}
      </div>
      <TenantCheckStatus />
      {warnings.length > 0 && (
        <details
          open
          className="group rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 dark:border-amber-900 dark:bg-amber-950/60"
          data-testid="warning-list"
        >
          <summary className="cursor-pointer text-xs font-semibold text-amber-900 dark:text-amber-100">
            {countOf(warnings.length, 'warning')} (non-blocking)
          </summary>
          <div className="mt-1">
            <IssueList issues={warnings} tone="warning" onSelect={onSelect} compact />
          </div>
        </details>
      )}
    </section>
  );
}
