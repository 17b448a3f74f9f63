'use client';
/**
 * The note that goes with a saved version ("what changed and why"), asked in
 * a native modal <dialog> (focus trap and Escape for free). The form's values
 * are read when the user confirms, so nothing typed meanwhile is missed.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { ApiError, errorMessage } from '@/lib/client/api';
import { usePermission } from '@/lib/client/viewer';

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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The server refuses saves to viewers; the button says so up front.
  const permission = usePermission('saveDesign');

  const open = () => {
    setError(null);
    dialogRef.current?.showModal();
  };

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(note.trim());
      setNote('');
      dialogRef.current?.close();
    } catch (e) {
      setError(saveError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={buttonClassName}
        onClick={open}
        disabled={disabled || !permission.allowed}
        title={permission.reason ?? undefined}
        aria-haspopup="dialog"
      >
        {label}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-title`}
        className="m-auto w-full max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100 dark:backdrop:bg-black/60"
      >
        <form
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            if (!saving) void submit();
          }}
        >
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
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
          {error && (
            <p
              role="alert"
              className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
            >
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button type="button" className="btn-secondary text-sm" onClick={() => dialogRef.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn-primary text-sm" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
