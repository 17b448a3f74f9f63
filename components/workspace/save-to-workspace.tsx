'use client';
/**
 * "Save to workspace" in the plain designer: stores the form as a new design
 * (version 1) and hands over to its own URL, `/designs/<id>`, where it can be
 * shared, versioned and reviewed.
 */
import { useFormContext } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import type { ConnectorDesign } from '@/lib/connector/design';
import { workspaceApi } from '@/lib/client/workspace-api';
import { workspaceKeys } from '@/lib/client/workspace-hooks';
import { SaveNoteDialog } from './save-note-dialog';

export function SaveToWorkspace({ onSaved }: { onSaved(id: number): void }) {
  const { getValues } = useFormContext<ConnectorDesign>();
  const queryClient = useQueryClient();
  return (
    <SaveNoteDialog
      label="Save to workspace"
      title="Save to the workspace"
      buttonClassName="btn-secondary text-xs"
      hint="Becomes version 1 of a shared design with its own link."
      onSave={async (note) => {
        const { id } = await workspaceApi.create(getValues(), note || undefined);
        void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
        onSaved(id);
      }}
    />
  );
}
