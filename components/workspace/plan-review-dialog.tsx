'use client';
/**
 * Review before a write: a modal dialog (`ModalShell`) showing the plan-style
 * change list of what the write would do, its summary line, and Cancel /
 * Confirm. Confirm runs the write; an error keeps the dialog open with the
 * message. Used by drift's "Adopt live values", which writes a version, not
 * the connector (writes to a connector go through
 * components/provisioning/plan-dialog).
 */
import type { ReactNode } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { DesignChange } from '@/lib/client/workspace-api';
import { ChangeList } from './change-list';
import { ModalShell } from './modal-shell';

export interface PlanReview {
  title: string;
  /** Above the change list, e.g. `~ alkira_connector_azure_expressroute.x will be updated in-place`. */
  heading: ReactNode;
  changes: readonly DesignChange[];
  /** Names the blocks in the change list. */
  design?: ConnectorDesign;
  /** The plan's summary line, or what confirming does. */
  summary: string;
  note?: ReactNode;
  confirmLabel: string;
  onConfirm(): Promise<void>;
}

export function PlanReviewDialog({ review, onClose }: { review: PlanReview | null; onClose(): void }) {
  return (
    <ModalShell
      open={review !== null}
      title={review?.title ?? ''}
      onClose={onClose}
      onConfirm={async () => {
        await review?.onConfirm();
      }}
      confirmLabel={review?.confirmLabel ?? ''}
      busyLabel="Working…"
      size="wide"
      testId="plan-review"
    >
      {review && (
        <>
          <p className="font-mono text-sm font-semibold">{review.heading}</p>
          {review.changes.length > 0 ? (
            <ChangeList changes={review.changes} design={review.design} label={review.title} />
          ) : (
            <p className="text-sm">No attribute changes.</p>
          )}
          <p className="font-mono text-xs font-semibold" data-testid="plan-summary">
            {review.summary}
          </p>
          {review.note && <p className="text-xs text-slate-700 dark:text-slate-300">{review.note}</p>}
        </>
      )}
    </ModalShell>
  );
}
