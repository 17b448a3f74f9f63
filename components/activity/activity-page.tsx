'use client';
/**
 * The Activity page: the whole audit trail, filterable by user and by
 * connector (the filters live in the URL, so a filtered view can be shared).
 */
import { usePathname, useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useActivity } from '@/lib/client/hooks';
import { ErrorState } from '@/components/dashboard/error-state';
import { ActivityTable } from './activity-table';

export interface ActivityFilter {
  user?: string;
  connector?: string;
}

const selectClass =
  'rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400';

export function ActivityPage({ filter: initial }: { filter: ActivityFilter }) {
  const router = useRouter();
  const pathname = usePathname();
  const userId = useId();
  const connectorId = useId();
  const [filter, setFilterState] = useState(initial);
  const activity = useActivity(filter);

  const setFilter = (next: ActivityFilter) => {
    setFilterState(next);
    const params = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => Boolean(e[1])));
    router.replace(params.size ? `${pathname}?${params}` : pathname);
  };

  return (
    <div className="mx-auto max-w-6xl space-y-5 p-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Activity</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every create, update, delete and provision of a connector, and every attempt that was refused or failed: who
          did it, when, what changed and how it ended.
        </p>
      </header>

      <fieldset className="flex flex-wrap items-end gap-4">
        <legend className="sr-only">Filters</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor={userId} className="text-sm font-medium">
            User
          </label>
          <select
            id={userId}
            className={selectClass}
            value={filter.user ?? ''}
            onChange={(e) => setFilter({ ...filter, user: e.target.value || undefined })}
          >
            <option value="">Everyone</option>
            {activity.data?.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={connectorId} className="text-sm font-medium">
            Connector
          </label>
          <select
            id={connectorId}
            className={selectClass}
            value={filter.connector ?? ''}
            onChange={(e) => setFilter({ ...filter, connector: e.target.value || undefined })}
          >
            <option value="">All connectors</option>
            {activity.data?.connectors.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} (#{c.id})
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      {activity.isError ? (
        <ErrorState
          title="Could not load the activity"
          message={activity.error.message}
          onRetry={() => void activity.refetch()}
          retrying={activity.isFetching}
        />
      ) : activity.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading activity…</p>
      ) : activity.data.entries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No activity {filter.user || filter.connector ? 'matches these filters' : 'recorded yet'}.
        </p>
      ) : (
        <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
          <ActivityTable entries={activity.data.entries} />
        </section>
      )}
    </div>
  );
}
