import 'server-only';
/**
 * Connector summaries for the dashboard, combining the live connector with
 * the app's provisioning history (refreshing requests still in flight).
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import type { AlkiraApi } from '@/lib/alkira/api';
import type { ConnectorSummary, ProvisionRequestStatus } from '@/lib/contract';
import { auditProvisionResult } from '@/lib/audit/record';
import { settlePendingProvisions } from '@/lib/store/designs';
import { latestByConnector, TERMINAL_STATES, updateProvisionState, type ProvisionHistoryEntry } from './history';
import { invalidateShared, invalidateTenant, sharedCache } from './cache';
import { noteRequestState } from './events';

/** Runs `fn` over `items` with at most `limit` in flight (keeps upstream load bounded). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

/**
 * Asks Alkira for a provision request's state and records it; a change is
 * published to the dashboard's event stream and drops the cached history
 * (a final state drops the cached tenant list too: the connector changed),
 * and a final state settles a design version sent by this request
 * (provisioned on SUCCESS, dropped otherwise).
 */
export async function fetchProvisionRequest(api: AlkiraApi, id: string): Promise<ProvisionRequestStatus> {
  const pr = await api.provisionRequest(id);
  const view: ProvisionRequestStatus = { id: String(pr.id ?? id), state: pr.state };
  if (pr.errorDetails?.message) view.errorMessage = pr.errorDetails.message;
  const backend = api.config.backendKey;
  const changed = await updateProvisionState(backend, id, pr.state, view.errorMessage ?? null);
  const terminal = TERMINAL_STATES.has(pr.state);
  if (changed.length > 0) {
    if (terminal) invalidateTenant();
    else invalidateShared('history');
  }
  const upstreamConnector = Number(pr.connectorId);
  noteRequestState(
    backend,
    id,
    changed[0] ?? (Number.isFinite(upstreamConnector) ? upstreamConnector : undefined),
    pr.state,
    view.errorMessage ?? null,
    changed.length > 0,
  );
  if (terminal) {
    await settlePendingProvisions();
    await auditProvisionResult(backend, id, pr.state, view.errorMessage ?? null);
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

export type BaseSummary = Omit<
  ConnectorSummary,
  'provisionState' | 'lastChange' | 'lastProvisionRequestId' | 'errorMessage' | 'lastProvisionOperation'
>;

export function baseSummary(c: AlkiraConnector): BaseSummary {
  const segmentNames = [
    ...new Set(
      (c.segmentOptions ?? []).map((s) => s.segmentName).filter((n): n is string => typeof n === 'string' && n !== ''),
    ),
  ];
  return {
    id: Number(c.id),
    name: c.name,
    cxp: c.cxp,
    size: c.size,
    tunnelProtocol: c.tunnelProtocol,
    instances: (c.instances ?? []).length,
    segments: (c.segmentOptions ?? []).length,
    enabled: c.enabled !== false,
    segmentNames,
    groupNames: c.group ? [c.group] : [],
  };
}

/**
 * The connector's own provision state when the upstream reports one in the
 * connector (`provisionState`, as the emulator does): a string, null for
 * "never provisioned", undefined when the field is absent altogether.
 */
export function ownState(c: AlkiraConnector): string | null | undefined {
  const own = (c as { provisionState?: unknown }).provisionState;
  if (typeof own === 'string') return own;
  return own === null ? null : undefined;
}

/**
 * One summary row, without any upstream call: the connector as listed, the
 * app's latest history entry for it, and its state as last known upstream.
 * `listedAt`: when the connector was read; history newer than that (the app
 * learned a state change since) wins over the listed state.
 */
export function summaryRow(
  c: AlkiraConnector,
  entry: ProvisionHistoryEntry | undefined,
  known: string | null,
  listedAt: number,
): ConnectorSummary {
  return summaryFrom(baseSummary(c), entry, known, listedAt);
}

/** `summaryRow` from a connector already reduced to its `baseSummary` (what the list keeps in memory). */
export function summaryFrom(
  base: BaseSummary,
  entry: ProvisionHistoryEntry | undefined,
  known: string | null,
  listedAt: number,
): ConnectorSummary {
  const tracked = entry?.requestId ? entry : undefined;
  const newer = tracked?.state && Date.parse(tracked.updatedAt) >= listedAt;
  const provisionState = newer ? (tracked?.state ?? null) : (known ?? tracked?.state ?? null);
  return {
    ...base,
    provisionState,
    lastChange: entry?.updatedAt ?? null,
    lastProvisionRequestId: entry?.requestId ?? null,
    errorMessage: provisionState === 'FAILED' && entry?.state === 'FAILED' ? (entry.errorMessage ?? null) : null,
    lastProvisionOperation: entry?.operation ?? null,
  };
}

/** Summaries for `connectors` (a few: create and detail views), in the same order, with in-flight states refreshed. */
export async function summarize(
  api: AlkiraApi,
  connectors: AlkiraConnector[],
  knownState = new Map<number, string | null>(),
): Promise<ConnectorSummary[]> {
  const latest = await latestByConnector(api.config.backendKey);
  return mapLimit(connectors, 6, async (c) => {
    const id = Number(c.id);
    const base = latest.get(id);
    const entry = base ? await refreshed(api, base) : undefined;
    // The connector's own field when the API includes it, else what we last
    // saw of our request, else the header from a GET, else one state lookup.
    let known = ownState(c) ?? null;
    if (known === null && !entry?.requestId)
      known = knownState.has(id) ? (knownState.get(id) ?? null) : await liveState(api, id);
    return summaryRow(c, entry, known, Date.now());
  });
}
