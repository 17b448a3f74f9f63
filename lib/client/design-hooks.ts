/**
 * The live connector as design JSON (`GET /api/connectors/{id}/design`), for
 * the detail page's topology diagram. Kept apart from `hooks.ts` so pages
 * that never draw a diagram do not pull in the design types.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './api';

export const connectorDesignKey = (id: number) => ['connector-design', id] as const;

/**
 * Does not poll: provisioning changes the connector's state, not its design.
 * `staleTime: 0` re-reads it on mount and window focus (e.g. back from the
 * designer); react-query's structural sharing keeps an unchanged design the
 * same object, so the diagram does not re-layout for nothing.
 */
export function useConnectorDesign(id: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: connectorDesignKey(id),
    queryFn: () => api.getConnectorDesign(id),
    enabled: (options.enabled ?? true) && Number.isInteger(id),
    staleTime: 0,
  });
}
