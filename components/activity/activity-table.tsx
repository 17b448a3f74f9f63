'use client';
/**
 * Audit trail entries as a table: when, who, what was done to which
 * connector or design, the change, and the result (the provision request's
 * final state, that it is still running, or why an attempt was not applied).
 */
import Link from 'next/link';
import type { AuditEntry } from '@/lib/client/types';
import { dateTime } from '@/lib/client/format';
import { StateBadge } from '@/components/provisioning/state-badge';

const ACTION_LABELS: Record<AuditEntry['action'], string> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
  save: 'Saved',
  restore: 'Restored',
  provision: 'Provisioned',
  adopt: 'Adopted live values',
  reapply: 'Re-applied',
};
/** A failed attempt reads as what was tried. */
const ATTEMPT_LABELS: Record<AuditEntry['action'], string> = {
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  save: 'Save',
  restore: 'Restore',
  provision: 'Provision',
  adopt: 'Adopt live values',
  reapply: 'Re-apply',
};

function Result({ entry }: { entry: AuditEntry }) {
  if (!entry.requestId && entry.result) {
    return (
      <div className="space-y-1">
        <StateBadge state={entry.result.state} />
        {entry.result.detail && (
          <p className="wrap-anywhere text-xs text-red-800 dark:text-red-300">{entry.result.detail}</p>
        )}
      </div>
    );
  }
  if (!entry.requestId) return <span className="text-slate-600 dark:text-slate-400">Not provisioned</span>;
  return (
    <div className="space-y-1">
      <StateBadge state={entry.result?.state ?? 'IN_PROGRESS'} />
      {entry.result?.detail && (
        <p className="wrap-anywhere text-xs text-red-800 dark:text-red-300">{entry.result.detail}</p>
      )}
      <p className="wrap-anywhere font-mono text-[11px] text-slate-600 dark:text-slate-400">
        request {entry.requestId}
      </p>
    </div>
  );
}

function Target({ entry }: { entry: AuditEntry }) {
  const failed = !entry.requestId && entry.result !== null;
  if (
    entry.targetType === 'connector' &&
    entry.targetId &&
    entry.action !== 'delete' &&
    !(failed && entry.action === 'create')
  ) {
    return (
      <Link
        href={`/connectors/${entry.targetId}`}
        className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
      >
        {entry.targetName}
      </Link>
    );
  }
  return <span>{entry.targetName || (entry.targetType === 'design' ? 'design' : 'connector')}</span>;
}

export function ActivityTable({ entries, showTarget = true }: { entries: AuditEntry[]; showTarget?: boolean }) {
  return (
    // Wider than a phone: the keyboard must be able to scroll it sideways too.
    <section
      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-600"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region needs focus to be scrolled by keyboard
      tabIndex={0}
      aria-label="Activity entries"
    >
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              When
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              User
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Action
            </th>
            {showTarget && (
              <th scope="col" className="py-2 pr-4 font-medium">
                Connector or design
              </th>
            )}
            <th scope="col" className="py-2 pr-4 font-medium">
              Change
            </th>
            <th scope="col" className="py-2 font-medium">
              Result
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {entries.map((e) => (
            <tr
              key={e.id}
              data-testid="activity-entry"
              data-action={e.action}
              data-failed={!e.requestId && e.result ? 'true' : undefined}
              className="align-top"
            >
              <td className="whitespace-nowrap py-2 pr-4">
                <time dateTime={e.at} title={e.at}>
                  {dateTime(e.at)}
                </time>
              </td>
              <td className="py-2 pr-4" data-testid="activity-user">
                {e.actor.name}
              </td>
              <td className="py-2 pr-4 font-medium">
                {!e.requestId && e.result ? `${ATTEMPT_LABELS[e.action]} (not applied)` : ACTION_LABELS[e.action]}
              </td>
              {showTarget && (
                <td className="min-w-[10rem] wrap-anywhere py-2 pr-4" data-testid="activity-target">
                  <Target entry={e} />
                  {e.targetId && (
                    <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">
                      {e.targetType === 'design' ? 'design ' : ''}#{e.targetId}
                    </span>
                  )}
                </td>
              )}
              <td className="min-w-[14rem] wrap-anywhere py-2 pr-4 text-slate-700 dark:text-slate-300">{e.summary}</td>
              {/* Wide enough for a state badge and a request id, which wraps rather than being cut off. */}
              <td className="w-[16rem] min-w-[12rem] py-2" data-testid="activity-result">
                <Result entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
