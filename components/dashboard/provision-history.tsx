'use client';
/**
 * The connector's provision timeline, newest first: each request's operation,
 * result, start, end, duration and error. The section is `#history`, the
 * target of the dashboard's "Request history" link on a failed row.
 */
import { useEffect } from 'react';
import type { ProvisionRequestRecord } from '@/lib/client/types';
import { dateTime } from '@/lib/client/format';
import { isTerminalState } from '@/lib/client/provision-state';
import { StateBadge } from '@/components/provisioning/state-badge';
import { useNow } from './relative-time';
import { Card } from './settings-layout';

const OPERATION_LABELS: Record<string, string> = { create: 'Create', update: 'Update', delete: 'Delete' };

/** "850 ms", "12 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

const DOT: Record<string, string> = {
  SUCCESS: 'bg-green-600',
  FAILED: 'bg-red-600',
  PARTIAL_SUCCESS: 'bg-orange-500',
};

function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {dateTime(iso)}
    </time>
  );
}

export function ProvisionHistory({ requests }: { requests: ProvisionRequestRecord[] }) {
  const newestFirst = [...requests].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  // A running request's duration counts up by the second; otherwise a slow tick suffices.
  const now = useNow(newestFirst.some((r) => !isTerminalState(r.state)) ? 1000 : 60_000);

  // Arriving by the dashboard's "Request history" link: the section exists only once loaded.
  useEffect(() => {
    if (window.location.hash === '#history') document.getElementById('history')?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <Card title="Provision history" id="history">
      {newestFirst.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No provision requests recorded for this connector.</p>
      ) : (
        <ol className="relative ml-1.5 border-l border-slate-200 dark:border-slate-700" aria-label="Provision timeline">
          {newestFirst.map((r) => {
            const done = isTerminalState(r.state);
            const start = Date.parse(r.createdAt);
            const end = done ? Date.parse(r.updatedAt) : now;
            return (
              <li key={r.id} data-testid="provision-request" className="relative space-y-1 pb-4 pl-4 text-sm last:pb-0">
                <span
                  aria-hidden="true"
                  className={`absolute -left-[5px] top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-white dark:ring-slate-900 ${DOT[r.state] ?? 'bg-amber-500'}`}
                />
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{OPERATION_LABELS[r.operation] ?? r.operation}</span>
                  <StateBadge state={r.state} />
                  <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="request-duration">
                    {done ? formatDuration(end - start) : `running for ${formatDuration(end - start)}`}
                  </span>
                </p>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-xs text-slate-600 dark:text-slate-400">
                  <dt>Started</dt>
                  <dd>
                    <Time iso={r.createdAt} />
                  </dd>
                  <dt>Ended</dt>
                  <dd>{done ? <Time iso={r.updatedAt} /> : 'not yet'}</dd>
                </dl>
                {r.errorMessage && <p className="wrap-anywhere text-red-800 dark:text-red-300">{r.errorMessage}</p>}
                <p className="font-mono text-[11px] text-slate-500 dark:text-slate-400">request {r.id}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
