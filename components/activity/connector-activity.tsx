'use client';
/**
 * A connector's audit trail entries, on its detail page, filterable by the
 * user who made them (the people in this connector's own trail).
 */
import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import { useActivity } from '@/lib/client/hooks';
import { Card } from '@/components/dashboard/settings-layout';
import { ActivityTable } from './activity-table';

const selectClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400';

export function ConnectorActivity({ connectorId }: { connectorId: number }) {
  const activity = useActivity({ connector: String(connectorId) });
  const selectId = useId();
  const [user, setUser] = useState('');
  const entries = activity.data?.entries;
  const users = useMemo(() => {
    const byId = new Map<string, string>();
    for (const e of entries ?? []) if (!byId.has(e.actor.id)) byId.set(e.actor.id, e.actor.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [entries]);
  const shown = user ? (entries ?? []).filter((e) => e.actor.id === user) : (entries ?? []);
  const query = new URLSearchParams({ connector: String(connectorId), ...(user ? { user } : {}) });

  return (
    <Card title="Activity" id="connector-activity">
      {activity.isError ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          Could not load the activity: {activity.error.message}
        </p>
      ) : activity.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading activity…</p>
      ) : activity.data.entries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No changes recorded for this connector.</p>
      ) : (
        <div className="space-y-3">
          <div className="flex items-center gap-2">
            <label htmlFor={selectId} className="text-sm font-medium">
              User
            </label>
            <select id={selectId} className={selectClass} value={user} onChange={(e) => setUser(e.target.value)}>
              <option value="">Everyone</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <ActivityTable entries={shown} showTarget={false} />
        </div>
      )}
      <p className="mt-2 text-xs">
        <Link
          href={`/activity?${query}`}
          className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
        >
          Open in Activity
        </Link>
      </p>
    </Card>
  );
}
