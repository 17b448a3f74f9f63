'use client';
/**
 * "Save to workspace" in the plain designer: stores the form (and its file) as a new design
 * (version 1) and hands over to its own URL, `/designs/<id>`, where it can be
 * shared, versioned and reviewed.
 */
import { useFormContext } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import type { ConnectorDesign } from '@/lib/connector/design';
import { workspaceApi } from '@/lib/client/workspace-api';
import { workspaceKeys } from '@/lib/client/workspace-hooks';
import { SaveNoteDialog } from './save-note-dialog';
import { storableFile } from './design-session';
import { useDocumentStore } from '@/components/designer/design-document-context';

export function SaveToWorkspace({ onSaved }: { onSaved(id: number): void }) {
  const { getValues } = useFormContext<ConnectorDesign>();
  const queryClient = useQueryClient();
  const store = useDocumentStore();
  return (
    <SaveNoteDialog
      label="Save to workspace"
      title="Save to the workspace"
      buttonClassName="btn-secondary text-xs"
      hint="Becomes version 1 of a shared design with its own link."
      onSave={async (note) => {
        store.flush();
        const { text, resource } = store.getState();
        const { id } = await workspaceApi.create(getValues(), note || undefined, storableFile(text, resource));
        void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
        onSaved(id);
      }}
    />
  );
}
