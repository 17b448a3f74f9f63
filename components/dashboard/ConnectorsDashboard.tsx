'use client';
/**
 * The `/connectors` page body: every connector with its provision state,
 * filterable and sortable, refreshing by itself while anything provisions.
 */
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useConnectors } from '@/lib/client/hooks';
import { clockTime } from '@/lib/client/format';
import { BackendBadge } from './BackendBadge';
import { primaryButtonClass } from './button-styles';
import { ConnectorFilters } from './ConnectorFilters';
import { ConnectorTable } from './ConnectorTable';
import { ErrorState } from './ErrorState';
import { filterConnectors, sortConnectors, type ConnectorFilter, type SortSpec } from './connector-list';

export interface ConnectorsDashboardProps {
  /** Name of a connector just deleted from its detail page, shown as a notice. */
  deletedName?: string;
}

export function ConnectorsDashboard({ deletedName }: ConnectorsDashboardProps) {
  const connectors = useConnectors();
  const [filter, setFilter] = useState<ConnectorFilter>({ text: '', state: '' });
  const [sort, setSort] = useState<SortSpec>({ key: 'name', direction: 'ascending' });
  const [noticeDismissed, setNoticeDismissed] = useState(false);

  const all = connectors.data?.connectors;
  const rows = useMemo(() => (all ? sortConnectors(filterConnectors(all, filter), sort) : []), [all, filter, sort]);

  return (
    <div className="mx-auto max-w-7xl space-y-5 p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Connectors</h1>
          {connectors.data && <BackendBadge backend={connectors.data.backend} />}
        </div>
        <div className="flex items-center gap-4">
          {connectors.dataUpdatedAt > 0 && (
            <p className="text-xs text-slate-500 dark:text-slate-400" aria-live="off" data-testid="updated-at">
              Updated {clockTime(connectors.dataUpdatedAt)}
              {connectors.isFetching && <span className="sr-only"> (refreshing)</span>}
            </p>
          )}
          <Link href="/designer" className={primaryButtonClass}>
            New connector
          </Link>
        </div>
      </header>

      {deletedName && !noticeDismissed && (
        <div role="status" className="flex items-center justify-between rounded border border-green-300 dark:border-green-800 bg-green-50 dark:bg-green-950/40 px-3 py-2 text-sm text-green-950 dark:text-green-100">
          <span>
            Connector <strong>{deletedName}</strong> was deleted.
          </span>
          <button type="button" className="text-xs underline" onClick={() => setNoticeDismissed(true)}>
            Dismiss
          </button>
        </div>
      )}

      {connectors.isPending && <p className="text-sm text-slate-600 dark:text-slate-400">Loading connectors…</p>}

      {connectors.isError && (
        <ErrorState
          title="Could not load the connectors"
          message={connectors.error.message}
          onRetry={() => void connectors.refetch()}
          retrying={connectors.isFetching}
        />
      )}

      {all && all.length === 0 && (
        <div className="rounded-lg border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 p-10 text-center">
          <p className="text-lg font-medium">No connectors yet</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Design an Azure ExpressRoute connector, validate it and provision it from the designer.</p>
          <Link href="/designer" className={`${primaryButtonClass} mt-4`}>
            New connector
          </Link>
        </div>
      )}

      {all && all.length > 0 && (
        <>
          <ConnectorFilters filter={filter} onChange={setFilter} />
          {rows.length > 0 ? (
            <ConnectorTable rows={rows} sort={sort} onSortChange={setSort} />
          ) : (
            <p className="rounded border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 text-sm text-slate-600 dark:text-slate-400">No connector matches the filter.</p>
          )}
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Showing {rows.length} of {all.length} connector{all.length === 1 ? '' : 's'}
          </p>
        </>
      )}
    </div>
  );
}
