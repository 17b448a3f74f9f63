'use client';
/**
 * Delete with a plan and a confirmation: the plan dialog lists what would be
 * destroyed (`- … will be destroyed`, every attribute of the live connector),
 * the user types the connector's name, and only then is the DELETE sent and
 * its provision request followed until SUCCESS, when `onDeleted` fires (the
 * page then returns to the list with a notice). Cancel sends nothing.
 */
import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, errorMessage } from '@/lib/client/api';
import { useProvisionRequest } from '@/lib/client/hooks';
import { StateBadge } from '@/components/provisioning/state-badge';
import { PlanDialog } from '@/components/provisioning/plan-dialog';
import { destroyPlan } from '@/components/provisioning/whole-plan';
import { PermissionNote } from '@/components/auth/permission-note';
import { usePermission } from '@/lib/client/viewer';
import { dangerButtonClass } from './button-styles';

export interface DeleteConnectorDialogProps {
  connectorId: number;
  connectorName: string;
  /** Fires when the deletion is underway, so the page stops reading a connector about to vanish. */
  onDeleting?(): void;
  onDeleted(): void;
}

export function DeleteConnectorDialog({
  connectorId,
  connectorName,
  onDeleting,
  onDeleted,
}: DeleteConnectorDialogProps) {
  const inputId = useId();
  const hintId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const permission = usePermission('provision');

  // What would be destroyed: the live connector as a design (stored keys stay stored, shown as (sensitive)).
  const live = useQuery({
    queryKey: ['connector-design', connectorId, 'destroy-plan'],
    queryFn: () => api.getConnectorDesign(connectorId),
    enabled: open,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const deletion = useMutation({
    mutationFn: () => api.deleteConnector(connectorId),
    onSuccess: (res) => {
      onDeleting?.();
      // Without a provision request the deletion is already done.
      if (!res.provisionRequestId) onDeleted();
    },
  });
  const request = useProvisionRequest(deletion.data?.provisionRequestId);
  const state = deletion.data?.provisionRequestId ? (request.data?.state ?? 'PENDING') : null;

  useEffect(() => {
    if (state === 'SUCCESS') onDeleted();
  }, [state, onDeleted]);

  const show = () => {
    setTyped('');
    deletion.reset();
    setOpen(true);
  };
  const confirmed = typed.trim() === connectorName;
  const inFlight = deletion.isPending || (deletion.isSuccess && state !== 'FAILED');

  if (!permission.allowed) {
    return (
      <div className="flex flex-col items-start gap-1">
        <button type="button" className={dangerButtonClass} disabled aria-describedby={`${hintId}-permission`}>
          Delete
        </button>
        <PermissionNote id={`${hintId}-permission`} reason={permission.reason ?? ''} />
      </div>
    );
  }

  return (
    <>
      <button type="button" className={dangerButtonClass} onClick={show}>
        Delete
      </button>
      <PlanDialog
        open={open}
        title={`Delete connector ${connectorName}?`}
        action="delete"
        resourceName={live.data?.resource_name ?? connectorName}
        plan={live.data ? destroyPlan(live.data) : undefined}
        error={live.isError ? errorMessage(live.error) : null}
        design={live.data}
        confirmLabel={inFlight ? 'Deleting…' : 'Delete connector'}
        confirmDisabled={!confirmed || inFlight}
        cancelLabel={inFlight ? 'Close' : 'Cancel'}
        onConfirm={() => deletion.mutate()}
        onCancel={() => setOpen(false)}
        testId="delete-plan"
      >
        <p id={hintId} className="text-sm text-slate-700 dark:text-slate-300">
          This deprovisions the connector in Alkira and removes it. Type{' '}
          <strong className="font-mono">{connectorName}</strong> to confirm.
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium">
            Connector name
          </label>
          <input
            id={inputId}
            type="text"
            autoComplete="off"
            aria-describedby={hintId}
            value={typed}
            disabled={inFlight}
            onChange={(e) => setTyped(e.target.value)}
            className="rounded border border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-950 px-2 py-1.5 text-sm focus:border-red-600 focus:outline-none focus:ring-2 focus:ring-red-200 dark:focus:ring-red-900"
          />
        </div>

        {deletion.isError && (
          <p
            role="alert"
            className="rounded border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950/40 p-2 text-sm text-red-950 dark:text-red-100"
          >
            {deletion.error.message}
          </p>
        )}
        {deletion.isSuccess && state && (
          <div aria-live="polite" className="space-y-1 text-sm">
            <p className="flex items-center gap-2">
              Deleting: <StateBadge state={state} />
            </p>
            {state === 'FAILED' && (
              <p role="alert" className="text-red-800 dark:text-red-300">
                {request.data?.errorMessage ?? 'The deletion failed.'}
              </p>
            )}
          </div>
        )}
      </PlanDialog>
    </>
  );
}
