/** react-query hooks over the design workspace API. */
import { useQuery } from '@tanstack/react-query';
import { workspaceApi } from './workspace-api';

export const workspaceKeys = {
  all: ['designs'] as const,
  list: ['designs', 'list'] as const,
  design: (id: number) => ['designs', id] as const,
  versions: (id: number) => ['designs', id, 'versions'] as const,
  diff: (id: number, from: number, to: number) => ['designs', id, 'diff', from, to] as const,
};

/** The workspace list; re-read on focus, so designs saved by colleagues show up. */
export function useDesignList() {
  return useQuery({ queryKey: workspaceKeys.list, queryFn: workspaceApi.list, staleTime: 5_000 });
}

/** The latest stored version of a design. */
export function useStoredDesign(id: number) {
  return useQuery({
    queryKey: workspaceKeys.design(id),
    queryFn: () => workspaceApi.get(id),
    staleTime: 5_000,
    retry: 1,
  });
}

export function useDesignVersions(id: number, enabled = true) {
  return useQuery({
    queryKey: workspaceKeys.versions(id),
    queryFn: () => workspaceApi.versions(id),
    enabled,
    staleTime: 5_000,
  });
}

/** The change list between two versions; versions never change, so it is cached for good. */
export function useVersionDiff(id: number, from: number | null, to: number | null) {
  return useQuery({
    queryKey: workspaceKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: () => workspaceApi.diff(id, from as number, to as number),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}
