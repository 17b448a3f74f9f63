'use client';
/**
 * The "Provision to Alkira" section every provision path shows (the
 * designer's panel, a stored design's page): its heading, the Provision
 * button, under it why the button is disabled or what a click does (both
 * tied to the button as its description), the plan dialog whose "Confirm
 * provision" sends, and what happened to the last send. What is planned and
 * sent is the caller's.
 */
import Link from 'next/link';
import { useId, type ReactNode } from 'react';
import { isTerminalState } from '@/lib/client/provision-state';
import { PermissionNote } from '@/components/auth/permission-note';
import { PlanDialog, type PlanDialogProps } from './plan-dialog';
import { ProvisionErrors } from './provision-errors';
import { StateBadge } from './state-badge';
import type { useProvision } from './use-provision';

type Provision = ReturnType<typeof useProvision>;

export interface ProvisionActionProps {
  /** The button's text, e.g. "Provision…", "Submitting…", "No changes". */
  label: string;
  onProvision(): void;
  disabled: boolean;
  /** Why the user's role may not provision; shown above the note. */
  permissionReason?: string | null;
  /** Why the button is disabled, or what to expect from a click. */
  note?: ReactNode;
  /** The plan shown on a click; its Confirm sends. */
  plan: Omit<PlanDialogProps, 'confirmLabel' | 'testId'>;
  /** The send, shown under the plan: its errors, the provision request's state. */
  provision: Provision;
  /** Under the note, e.g. why the plan could not be worked out. */
  children?: ReactNode;
}

export function ProvisionAction({
  label,
  onProvision,
  disabled,
  permissionReason,
  note,
  plan,
  provision,
  children,
}: ProvisionActionProps) {
  const headingId = useId();
  const noteId = useId();
  const permissionId = useId();
  const describedBy = [permissionReason ? permissionId : '', note ? noteId : ''].filter(Boolean).join(' ');

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          Provision to Alkira
        </h2>
        <button
          type="button"
          onClick={onProvision}
          disabled={disabled}
          aria-describedby={describedBy || undefined}
          className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:bg-slate-400 dark:bg-blue-600 dark:hover:bg-blue-500 dark:focus-visible:ring-offset-slate-900 dark:disabled:bg-slate-600"
        >
          {label}
        </button>
      </div>

      {permissionReason && <PermissionNote id={permissionId} reason={permissionReason} />}

      {note && (
        <div id={noteId} className="text-sm text-slate-700 dark:text-slate-300" data-testid="provision-note">
          {note}
        </div>
      )}

      {children}

      <PlanDialog {...plan} confirmLabel="Confirm provision" testId="provision-plan" />

      <ProvisionStatus provision={provision} />
    </section>
  );
}

/** What happened to the last send: errors from the API, then the provision request's state and a link to the connector. */
function ProvisionStatus({ provision }: { provision: Provision }) {
  const { mutation, submitted, request, state } = provision;
  return (
    <>
      {mutation.isError && <ProvisionErrors error={mutation.error} />}

      {submitted && !mutation.isPending && (
        <div aria-live="polite" className="space-y-2 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <span>
              {submitted.operation === 'create' ? 'Created' : 'Updated'} connector #{submitted.connectorId}
              {submitted.provisionRequestId ? '; provisioning:' : ' (no provision request was started).'}
            </span>
            {submitted.provisionRequestId && <StateBadge state={state} />}
          </p>
          {state === 'FAILED' && request.data?.errorMessage && (
            <p
              role="alert"
              className="wrap-anywhere rounded border border-red-300 bg-red-50 p-2 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
            >
              {request.data.errorMessage}
            </p>
          )}
          {request.isError && (
            <p role="alert" className="text-red-800 dark:text-red-300">
              Could not read the provision request&apos;s state: {request.error.message}
            </p>
          )}
          {(state === null || isTerminalState(state)) && (
            <p>
              <Link
                className="font-medium text-blue-800 underline dark:text-blue-300"
                href={`/connectors/${submitted.connectorId}`}
              >
                View connector #{submitted.connectorId}
              </Link>
            </p>
          )}
        </div>
      )}
    </>
  );
}
