'use client';
/**
 * The import dialog's "save several" button: every (or every ticked)
 * connector of the file in one step. What saving means is the caller's
 * (the workspace creates one design each); a failure is shown here and the
 * dialog stays open with the file, so nothing is lost.
 */
import { useState } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { errorMessage } from '@/lib/client/api';

/** Saves the designs; throws with a message naming what failed. */
export type SaveImported = (designs: ConnectorDesign[], fileName: string | undefined) => Promise<void>;

export function SaveImportedDesigns(props: {
  designs: ConnectorDesign[];
  fileName: string | undefined;
  onSave: SaveImported;
  onDone(): void;
  /** The dialog's main action (no designer to load into). */
  primary: boolean;
}) {
  const { designs, fileName, onSave, onDone, primary } = props;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = designs.length;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSave(designs, fileName);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
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
      <button type="button" className={`${primary ? 'btn-primary' : 'btn-secondary'} text-xs`} disabled={count === 0 || saving} onClick={() => void save()}>
        {saving ? 'Saving…' : `Save ${count === 1 ? '1 connector' : `${count} connectors`} to workspace`}
      </button>
    </>
  );
}
