'use client';
/**
 * The `/connectors/[id]` page body: state, actions (edit, export, delete),
 * settings and provision timeline. Follows the event stream while the
 * latest request runs (polling only when the stream is down).
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useConnector, queryKeys } from '@/lib/client/hooks';
import { ApiError } from '@/lib/client/api';
import { clockTime } from '@/lib/client/format';
import { ManagedByNotice, useManagingDesigns } from '@/components/provisioning/managed-by-notice';
import { StateBadge } from '@/components/provisioning/state-badge';
import { ConnectorSettings } from './connector-settings';
import { ConnectorTopology } from './connector-topology';
import { DeleteConnectorDialog } from './delete-connector-dialog';
import { ConnectorActivity } from '@/components/activity/connector-activity';
import { ErrorState } from './error-state';
import { ExportHclButton } from './export-hcl-button';
import { ProvisionHistory } from './provision-history';
import { RelativeTime } from './relative-time';
import { secondaryButtonClass } from './button-styles';
import { useLiveConnectors } from './use-live-connectors';

export function ConnectorDetail({ connectorId }: { connectorId: number }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // Once a deletion is underway the connector will 404; stop reading it.
  const [deleting, setDeleting] = useState(false);
  // Live over the event stream (a state change refetches this connector); polling only while the stream is down.
  const live = useLiveConnectors();
  const detail = useConnector(connectorId, { enabled: !deleting, poll: live !== 'live' });
  const managing = useManagingDesigns(deleting ? undefined : connectorId).data ?? [];

  const connectorName = detail.data?.connector.name ?? '';
  const onDeleting = useCallback(() => setDeleting(true), []);
  const onDeleted = useCallback(() => {
    queryClient.removeQueries({ queryKey: queryKeys.connector(connectorId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.connectors });
    router.push(`/connectors?deleted=${encodeURIComponent(connectorName)}`);
  }, [queryClient, connectorId, router, connectorName]);

  const backLink = (
    <Link href="/connectors" className="text-sm text-blue-800 dark:text-blue-300 underline-offset-2 hover:underline">
      ← All connectors
    </Link>
  );

  if (detail.isPending && !deleting) {
    return (
      <div className="mx-auto max-w-6xl space-y-4 p-6">
        {backLink}
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading connector…</p>
      </div>
    );
  }
  if (detail.isError && !detail.data) {
    const notFound = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <div className="mx-auto max-w-6xl space-y-4 p-6">
        {backLink}
        <ErrorState
          title={notFound ? `Connector ${connectorId} was not found` : 'Could not load the connector'}
          message={detail.error.message}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      </div>
    );
  }
  if (!detail.data) return null;

  const { connector, settings, provisionRequests } = detail.data;
  const latestError = [...provisionRequests]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .find((r) => r.state === 'FAILED' || r.state === 'PARTIAL_SUCCESS')?.errorMessage;

  return (
    <div className="mx-auto max-w-6xl space-y-5 p-6">
      {backLink}
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
            {connector.name}
            <StateBadge state={connector.provisionState} />
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Connector #{connector.id} · {connector.cxp} · last change <RelativeTime iso={connector.lastChange} />
            {detail.dataUpdatedAt > 0 && <> · Updated {clockTime(detail.dataUpdatedAt)}</>}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Link href={`/designer?connector=${connector.id}`} className={secondaryButtonClass}>
            Edit in designer
          </Link>
          <ExportHclButton connectorId={connector.id} />
          <DeleteConnectorDialog
            connectorId={connector.id}
            connectorName={connector.name}
            onDeleting={onDeleting}
            onDeleted={onDeleted}
          />
        </div>
      </header>

      <ManagedByNotice designs={managing} connectorId={connector.id} where="connector-page" />

      {connector.provisionState === 'FAILED' && latestError && (
        <div
          role="alert"
          className="rounded border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950/40 p-3 text-sm text-red-950 dark:text-red-100"
        >
          <p className="font-semibold">Provisioning failed</p>
          {/* A circuit's resource id is one long word: it breaks anywhere rather than widen the page. */}
          <p className="mt-1 wrap-anywhere">{latestError}</p>
        </div>
      )}

      <ConnectorTopology connectorId={connector.id} provisionState={connector.provisionState} />

      <div className="grid grid-cols-[minmax(0,1fr)] gap-5 items-start lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <ConnectorSettings settings={settings} />
        <ProvisionHistory requests={provisionRequests} />
      </div>

      <ConnectorActivity connectorId={connector.id} />
    </div>
  );
}
