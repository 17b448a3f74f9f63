'use client';
/**
 * The frame of the workspace's modal dialogs (a version's note, the review of
 * a write): a native modal <dialog> — focus moves into it and is trapped
 * there, Escape closes it, the page behind is dimmed — with its title, the
 * caller's content, the error of a failed confirm, and Cancel / confirm.
 *
 * The frame stays in the page while closed, so the focus is still inside the
 * dialog when it closes and goes back to what opened it.
 *
 * Escape and Cancel only close it (nothing is run). Confirm (its button, or
 * Enter in a field) runs `onConfirm` once at a time: when it resolves the
 * dialog closes, when it throws the dialog stays open with the message.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { errorMessage } from '@/lib/client/api';
import { useAsyncAction } from '@/lib/client/use-async-action';

const SIZES = {
  narrow: { dialog: 'max-w-md', body: 'space-y-4' },
  wide: { dialog: 'max-w-2xl', body: 'space-y-3' },
} as const;

export interface ModalShellProps {
  open: boolean;
  title: string;
  /** Escape, Cancel, or a confirm that succeeded: the owner sets `open` to false. */
  onClose(): void;
  /** Throws to keep the dialog open with the error. */
  onConfirm(): Promise<void>;
  confirmLabel: string;
  /** The confirm button's text while `onConfirm` runs, e.g. "Saving…". */
  busyLabel: string;
  /** The message shown for what `onConfirm` threw; the API's message by default. */
  describeError?(error: unknown): string;
  size?: keyof typeof SIZES;
  testId?: string;
  /** Between the title and the buttons. */
  children: ReactNode;
}

export function ModalShell({
  open,
  title,
  onClose,
  onConfirm,
  confirmLabel,
  busyLabel,
  describeError = errorMessage,
  size = 'narrow',
  testId,
  children,
}: ModalShellProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const { busy, error, run, clearError } = useAsyncAction(describeError);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      clearError();
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open, clearError]);

  const confirm = async () => {
    if (await run(onConfirm)) onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className={`m-auto w-full ${SIZES[size].dialog} rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100 dark:backdrop:bg-black/60`}
    >
      <form
        className={`${SIZES[size].body} p-5`}
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void confirm();
        }}
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
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
          <button type="submit" className="btn-primary text-sm" disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
