'use client';
/**
 * Edit mode (`/designer?connector=<id>`): the live connector's design, read
 * once from `GET /api/connectors/<id>/design`, and the banner that says which
 * connector the form is editing.
 *
 * The live connector is the source of truth in edit mode, so its edits are not
 * autosaved: a stale edit draft restored later could silently undo someone
 * else's change with a full-replacement PUT. The new-design draft is kept
 * separate and untouched while editing.
 */
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { api, errorMessage } from '@/lib/client/api';
import { ManagedByNotice, type ManagingDesign } from '@/components/provisioning/managed-by-notice';

/** The live connector as a design; read once per visit (no refetch behind the user's edits). */
export function useLiveConnectorDesign(connectorId: number | undefined) {
  return useQuery({
    queryKey: ['connector-design', connectorId],
    queryFn: () => api.getConnectorDesign(connectorId as number),
    enabled: connectorId !== undefined,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: 1,
  });
}

interface LiveConnectorBannerProps {
  connectorId: number;
  /** The connector's name as loaded (not as edited in the form). */
  name: string | undefined;
  loading: boolean;
  error: unknown;
  onRetry(): void;
  storedKeys: boolean;
  /** The workspace designs that manage this connector. */
  managing?: readonly ManagingDesign[];
}

export function LiveConnectorBanner({
  connectorId,
  name,
  loading,
  error,
  onRetry,
  storedKeys,
  managing = [],
}: LiveConnectorBannerProps) {
  if (error) {
    return (
      <div
        role="alert"
        className="mb-3 rounded-lg border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950/60 px-3 py-2 text-sm text-red-950 dark:text-red-100"
      >
        <p className="font-semibold">
          Connector {connectorId} could not be loaded for editing: {errorMessage(error)}
        </p>
        <p className="mt-1 flex flex-wrap gap-3">
          <button type="button" className="btn-secondary text-xs" onClick={onRetry}>
            Retry
          </button>
          <Link className="font-medium text-blue-800 dark:text-blue-300 underline" href="/connectors">
            Back to connectors
          </Link>
          <Link className="font-medium text-blue-800 dark:text-blue-300 underline" href="/designer">
            Design a new connector
          </Link>
        </p>
      </div>
    );
  }
  if (loading) {
    return (
      <p
        role="status"
        className="mb-3 rounded-lg border border-slate-200 dark:border-slate-700 bg-slate-50 dark:bg-slate-800/50 px-3 py-2 text-sm text-slate-700 dark:text-slate-300"
      >
        Loading connector {connectorId}…
      </p>
    );
  }
  return (
    <div
      className="mb-3 rounded-lg border border-blue-200 dark:border-blue-800 bg-blue-50 dark:bg-blue-950/60 px-3 py-2 text-sm text-blue-950 dark:text-blue-100"
      data-testid="edit-banner"
    >
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-semibold">
          Editing live connector {name} (id {connectorId})
        </span>
        <Link className="font-medium text-blue-800 dark:text-blue-300 underline" href={`/connectors/${connectorId}`}>
          View its details
        </Link>
        <Link className="font-medium text-blue-800 dark:text-blue-300 underline" href="/designer">
          New design instead
        </Link>
      </p>
      <p className="mt-0.5 text-xs text-blue-900 dark:text-blue-200">
        Provision changes shows the plan (what would change on this connector) and sends only on Confirm. Edits here are
        not saved as a draft.
        {storedKeys &&
          ' Stored keys show as “Stored” and are kept unless you replace them; the HCL writes every key as a variable.'}
      </p>
      {managing.length > 0 && (
        <div className="mt-2">
          <ManagedByNotice designs={managing} connectorId={connectorId} />
        </div>
      )}
    </div>
  );
}
