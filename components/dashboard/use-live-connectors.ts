'use client';
/**
 * Live provision states for the dashboard: one EventSource on
 * `/api/connectors/events`. A `state` event is patched into the cached pages
 * in place (no list request); a `connector` event (a create, edit or delete
 * made through the app) refetches the pages on screen. While the stream is
 * down, only the in-flight provision requests of the cached rows are polled.
 */
import { useEffect, useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import type { ConnectorChangeEvent, ConnectorListPageResponse, ConnectorStateEvent } from '@/lib/client/types';
import { queryKeys } from '@/lib/client/hooks';
import { PROVISION_POLL_MS } from '@/lib/client/provision-state';
import { inFlightRequests, knownState, patchPage } from './live-patch';
import { PAGE_KEY_ROOT } from './use-connector-window';

export type LiveMode = 'connecting' | 'live' | 'polling';

const EVENTS_URL = '/api/connectors/events';
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

function cachedPages(queryClient: QueryClient) {
  return queryClient.getQueriesData<ConnectorListPageResponse>({ queryKey: PAGE_KEY_ROOT });
}

/** Patches one state change into every cached page (and refreshes the connector's open detail page). */
export function applyStateEvent(queryClient: QueryClient, event: ConnectorStateEvent): void {
  const entries = cachedPages(queryClient);
  const previous = knownState(
    entries.map(([, data]) => data),
    event.connectorId,
  );
  for (const [key, data] of entries) {
    if (!data) continue;
    const next = patchPage(data, event, previous);
    if (next !== data) queryClient.setQueryData(key, next);
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.connector(event.connectorId), refetchType: 'active' });
}

function parse<T>(data: unknown): T | null {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as T;
  } catch {
    return null;
  }
}

const refetchVisiblePages = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: PAGE_KEY_ROOT, refetchType: 'active' });

export function useLiveConnectors(): LiveMode {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setMode('polling');
      return;
    }
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = RETRY_FIRST_MS;
    let openedBefore = false;

    const connect = () => {
      source = new EventSource(EVENTS_URL);
      source.addEventListener('open', () => {
        retryMs = RETRY_FIRST_MS;
        // Back after an outage: what changed meanwhile was not pushed; read the visible pages once.
        if (openedBefore) void refetchVisiblePages(queryClient);
        openedBefore = true;
        setMode('live');
      });
      source.addEventListener('state', (e) => {
        const event = parse<ConnectorStateEvent>((e as MessageEvent).data);
        if (event && Number.isFinite(event.connectorId) && typeof event.state === 'string')
          applyStateEvent(queryClient, event);
      });
      source.addEventListener('connector', (e) => {
        const event = parse<ConnectorChangeEvent>((e as MessageEvent).data);
        void refetchVisiblePages(queryClient);
        if (event)
          void queryClient.invalidateQueries({
            queryKey: queryKeys.connector(event.connectorId),
            refetchType: 'active',
          });
      });
      source.addEventListener('error', () => {
        setMode('polling');
        // CONNECTING: the browser retries by itself. CLOSED: it gave up (e.g. a non-stream answer); retry later.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retryTimer = setTimeout(connect, retryMs);
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        }
      });
    };
    connect();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
    };
  }, [queryClient]);

  // Fallback: poll only the provision requests still in flight, and nothing when none are.
  useEffect(() => {
    if (mode !== 'polling') return;
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      const inFlight = inFlightRequests(cachedPages(queryClient).map(([, data]) => data));
      if (inFlight.size === 0) return;
      busy = true;
      try {
        await Promise.all(
          [...inFlight].map(async ([requestId, connectorId]) => {
            const status = await api.getProvisionRequest(requestId).catch(() => null);
            if (!status) return;
            applyStateEvent(queryClient, {
              connectorId,
              requestId,
              state: status.state,
              errorMessage: status.errorMessage ?? null,
              at: new Date().toISOString(),
            });
          }),
        );
      } finally {
        busy = false;
      }
    }, PROVISION_POLL_MS);
    return () => clearInterval(timer);
  }, [mode, queryClient]);

  return mode;
}
