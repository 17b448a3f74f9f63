/**
 * react-query hooks over the proxy routes. A connector's detail polls by
 * itself while it is provisioning and stops once all is terminal. The
 * dashboard's list is paged and live (components/dashboard/use-connector-window.ts,
 * use-live-connectors.ts); `['connectors', …]` prefixes all of its pages.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import { PROVISION_POLL_MS, isTerminalState } from './provision-state';
import type { CatalogKind } from './types';

export const queryKeys = {
  connectors: ['connectors'] as const,
  connector: (id: number) => ['connector', id] as const,
  catalog: (kind: CatalogKind) => ['catalog', kind] as const,
  provisionRequest: (id: string) => ['provision-request', id] as const,
  activity: (filter: { user?: string; connector?: string }) =>
    ['activity', filter.user ?? '', filter.connector ?? ''] as const,
};

/**
 * One connector's settings and provision history; polls while its latest
 * request is running, unless `poll` is false (the page follows the event
 * stream, which refetches it when its state changes).
 */
export function useConnector(id: number, options: { enabled?: boolean; poll?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.connector(id),
    queryFn: () => api.getConnector(id),
    enabled: (options.enabled ?? true) && Number.isInteger(id),
    staleTime: 5_000,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data || options.poll === false) return false;
      const running =
        !isTerminalState(data.connector.provisionState) ||
        data.provisionRequests.some((r) => !isTerminalState(r.state));
      return running ? PROVISION_POLL_MS : false;
    },
  });
}

/** A tenant catalog (segments, groups, …); cached for a few minutes. */
export function useCatalog<K extends CatalogKind>(kind: K) {
  return useQuery({
    queryKey: queryKeys.catalog(kind),
    queryFn: () => api.getCatalog(kind),
    staleTime: 5 * 60_000,
  });
}

/** One provision request's state; polls every second until it is terminal. `null` disables it. */
export function useProvisionRequest(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.provisionRequest(id ?? ''),
    queryFn: () => api.getProvisionRequest(id as string),
    enabled: Boolean(id),
    staleTime: 0,
    refetchInterval: (query) => (isTerminalState(query.state.data?.state ?? 'PENDING') ? false : 1000),
  });
}

/** The audit trail; polls while an entry's provision request has not settled yet. */
export function useActivity(filter: { user?: string; connector?: string }) {
  return useQuery({
    queryKey: queryKeys.activity(filter),
    queryFn: () => api.listActivity(filter),
    staleTime: 2_000,
    refetchInterval: (query) =>
      query.state.data?.entries.some((e) => e.requestId && !e.result) ? PROVISION_POLL_MS : false,
  });
}
