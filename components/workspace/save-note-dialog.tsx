'use client';
/**
 * The note that goes with a saved version ("what changed and why"), asked in
 * a modal dialog (`ModalShell`: Escape and Cancel save nothing). The form's
 * values are read when the user confirms, so nothing typed meanwhile is
 * missed; a note typed before Cancel is still there when it opens again.
 */
import { useId, useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '@/lib/client/api';
import { usePermission } from '@/lib/client/viewer';
import { ModalShell } from './modal-shell';

const SHOWN_ERRORS = 3;

/** The API's message, plus the first field errors of a 422 (the form lists them all). */
function saveError(e: unknown): string {
  const issues = e instanceof ApiError ? (e.body.errors ?? []) : [];
  if (issues.length === 0) return errorMessage(e);
  const shown = issues.slice(0, SHOWN_ERRORS).map((i) => `${i.path.replace(/^design\./, '')}: ${i.message}`);
  return `${errorMessage(e)}: ${shown.join('; ')}${issues.length > SHOWN_ERRORS ? '; …' : ''}. Fix them in the form, then save.`;
}

export interface SaveNoteDialogProps {
  /** The button that opens the dialog. */
  label: string;
  title: string;
  /** Saves with the note; throws to keep the dialog open with the error. */
  onSave(note: string): Promise<void>;
  /** Under the note field, e.g. which version this becomes. */
  hint?: ReactNode;
  buttonClassName?: string;
  disabled?: boolean;
}

export function SaveNoteDialog({
  label,
  title,
  onSave,
  hint,
  buttonClassName = 'btn-primary text-xs',
  disabled = false,
}: SaveNoteDialogProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  // The server refuses saves to viewers; the button says so up front.
  const permission = usePermission('saveDesign');

  const save = async () => {
    await onSave(note.trim());
    setNote('');
  };

  return (
    <>
      <button
        type="button"
        className={buttonClassName}
        onClick={() => setOpen(true)}
        disabled={disabled || !permission.allowed}
        title={permission.reason ?? undefined}
        aria-haspopup="dialog"
      >
        {label}
      </button>
      <ModalShell
        open={open}
        title={title}
        onClose={() => setOpen(false)}
        onConfirm={save}
        confirmLabel="Save"
        busyLabel="Saving…"
        describeError={saveError}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-note`} className="text-sm font-medium">
            Note <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
          </label>
          <input
            id={`${id}-note`}
            type="text"
            autoComplete="off"
            maxLength={500}
            value={note}
            placeholder="e.g. Bigger size for the migration"
            onChange={(e) => setNote(e.target.value)}
            className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200 dark:border-slate-600 dark:bg-slate-950 dark:focus:ring-blue-800"
          />
          {hint && <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p>}
        </div>
      </ModalShell>
    </>
  );
}
