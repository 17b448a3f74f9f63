'use client';
/**
 * Importing a .tf file into the workspace: every chosen connector becomes a
 * design (version 1, noted with the file it came from) in one request that
 * saves all of them or none (`POST /api/designs/import`), then the list shows
 * them. Used by the `/designs` page and by the designer's import dialog.
 */
import { useCallback } from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { workspaceApi } from '@/lib/client/workspace-api';
import { workspaceKeys } from '@/lib/client/workspace-hooks';
import { ImportAction } from '@/components/import/import-action';
import type { SaveImported } from '@/components/import/save-imported';
import { secondaryButtonClass } from '@/components/dashboard/button-styles';

/** The import dialog's "Save … to workspace": one request for the whole file (all or nothing), then the list with a notice. */
export function useSaveImported(): SaveImported {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useCallback(
    async ({ text, fileName, resources }) => {
      const result = await workspaceApi.importFile(text, fileName, resources);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
      router.push(`/designs?imported=${result.designs.length}${result.replayed ? '&again=1' : ''}`);
    },
    [queryClient, router],
  );
}

/** "Import .tf" on the workspace page: no designer to load into, so the dialog ticks connectors to save. */
export function WorkspaceImport() {
  const save = useSaveImported();
  return <ImportAction onSaveAll={save} label="Import .tf" buttonClassName={secondaryButtonClass} />;
}
