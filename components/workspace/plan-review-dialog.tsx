'use client';
/**
 * Review before a write: a native modal <dialog> (focus trap and Escape for
 * free) showing the plan-style change list of what the write would do, its
 * summary line, and Cancel / Confirm. Confirm runs the write; an error keeps
 * the dialog open with the message. Used by drift's "Adopt live values",
 * which writes a version, not the connector (writes to a connector go through
 * components/provisioning/plan-dialog).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '@/lib/client/api';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { DesignChange } from '@/lib/client/workspace-api';
import { ChangeList } from './change-list';

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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (review && !dialog.open) {
      setError(null);
      dialog.showModal();
    } else if (!review && dialog.open) dialog.close();
  }, [review]);

  const confirm = async () => {
    if (!review) return;
    setBusy(true);
    setError(null);
    try {
      await review.onConfirm();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto w-full max-w-2xl rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100 dark:backdrop:bg-black/60"
    >
      {review && (
        <div className="space-y-3 p-5" data-testid="plan-review">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {review.title}
          </h2>
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
          {error && (
            <p
              role="alert"
              className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
            >
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className="btn-secondary text-sm" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn-primary text-sm" disabled={busy} onClick={() => void confirm()}>
              {busy ? 'Working…' : review.confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
