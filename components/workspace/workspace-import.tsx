'use client';
/**
 * Importing a .tf file into the workspace: every chosen connector becomes a
 * design (version 1, noted with the file it came from), then the list shows
 * them. Used by the `/designs` page and by the designer's import dialog.
 */
import { useCallback } from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import type { ConnectorDesign } from '@/lib/connector/design';
import { errorMessage } from '@/lib/client/api';
import { workspaceApi } from '@/lib/client/workspace-api';
import { workspaceKeys } from '@/lib/client/workspace-hooks';
import { ImportAction } from '@/components/import/import-action';
import type { SaveImported } from '@/components/import/save-imported';
import { secondaryButtonClass } from '@/components/dashboard/button-styles';

/** Creates one design per connector, in file order; on a failure says which were saved and which was not. */
export async function createDesigns(designs: ConnectorDesign[], fileName: string | undefined): Promise<number[]> {
  const note = fileName ? `Imported from ${fileName}` : 'Imported from Terraform';
  const ids: number[] = [];
  for (const design of designs) {
    try {
      ids.push((await workspaceApi.create(design, note)).id);
    } catch (e) {
      const saved = ids.length ? ` (${ids.length} saved before it)` : '';
      throw new Error(`Could not save "${design.name || design.resource_name}"${saved}: ${errorMessage(e)}`);
    }
  }
  return ids;
}

/** The import dialog's "Save … to workspace": creates the designs and opens the list with a notice. */
export function useSaveImported(): SaveImported {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useCallback(
    async (designs, fileName) => {
      const ids = await createDesigns(designs, fileName);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
      router.push(`/designs?imported=${ids.length}`);
    },
    [queryClient, router],
  );
}

/** "Import .tf" on the workspace page: no designer to load into, so the dialog ticks connectors to save. */
export function WorkspaceImport() {
  const save = useSaveImported();
  return <ImportAction onSaveAll={save} label="Import .tf" buttonClassName={secondaryButtonClass} />;
}
