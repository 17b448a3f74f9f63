'use client';
/**
 * The stored design's actions in the designer toolbar: whether the form has
 * unsaved changes, "Save" (with a note, as the next version) and "History".
 */
import { useFormContext, useWatch } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';
import { HistoryDialog } from './history-dialog';
import { SaveNoteDialog } from './save-note-dialog';
import { sameDesign } from './design-session';

/** True when the form differs from the version it was loaded from. */
export function useUnsavedChanges(baseDesign: ConnectorDesign): boolean {
  const values = useWatch<ConnectorDesign>() as ConnectorDesign;
  return !sameDesign(values, baseDesign);
}

export interface DesignToolbarProps {
  id: number;
  baseVersion: number;
  baseDesign: ConnectorDesign;
  latestVersion: number;
  provisionedVersion: number | null;
  onSave(design: ConnectorDesign, note: string, baseVersion: number): Promise<void>;
  onRestore(version: number): Promise<void>;
}

export function DesignToolbar({ id, baseVersion, baseDesign, latestVersion, provisionedVersion, onSave, onRestore }: DesignToolbarProps) {
  const { getValues } = useFormContext<ConnectorDesign>();
  const unsaved = useUnsavedChanges(baseDesign);
  return (
    <>
      <span
        data-testid="save-state"
        data-unsaved={unsaved}
        className={`rounded-full px-2 py-0.5 text-xs font-medium ${
          unsaved ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200' : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'
        }`}
      >
        {unsaved ? `● Unsaved changes (from version ${baseVersion})` : `Saved · version ${baseVersion}`}
      </span>
      <SaveNoteDialog
        label="Save"
        title="Save a new version"
        hint={`Becomes version ${baseVersion + 1}.`}
        disabled={!unsaved}
        onSave={(note) => onSave(structuredClone(getValues()), note, baseVersion)}
      />
      <HistoryDialog id={id} latestVersion={latestVersion} provisionedVersion={provisionedVersion} unsaved={unsaved} onRestore={onRestore} />
    </>
  );
}
