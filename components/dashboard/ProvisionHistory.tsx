/**
 * The connector's provision requests, newest first: operation, state, times,
 * error. A list rather than a table: error messages are long and the card is
 * the narrow column of the detail page.
 */
import type { ProvisionRequestRecord } from '@/lib/client/types';
import { dateTime } from '@/lib/client/format';
import { StateBadge } from '@/components/provisioning/StateBadge';
import { Card } from './settings-layout';

const OPERATION_LABELS: Record<string, string> = { create: 'Create', update: 'Update', delete: 'Delete' };

export function ProvisionHistory({ requests }: { requests: ProvisionRequestRecord[] }) {
  const newestFirst = [...requests].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    <Card title="Provision history" id="provision-history">
      {newestFirst.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No provision requests recorded for this connector.</p>
      ) : (
        <ol className="divide-y divide-slate-100 dark:divide-slate-800">
          {newestFirst.map((r) => (
            <li key={r.id} data-testid="provision-request" className="space-y-1 py-2 text-sm first:pt-0 last:pb-0">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{OPERATION_LABELS[r.operation] ?? r.operation}</span>
                <StateBadge state={r.state} />
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Started <time dateTime={r.createdAt} title={r.createdAt}>{dateTime(r.createdAt)}</time>
                {' · '}last update <time dateTime={r.updatedAt} title={r.updatedAt}>{dateTime(r.updatedAt)}</time>
              </p>
              {r.errorMessage && <p className="break-words text-red-800 dark:text-red-300">{r.errorMessage}</p>}
              <p className="font-mono text-[11px] text-slate-500 dark:text-slate-400">request {r.id}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
