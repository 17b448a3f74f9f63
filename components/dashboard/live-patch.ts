/**
 * Applying a provision state change to pages of the list already in the
 * browser, in place (no refetch): the row's state, error and last change, and
 * the tenant-wide counts of the summary strip. Pure.
 */
import type {
  ConnectorCounts,
  ConnectorListPageResponse,
  ConnectorListState,
  ConnectorStateEvent,
} from '@/lib/client/types';
import { isTerminalState } from '@/lib/client/provision-state';

function countKey(state: string | null): ConnectorListState | null {
  if (!state) return 'NONE';
  return state === 'SUCCESS' || state === 'FAILED' || state === 'PENDING' || state === 'IN_PROGRESS' ? state : null;
}

const running = (state: string | null) => state !== null && !isTerminalState(state);

/** The counts after one connector moved from `from` to `to`. */
export function patchCounts(counts: ConnectorCounts, from: string | null, to: string): ConnectorCounts {
  if (from === to) return counts;
  const byState = { ...counts.byState };
  const fromKey = countKey(from);
  const toKey = countKey(to);
  if (fromKey) byState[fromKey] = Math.max(0, (byState[fromKey] ?? 0) - 1);
  if (toKey) byState[toKey] = (byState[toKey] ?? 0) + 1;
  const inFlight = Math.max(0, counts.inFlight + (running(to) ? 1 : 0) - (running(from) ? 1 : 0));
  const failedLast24h = counts.failedLast24h + (to === 'FAILED' ? 1 : 0);
  return { ...counts, byState, inFlight, failedLast24h };
}

/** The connector's state in these pages, or `undefined` when none holds it. */
export function knownState(
  pages: Array<ConnectorListPageResponse | undefined>,
  connectorId: number,
): string | null | undefined {
  for (const page of pages) {
    const row = page?.connectors.find((c) => c.id === connectorId);
    if (row) return row.provisionState;
  }
  return undefined;
}

/**
 * `page` with the event applied: the row (if on this page) takes the new
 * state, error and time; counts move when the previous state is known
 * (`previous` from `knownState`). Returns the same object when nothing changes.
 */
export function patchPage(
  page: ConnectorListPageResponse,
  event: ConnectorStateEvent,
  previous: string | null | undefined,
): ConnectorListPageResponse {
  let changed = false;
  const connectors = page.connectors.map((row) => {
    if (row.id !== event.connectorId) return row;
    const errorMessage = event.state === 'FAILED' ? (event.errorMessage ?? row.errorMessage) : null;
    if (row.provisionState === event.state && row.errorMessage === errorMessage) return row;
    changed = true;
    return {
      ...row,
      provisionState: event.state,
      errorMessage,
      lastChange: event.at || row.lastChange,
      lastProvisionRequestId: event.requestId ?? row.lastProvisionRequestId,
    };
  });
  const countsMove = previous !== undefined && previous !== event.state;
  if (!changed && !countsMove) return page;
  return {
    ...page,
    connectors: changed ? connectors : page.connectors,
    counts: countsMove ? patchCounts(page.counts, previous, event.state) : page.counts,
  };
}

/** In-flight provision requests of the rows in these pages (for polling when the event stream is down). */
export function inFlightRequests(pages: Array<ConnectorListPageResponse | undefined>): Map<string, number> {
  const out = new Map<string, number>();
  for (const page of pages) {
    for (const row of page?.connectors ?? []) {
      if (row.lastProvisionRequestId && running(row.provisionState)) out.set(row.lastProvisionRequestId, row.id);
    }
  }
  return out;
}
