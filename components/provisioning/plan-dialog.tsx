'use client';
/**
 * The one review step before every write to a connector: a modal that shows
 * the plan the way `terraform plan` does — `+ … will be created`,
 * `~ … will be updated in-place` with each changed attribute (before → after),
 * or `- … will be destroyed` — and sends nothing until Confirm. Cancel, Escape
 * and the close button send nothing. Used by the designer (create and live
 * edit), the workspace's Provision… and the dashboard's Delete.
 *
 * The caller computes the plan and sends, on Confirm, exactly the design the
 * plan was made for. A native modal <dialog> traps focus and closes on Escape.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { ConnectorPlan } from '@/lib/client/workspace-api';
import { ChangeList } from '@/components/workspace/change-list';
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from '@/components/dashboard/button-styles';

export type PlanAction = 'create' | 'update' | 'delete';

const HEADLINE: Record<PlanAction, { symbol: string; words: string; style: string }> = {
  create: { symbol: '+', words: 'will be created', style: 'text-green-800 dark:text-green-300' },
  update: { symbol: '~', words: 'will be updated in-place', style: 'text-amber-800 dark:text-amber-300' },
  delete: { symbol: '-', words: 'will be destroyed', style: 'text-red-800 dark:text-red-300' },
};

export interface PlanDialogProps {
  open: boolean;
  /** The dialog's heading (its accessible name). */
  title: string;
  action: PlanAction;
  /** The Terraform label of the connector (`alkira_connector_azure_expressroute.<resourceName>`). */
  resourceName: string;
  /** Undefined while it is being worked out. */
  plan: ConnectorPlan | undefined;
  /** Why the plan could not be worked out (Confirm is then unavailable). */
  error?: string | null;
  /** Names the blocks in the change list (e.g. `instance 1 "primary"`). */
  design?: ConnectorDesign;
  /** Shown above the plan, e.g. that a workspace design manages this connector. */
  notice?: ReactNode;
  /** Shown under the plan: an extra confirmation input, the progress of a send. */
  children?: ReactNode;
  confirmLabel: string;
  /** E.g. until the connector's name is typed, or while the send is in flight. */
  confirmDisabled?: boolean;
  cancelLabel?: string;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
}

export function PlanDialog(props: PlanDialogProps) {
  const {
    open,
    title,
    action,
    resourceName,
    plan,
    error,
    design,
    notice,
    children,
    confirmLabel,
    confirmDisabled,
    cancelLabel = 'Cancel',
    onConfirm,
    onCancel,
    testId,
  } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const headline = HEADLINE[action];
  const noChanges = plan !== undefined && action === 'update' && plan.changes.length === 0;
  const canConfirm = plan !== undefined && !error && !noChanges && !confirmDisabled;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      data-testid={testId}
      // Escape and the form's Cancel close it: the caller learns it here, and nothing is sent.
      onClose={() => {
        if (open) onCancel();
      }}
      className="m-auto max-h-[85vh] w-full max-w-2xl overflow-y-auto rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100 dark:backdrop:bg-black/60"
    >
      {open && (
        <form
          method="dialog"
          className="space-y-3 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            if (canConfirm) onConfirm();
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {notice}
          <p className="font-mono text-sm font-semibold" data-testid="plan-headline">
            <span aria-hidden="true" className={headline.style}>
              {headline.symbol}
            </span>{' '}
            alkira_connector_azure_expressroute.{resourceName} {headline.words}
          </p>
          {error ? (
            <p role="alert" className="text-sm text-red-800 dark:text-red-300">
              Could not work out the plan: {error}
            </p>
          ) : plan === undefined ? (
            <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
              Working out the plan…
            </p>
          ) : noChanges ? (
            <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
              The live connector already matches: there is nothing to send.
            </p>
          ) : (
            // A long plan (a whole connector destroyed) scrolls on its own, so the confirmation and buttons stay in view.
            <div
              className="max-h-[50vh] overflow-y-auto rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
              tabIndex={0}
              data-testid="plan-changes"
            >
              <ChangeList changes={plan.changes} design={design} label="Plan" />
            </div>
          )}
          {plan && !error && (
            <p className="font-mono text-xs font-semibold" data-testid="plan-summary">
              {plan.summary.text}
            </p>
          )}
          {children}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={onCancel}>
              {cancelLabel}
            </button>
            <button
              type="submit"
              className={action === 'delete' ? dangerButtonClass : primaryButtonClass}
              disabled={!canConfirm}
            >
              {confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
