import 'server-only';
/**
 * Connector summaries for the dashboard, combining the live connector with
 * the app's provisioning history (refreshing requests still in flight).
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import type { AlkiraApi } from './api';
import type { ConnectorSummary, ProvisionRequestStatus as ProvisionRequestView } from '@/lib/client/types';
import { auditProvisionResult } from '@/lib/audit/record';
import { settlePendingProvisions } from '@/lib/store/designs';
import { latestByConnector, TERMINAL_STATES, updateProvisionState, type ProvisionHistoryEntry } from './history';

// The route JSON shapes are defined once, where the browser reads them.
export type { ConnectorSummary, ProvisionRequestStatus as ProvisionRequestView } from '@/lib/client/types';

/** Runs `fn` over `items` with at most `limit` in flight (keeps upstream load bounded). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return out;
}

/** Asks Alkira for a provision request's state and records it (and, once final, what it means for a design provisioned by it). */
export async function fetchProvisionRequest(api: AlkiraApi, id: string): Promise<ProvisionRequestView> {
  const pr = await api.provisionRequest(id);
  const view: ProvisionRequestView = { id: String(pr.id ?? id), state: pr.state };
  if (pr.errorDetails?.message) view.errorMessage = pr.errorDetails.message;
  await updateProvisionState(api.config.backendKey, id, pr.state, view.errorMessage ?? null);
  if (TERMINAL_STATES.has(pr.state)) {
    // A design version sent by this request becomes provisioned on SUCCESS, and is dropped otherwise.
    await settlePendingProvisions();
    await auditProvisionResult(api.config.backendKey, id, pr.state, view.errorMessage ?? null);
  }
  return view;
}

/** The entry with its in-flight state refreshed; on any upstream trouble, the last known state. */
export async function refreshed(api: AlkiraApi, entry: ProvisionHistoryEntry): Promise<ProvisionHistoryEntry> {
  if (!entry.requestId || (entry.state && TERMINAL_STATES.has(entry.state))) return entry;
  try {
    const view = await fetchProvisionRequest(api, entry.requestId);
    const changed = view.state !== entry.state;
    return {
      ...entry,
      state: view.state,
      errorMessage: view.errorMessage ?? null,
      updatedAt: changed ? new Date().toISOString() : entry.updatedAt,
    };
  } catch {
    return entry;
  }
}

/** The connector's provision state as Alkira reports it, or null when unavailable. */
async function liveState(api: AlkiraApi, id: number): Promise<string | null> {
  try {
    return (await api.connectorState(id)).state ?? null;
  } catch {
    return null; // a summary without a state beats failing the whole list
  }
}

export function baseSummary(c: AlkiraConnector): Omit<ConnectorSummary, 'provisionState' | 'lastChange' | 'lastProvisionRequestId'> {
  return {
    id: Number(c.id),
    name: c.name,
    cxp: c.cxp,
    size: c.size,
    tunnelProtocol: c.tunnelProtocol,
    instances: (c.instances ?? []).length,
    segments: (c.segmentOptions ?? []).length,
    enabled: c.enabled !== false,
  };
}

/** Summaries for `connectors`, in the same order. */
export async function summarize(api: AlkiraApi, connectors: AlkiraConnector[], knownState = new Map<number, string | null>()): Promise<ConnectorSummary[]> {
  const latest = await latestByConnector(api.config.backendKey);
  return mapLimit(connectors, 6, async (c) => {
    const id = Number(c.id);
    const base = latest.get(id);
    const entry = base ? await refreshed(api, base) : undefined;
    // The connector's own field when the API includes it, else what we last
    // saw of our request, else the header from a GET, else one state lookup.
    const own = (c as { provisionState?: unknown }).provisionState;
    let provisionState: string | null = typeof own === 'string' ? own : entry?.requestId ? entry.state : null;
    if (provisionState === null) provisionState = knownState.has(id) ? (knownState.get(id) ?? null) : await liveState(api, id);
    return {
      ...baseSummary(c),
      provisionState,
      lastChange: entry?.updatedAt ?? null,
      lastProvisionRequestId: entry?.requestId ?? null,
    };
  });
}
