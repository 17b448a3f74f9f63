'use client';
/**
 * Above a stored design's form: which design and version this is, its link
 * to share, a newer version saved by someone else, the live connector it
 * was provisioned to, and drift, when that connector was changed elsewhere
 * since (the same plan-style diff: provisioned version → live), with the two
 * ways to resolve it: adopt the live values, or re-apply the provisioned version.
 */
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DesignResponse } from '@/lib/contract';
import { workspaceApi } from '@/lib/client/workspace-api';
import { RelativeTime } from '@/components/dashboard/relative-time';
import { workspaceKeys } from '@/lib/client/workspace-hooks';
import { ChangeList } from './change-list';
import { DriftActions } from './drift-actions';

export const driftKey = (id: number) => ['designs', id, 'drift'] as const;

/** The live connector against the provisioned version; re-checked on focus and every 30 s (every 3 s while a version is being provisioned). */
function useDrift(id: number, linked: boolean, pending: boolean) {
  return useQuery({
    queryKey: driftKey(id),
    queryFn: () => workspaceApi.drift(id),
    enabled: linked,
    staleTime: 0,
    refetchInterval: pending ? 3_000 : 30_000,
  });
}

function ShareLink({ id }: { id: number }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${window.location.origin}/designs/${id}`);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (permissions): the URL bar holds the same link.
    }
  };
  return (
    <button type="button" className="btn-link text-xs" onClick={() => void copy()}>
      {copied ? 'Link copied' : 'Copy link'}
    </button>
  );
}

export interface DesignBannerProps {
  id: number;
  latest: DesignResponse;
  baseVersion: number;
  /** A save conflict is on screen: it already says a newer version exists. */
  conflicted: boolean;
  onLoadLatest(): Promise<void>;
}

export function DesignBanner({ id, latest, baseVersion, conflicted, onLoadLatest }: DesignBannerProps) {
  const linked = latest.connector_id != null;
  const pending = latest.pending_version != null;
  const drift = useDrift(id, linked, pending);
  const queryClient = useQueryClient();
  // A provision settling shows in the drift first: the design's head (versions, "runs version V") follows it.
  const provisioned = drift.data?.provisioned_version;
  useEffect(() => {
    if (provisioned != null && provisioned !== latest.provisioned_version)
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
  }, [provisioned, latest.provisioned_version, queryClient]);
  const drifted = drift.data?.drifted && drift.data.changes.length > 0;
  const missing = drift.data?.connector_missing === true;
  return (
    <div className="mb-3 space-y-2">
      <div
        className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        data-testid="design-banner"
      >
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <Link href="/designs" className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300">
            ← All designs
          </Link>
          <span className="font-semibold">
            Design #{id} · {latest.design.name || latest.design.resource_name}
          </span>
          <span className="text-slate-700 dark:text-slate-300">
            latest version {latest.version}, saved <RelativeTime iso={latest.updated_at} />
            {latest.note ? ` — “${latest.note}”` : ''}
          </span>
          <ShareLink id={id} />
          <span className="ml-auto flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
            {linked ? (
              <span>
                Live connector {/* Inside a sentence a link must not rely on colour alone: underlined. */}
                <Link
                  href={`/connectors/${latest.connector_id}`}
                  className="text-blue-800 underline underline-offset-2 dark:text-blue-300"
                >
                  #{latest.connector_id}
                </Link>
                {latest.provisioned_version != null && ` runs version ${latest.provisioned_version}`}
                {latest.pending_version != null && ` · provisioning version ${latest.pending_version}…`}
              </span>
            ) : (
              'Not provisioned yet'
            )}
          </span>
        </p>
      </div>

      {baseVersion < latest.version && !conflicted && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-lg border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950 dark:border-blue-800 dark:bg-blue-950/60 dark:text-blue-100"
        >
          <span>
            Version {latest.version} was saved since you started editing version {baseVersion}. Saving will ask you what
            to keep.
          </span>
          <button
            type="button"
            className="btn-secondary text-xs"
            onClick={() => {
              if (window.confirm(`Load version ${latest.version}? Your unsaved changes in the form will be replaced.`))
                void onLoadLatest();
            }}
          >
            Load version {latest.version}
          </button>
        </div>
      )}

      {missing && (
        <p
          role="alert"
          className="rounded-lg border border-orange-300 bg-orange-50 px-3 py-2 text-sm text-orange-950 dark:border-orange-800 dark:bg-orange-950/50 dark:text-orange-100"
        >
          Live connector #{latest.connector_id} no longer exists (deleted outside this design). Provision creates it
          again.
        </p>
      )}

      {drifted && !missing && drift.data && (
        <section
          role="alert"
          aria-label="Drift"
          data-testid="drift"
          className="space-y-2 rounded-lg border border-orange-300 bg-orange-50 px-3 py-2 text-sm text-orange-950 dark:border-orange-800 dark:bg-orange-950/50 dark:text-orange-100"
        >
          <p className="flex flex-wrap items-center gap-2">
            <span className="rounded-full bg-orange-200 px-2 py-0.5 text-xs font-semibold text-orange-950 ring-1 ring-inset ring-orange-400 dark:bg-orange-900 dark:text-orange-100 dark:ring-orange-700">
              DRIFT
            </span>
            <span className="font-semibold">
              Drift: live connector #{drift.data.connector_id} was changed outside this design since version{' '}
              {drift.data.provisioned_version} was provisioned.
            </span>
          </p>
          <p className="text-xs">
            What the live connector has now, compared with version {drift.data.provisioned_version}:
          </p>
          <ChangeList changes={drift.data.changes} label="Drift: provisioned version → live connector" />
          {latest.provisioned_version != null && drift.data.connector_id != null && (
            <DriftActions
              id={id}
              connectorId={drift.data.connector_id}
              provisionedVersion={latest.provisioned_version}
              latestVersion={latest.version}
              driftKey={driftKey(id)}
            />
          )}
        </section>
      )}
    </div>
  );
}
