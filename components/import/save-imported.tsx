'use client';
/**
 * The import dialog's "save several" button: every (or every ticked)
 * connector of the file in one step. What saving means is the caller's (the
 * workspace imports the file, all connectors or none); a refusal is handed to
 * the dialog to list (each connector's problems, or the designs already
 * there), any other failure is shown here, and the dialog stays open with the
 * file, so nothing is lost.
 */
import { useState } from 'react';
import { errorMessage } from '@/lib/client/api';
import { importRefusal } from '@/lib/client/workspace-api';
import type { ImportRefusal } from './import-refusal';

/** What to save: the file's text and the labels of the chosen connectors. */
export interface ImportSelection {
  text: string;
  fileName: string | undefined;
  resources: string[];
}

/** Saves the chosen connectors; throws (an `ApiError`) when they were not saved. */
export type SaveImported = (selection: ImportSelection) => Promise<void>;

export function SaveImportedDesigns(props: {
  selection: ImportSelection;
  onSave: SaveImported;
  onDone(): void;
  /** Called with the server's reasons when it refused the import, and with null when a new attempt starts. */
  onRefused(refusal: ImportRefusal | null): void;
  /** The dialog's main action (no designer to load into). */
  primary: boolean;
}) {
  const { selection, onSave, onDone, onRefused, primary } = props;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = selection.resources.length;

  const save = async () => {
    setSaving(true);
    setError(null);
    onRefused(null);
    try {
      await onSave(selection);
      onDone();
    } catch (e) {
      const refusal = importRefusal(e);
      if (refusal) onRefused(refusal);
      else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {error && (
        <p role="alert" className="mr-auto text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <button
        type="button"
        className={`${primary ? 'btn-primary' : 'btn-secondary'} text-xs`}
        disabled={count === 0 || saving}
        onClick={() => void save()}
      >
        {saving ? 'Saving…' : `Save ${count === 1 ? '1 connector' : `${count} connectors`} to workspace`}
      </button>
    </>
  );
}
