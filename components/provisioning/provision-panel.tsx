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
import { useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ConnectorDesign } from '@/lib/connector/design';
import { errorMessage } from '@/lib/client/api';
import { usePermission } from '@/lib/client/viewer';
import { workspaceApi } from '@/lib/client/workspace-api';
import { ProvisionAction } from './provision-action';
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
    <ProvisionAction
      label={mutation.isPending ? 'Submitting…' : buttonLabel}
      onProvision={openPlan}
      disabled={disabled || running || !permission.allowed}
      permissionReason={permission.reason}
      note={note}
      plan={{
        open: review !== null,
        title: review?.targetId === undefined ? 'Create this connector?' : `Update connector #${review.targetId}?`,
        action: review?.targetId === undefined ? 'create' : 'update',
        resourceName: (review?.design ?? design).resource_name,
        plan: plan.data,
        error: plan.isError ? errorMessage(plan.error) : null,
        design: review?.design,
        notice: review?.targetId !== undefined ? updateNotice : undefined,
        onConfirm: confirm,
        onCancel: () => setReview(null),
      }}
      provision={provision}
    />
  );
}
