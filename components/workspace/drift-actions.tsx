'use client';
/**
 * The two ways to resolve drift, each reviewed before anything is written:
 * - "Adopt live values as version N…": the change list from the latest version
 *   to the live connector's values, then "Save as version N" — the connector
 *   runs that version, so the drift clears (keys stay as stored);
 * - "Re-apply version V…": the plan of the provisioned version against the live
 *   connector (`~ update in-place`) in the app's shared plan dialog, then
 *   "Confirm re-apply" provisions it again.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '@/lib/client/api';
import { usePermission } from '@/lib/client/viewer';
import { workspaceApi } from '@/lib/client/workspace-api';
import { workspaceKeys } from '@/lib/client/workspace-hooks';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { ConnectorPlan } from '@/lib/client/workspace-api';
import { PlanDialog } from '@/components/provisioning/plan-dialog';
import { PlanReviewDialog, type PlanReview } from './plan-review-dialog';

export interface DriftActionsProps {
  id: number;
  connectorId: number;
  provisionedVersion: number;
  latestVersion: number;
  /** Query keys to refresh after a write (the drift, the design). */
  driftKey: readonly unknown[];
}

export function DriftActions({ id, connectorId, provisionedVersion, latestVersion, driftKey }: DriftActionsProps) {
  const queryClient = useQueryClient();
  const [review, setReview] = useState<PlanReview | null>(null);
  const [loading, setLoading] = useState<'adopt' | 'reapply' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const canSave = usePermission('saveDesign');
  const canProvision = usePermission('provision');

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: workspaceKeys.all }),
      queryClient.invalidateQueries({ queryKey: driftKey }),
    ]);

  const prepare = async (which: 'adopt' | 'reapply', build: () => Promise<PlanReview>) => {
    setLoading(which);
    setError(null);
    try {
      setReview(await build());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(null);
    }
  };

  const adopt = () =>
    prepare('adopt', async () => {
      const preview = await workspaceApi.adoptPreview(id);
      return {
        title: `Adopt live values as version ${preview.version}`,
        heading: `Version ${preview.latest_version} → live connector #${preview.connector_id}`,
        changes: preview.changes,
        summary: `Saves version ${preview.version} with the live values (${preview.changes.length} change${preview.changes.length === 1 ? '' : 's'} from version ${preview.latest_version}); connector #${preview.connector_id} then runs version ${preview.version}.`,
        note: 'Keys are kept as stored (Alkira never reveals them). Nothing is sent to the connector.',
        confirmLabel: `Save as version ${preview.version}`,
        onConfirm: async () => {
          const adopted = await workspaceApi.adopt(id, preview.latest_version);
          setSent(`Saved version ${adopted.version} with the live values of connector #${adopted.connector_id}.`);
          await refresh();
        },
      };
    });

  /** Re-apply: the shared plan dialog (components/provisioning/plan-dialog) with the provisioned version's plan. */
  const [reapplying, setReapplying] = useState<{
    design: ConnectorDesign;
    plan?: ConnectorPlan;
    error?: string;
    sending?: boolean;
  } | null>(null);
  const reapply = async () => {
    setError(null);
    setLoading('reapply');
    try {
      const version = await workspaceApi.getVersion(id, provisionedVersion);
      setReapplying({ design: version.design });
      try {
        setReapplying({ design: version.design, plan: await workspaceApi.plan(connectorId, version.design) });
      } catch (e) {
        setReapplying({ design: version.design, error: errorMessage(e) });
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(null);
    }
  };
  const confirmReapply = async () => {
    if (!reapplying) return;
    setReapplying({ ...reapplying, sending: true });
    try {
      const result = await workspaceApi.provision(id, provisionedVersion);
      setSent(
        `Re-applying version ${provisionedVersion} to connector #${result.connector_id}${result.provisionRequestId ? ` (request ${result.provisionRequestId})` : ''}: the drift clears when it succeeds.`,
      );
      setReapplying(null);
      await refresh();
    } catch (e) {
      setReapplying({ ...reapplying, sending: false, error: errorMessage(e) });
    }
  };

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn-secondary text-xs"
          disabled={loading !== null || !canSave.allowed}
          title={canSave.reason ?? undefined}
          onClick={() => void adopt()}
          aria-haspopup="dialog"
        >
          {loading === 'adopt' ? 'Reading the live connector…' : `Adopt live values as version ${latestVersion + 1}…`}
        </button>
        <button
          type="button"
          className="btn-secondary text-xs"
          disabled={loading !== null || !canProvision.allowed}
          title={canProvision.reason ?? undefined}
          onClick={() => void reapply()}
          aria-haspopup="dialog"
        >
          {loading === 'reapply' ? 'Working out the plan…' : `Re-apply version ${provisionedVersion}…`}
        </button>
      </div>
      {error && <p className="text-xs">Could not do that: {error}</p>}
      {sent && (
        <p role="status" className="text-xs">
          {sent}
        </p>
      )}
      <PlanReviewDialog review={review} onClose={() => setReview(null)} />
      <PlanDialog
        open={reapplying !== null}
        title={`Re-apply version ${provisionedVersion}`}
        action="update"
        resourceName={reapplying?.design.resource_name ?? ''}
        plan={reapplying?.plan}
        error={reapplying?.error}
        design={reapplying?.design}
        notice={
          <p className="text-sm">
            Provisions version {provisionedVersion} to live connector #{connectorId} again, undoing the changes made
            outside this design.
          </p>
        }
        confirmLabel={reapplying?.sending ? 'Sending…' : 'Confirm re-apply'}
        confirmDisabled={reapplying?.sending === true}
        onConfirm={() => void confirmReapply()}
        onCancel={() => setReapplying(null)}
        testId="reapply-plan"
      />
    </div>
  );
}
