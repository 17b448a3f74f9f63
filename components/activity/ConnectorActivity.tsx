'use client';
/** A connector's audit trail entries, on its detail page. */
import Link from 'next/link';
import { useActivity } from '@/lib/client/hooks';
import { Card } from '@/components/dashboard/settings-layout';
import { ActivityTable } from './ActivityTable';

export function ConnectorActivity({ connectorId }: { connectorId: number }) {
  const activity = useActivity({ connector: String(connectorId) });
  return (
    <Card title="Activity" id="connector-activity">
      {activity.isError ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">Could not load the activity: {activity.error.message}</p>
      ) : activity.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading activity…</p>
      ) : activity.data.entries.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No changes recorded for this connector.</p>
      ) : (
        <ActivityTable entries={activity.data.entries} showTarget={false} />
      )}
      <p className="mt-2 text-xs">
        <Link href={`/activity?connector=${connectorId}`} className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300">
          Open in Activity
        </Link>
      </p>
    </Card>
  );
}
