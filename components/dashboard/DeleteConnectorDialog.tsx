'use client';
/**
 * Delete with confirmation: the user types the connector's name, then the
 * DELETE is sent and its provision request followed until SUCCESS, when
 * `onDeleted` fires (the page then returns to the list with a notice).
 * A native modal <dialog> gives focus trapping and Escape for free.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import { useProvisionRequest } from '@/lib/client/hooks';
import { StateBadge } from '@/components/provisioning/StateBadge';
import { PermissionNote } from '@/components/auth/PermissionNote';
import { usePermission } from '@/lib/client/viewer';
import { dangerButtonClass, secondaryButtonClass } from './button-styles';

export interface DeleteConnectorDialogProps {
  connectorId: number;
  connectorName: string;
  /** Fires when the deletion is underway, so the page stops reading a connector about to vanish. */
  onDeleting?(): void;
  onDeleted(): void;
}

export function DeleteConnectorDialog({ connectorId, connectorName, onDeleting, onDeleted }: DeleteConnectorDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState('');
  const permission = usePermission('provision');

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

  const open = () => {
    setTyped('');
    deletion.reset();
    dialogRef.current?.showModal();
  };
  const close = () => dialogRef.current?.close();
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
      <button type="button" className={dangerButtonClass} onClick={open}>
        Delete
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${inputId}-title`}
        className="m-auto w-full max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100 backdrop:bg-slate-900/40 dark:backdrop:bg-black/60"
      >
        <form
          method="dialog"
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            if (confirmed && !inFlight) deletion.mutate();
          }}
        >
          <h2 id={`${inputId}-title`} className="text-lg font-semibold">
            Delete connector {connectorName}?
          </h2>
          <p id={hintId} className="text-sm text-slate-700 dark:text-slate-300">
            This deprovisions the connector in Alkira and removes it. Type <strong className="font-mono">{connectorName}</strong> to confirm.
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
            <p role="alert" className="rounded border border-red-300 dark:border-red-800 bg-red-50 dark:bg-red-950/40 p-2 text-sm text-red-950 dark:text-red-100">
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

          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={close}>
              {inFlight ? 'Close' : 'Cancel'}
            </button>
            <button type="submit" className={dangerButtonClass} disabled={!confirmed || inFlight}>
              {inFlight ? 'Deleting…' : 'Delete connector'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
