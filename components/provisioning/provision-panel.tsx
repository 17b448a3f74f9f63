'use client';
/**
 * "Provision" for a design: creates the connector (POST /api/connectors) or,
 * when `connectorId` is set, replaces it (PUT /api/connectors/{id}); then
 * follows the provision request (PENDING → IN_PROGRESS → SUCCESS/FAILED) and
 * links to the connector's detail page. Explains 422 schema errors, 409
 * unresolved tenant references and upstream failures.
 *
 * Once it has created a connector, later clicks update that connector rather
 * than creating a duplicate (e.g. retrying after FAILED).
 *
 * Nothing is sent on the click: it opens the plan (`+ create`, or the
 * server's `~ update in-place` of the live connector) for the form as it is at
 * that moment, and Confirm sends exactly that design.
 */
import Link from 'next/link';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ConnectorDesign } from '@/lib/connector/design';
import { errorMessage } from '@/lib/client/api';
import { isTerminalState } from '@/lib/client/provision-state';
import { usePermission } from '@/lib/client/viewer';
import { workspaceApi } from '@/lib/client/workspace-api';
import { PermissionNote } from '@/components/auth/permission-note';
import { PlanDialog } from './plan-dialog';
import { ProvisionErrors } from './provision-errors';
import { StateBadge } from './state-badge';
import { useProvision, type SubmittedProvision } from './use-provision';
import { createPlan } from './whole-plan';

export type { SubmittedProvision };

export interface ProvisionPanelProps {
  design: ConnectorDesign;
  /** The live connector this design edits; absent for a new connector. */
  connectorId?: number;
  /** E.g. while the design has validation errors. */
  disabled?: boolean;
  /** Shown under the heading and tied to the button: why it is disabled, or what to expect. */
  note?: ReactNode;
  /** Called with the connector id once its provision request ends in SUCCESS. */
  onProvisioned?(id: number): void;
  /** Called once a create has been accepted (before provisioning ends), e.g. to switch the page to editing it. */
  onCreated?(submitted: SubmittedProvision): void;
  /** A create this panel (or one before a remount) already submitted: shown and followed as if just clicked. */
  resume?: SubmittedProvision;
  /** Shown in the plan of an update, e.g. that a workspace design manages the connector. */
  updateNotice?: ReactNode;
}

/** The design a plan is being shown for, and the connector it would update (none: a create). */
interface Review {
  seq: number;
  design: ConnectorDesign;
  targetId: number | undefined;
}

export function ProvisionPanel({
  design,
  connectorId,
  disabled = false,
  note,
  onProvisioned,
  onCreated,
  resume,
  updateNotice,
}: ProvisionPanelProps) {
  const headingId = useId();
  const noteId = useId();
  const permissionId = useId();
  const permission = usePermission('provision');
  const provision = useProvision({ design, connectorId, onProvisioned, onCreated, resume });
  const { send, mutation, running, targetId } = provision;
  const [review, setReview] = useState<Review | null>(null);
  const plan = useQuery({
    queryKey: ['provision-plan', review?.seq],
    queryFn: () => {
      const r = review as Review;
      return r.targetId === undefined ? createPlan(r.design) : workspaceApi.plan(r.targetId, r.design);
    },
    enabled: review !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

  const buttonLabel = targetId !== undefined ? 'Provision changes' : 'Provision';
  // Each review is its own plan (never one cached for an earlier form).
  const reviews = useRef(0);
  const openPlan = () => setReview({ seq: ++reviews.current, design, targetId });
  const confirm = () => {
    if (!review) return;
    setReview(null);
    send(review.design);
  };

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
          onClick={openPlan}
          disabled={disabled || running || !permission.allowed}
          aria-describedby={
            [permission.reason ? permissionId : '', note ? noteId : ''].filter(Boolean).join(' ') || undefined
          }
          className="rounded bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:bg-slate-400 dark:bg-blue-600 dark:hover:bg-blue-500 dark:focus-visible:ring-offset-slate-900 dark:disabled:bg-slate-600"
        >
          {mutation.isPending ? 'Submitting…' : buttonLabel}
        </button>
      </div>

      {permission.reason && <PermissionNote id={permissionId} reason={permission.reason} />}

      {note && (
        <div id={noteId} className="text-sm text-slate-700 dark:text-slate-300" data-testid="provision-note">
          {note}
        </div>
      )}

      <PlanDialog
        open={review !== null}
        title={review?.targetId === undefined ? 'Create this connector?' : `Update connector #${review.targetId}?`}
        action={review?.targetId === undefined ? 'create' : 'update'}
        resourceName={(review?.design ?? design).resource_name}
        plan={plan.data}
        error={plan.isError ? errorMessage(plan.error) : null}
        design={review?.design}
        notice={review?.targetId !== undefined ? updateNotice : undefined}
        confirmLabel="Confirm provision"
        onConfirm={confirm}
        onCancel={() => setReview(null)}
        testId="provision-plan"
      />

      <ProvisionStatus provision={provision} />
    </section>
  );
}

/** What happened to the last send: errors from the API, then the provision request's state and a link to the connector. */
export function ProvisionStatus({ provision }: { provision: ReturnType<typeof useProvision> }) {
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
