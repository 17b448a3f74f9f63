'use client';
/**
 * The stored design's actions in the designer toolbar: whether the form has
 * unsaved changes, "Save" (with a note, as the next version) and "History".
 */
import { useFormContext, useWatch } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';
import { HistoryDialog } from './history-dialog';
import { SaveNoteDialog } from './save-note-dialog';
import { sameDesign, storableFile } from './design-session';
import { useDesignState, useDocumentStore } from '@/components/designer/design-document-context';

/** True when the form differs from the version it was loaded from, or the file from the file it was saved with. */
export function useUnsavedChanges(baseDesign: ConnectorDesign, baseHcl: string | null): boolean {
  const values = useWatch<ConnectorDesign>() as ConnectorDesign;
  const text = useDesignState((s) => s.text);
  return !sameDesign(values, baseDesign) || (baseHcl !== null && text !== baseHcl);
}

export interface DesignToolbarProps {
  id: number;
  baseVersion: number;
  baseDesign: ConnectorDesign;
  /** The file saved with the base version, when there is one. */
  baseHcl: string | null;
  latestVersion: number;
  provisionedVersion: number | null;
  onSave(design: ConnectorDesign, note: string, baseVersion: number, hcl?: string): Promise<void>;
  onRestore(version: number): Promise<void>;
}

export function DesignToolbar({
  id,
  baseVersion,
  baseDesign,
  baseHcl,
  latestVersion,
  provisionedVersion,
  onSave,
  onRestore,
}: DesignToolbarProps) {
  const { getValues } = useFormContext<ConnectorDesign>();
  const store = useDocumentStore();
  const unsaved = useUnsavedChanges(baseDesign, baseHcl);
  return (
    <>
      <span
        data-testid="save-state"
        data-unsaved={unsaved}
        className={`rounded-full px-2 py-0.5 text-xs font-medium ${
          unsaved
            ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'
            : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300'
        }`}
      >
        {unsaved ? `● Unsaved changes (from version ${baseVersion})` : `Saved · version ${baseVersion}`}
      </span>
      <SaveNoteDialog
        label="Save"
        title="Save a new version"
        hint={`Becomes version ${baseVersion + 1}.`}
        disabled={!unsaved}
        onSave={(note) => {
          store.flush();
          const design = structuredClone(getValues());
          return onSave(design, note, baseVersion, storableFile(store.getState().text, store.getState().resource));
        }}
      />
      <a
        className="btn-secondary text-xs"
        href={`/api/designs/${id}/export?format=module`}
        download
        data-testid="download-module"
        title={`Version ${baseVersion} as saved, as a Terraform module (main.tf with an import block when the design runs on a connector, variables.tf, providers.tf)`}
      >
        Download module (.zip)
      </a>
      <HistoryDialog
        id={id}
        latestVersion={latestVersion}
        provisionedVersion={provisionedVersion}
        unsaved={unsaved}
        onRestore={onRestore}
      />
    </>
  );
}
