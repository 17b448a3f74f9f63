import 'server-only';
/**
 * What the connector routes do, one function per route: read through the
 * Alkira API, resolve designs before sending, record provisioning history,
 * and keep pre-shared keys out of every response.
 */
import type { AlkiraConnector, ProvisionOperation } from '@/lib/connector/alkira-types';
import type { ConnectorDesign } from '@/lib/connector/design';
import { alkiraConnectorToDesign } from '@/lib/connector/mapping';
import { connectorLabel, forgetConnectorLabel, saveConnectorLabel } from '@/lib/store/connector-labels';
import { ApiError } from '@/lib/http/response';
import { auditConnectorCreate, auditConnectorDelete, auditConnectorUpdate } from '@/lib/audit/record';
import type { AuditAttempt } from '@/lib/audit/attempt';
import type { AlkiraApi } from '@/lib/alkira/api';
import type { AlkiraConfig } from '@/lib/alkira/config';
import { AlkiraHttpError } from '@/lib/alkira/errors';
import { historyForConnector, openCreateIntent, recordProvisionRequest, settleCreateIntent } from './history';
import { createsInFlight, reconcileShared } from './reconcile';
import { invalidateTenant } from './cache';
import { publishConnectorChange, trackRequest } from './events';
import { queryList, type ListQuery } from './list-query';
import { freshInFlight, startWatching } from './provision-watch';
import { tenantIndex } from './tenant-list';
import type {
  BackendInfo,
  ConnectorChangeEvent,
  ConnectorListPageResponse,
  ConnectorListResponse,
  UnresolvedReference,
} from '@/lib/contract';
import { resolveDesign } from '@/lib/alkira/resolve';
import { connectorKeys, designFromAlkira, maskConnectorKeys } from '@/lib/alkira/secrets';
import { withStoredSecrets } from '@/lib/connector/sensitive';
import { refreshed, summarize } from './summary';

export function backendInfo(config: AlkiraConfig): BackendInfo {
  return config.mode === 'portal' ? { mode: 'portal', host: config.host } : { mode: 'emulator' };
}

function notFound(id: number): ApiError {
  return new ApiError(404, `Connector ${id} does not exist`);
}

function unresolvedError(unresolved: UnresolvedReference[]): ApiError {
  const n = unresolved.length;
  return new ApiError(409, `${n} reference${n === 1 ? '' : 's'} in the design cannot be resolved against the tenant`, {
    unresolved,
  });
}

async function readConnector(api: AlkiraApi, id: number) {
  try {
    return await api.getConnector(id);
  } catch (err) {
    if (err instanceof AlkiraHttpError && err.status === 404) throw notFound(id);
    throw err;
  }
}

const ACTION: Record<ProvisionOperation, ConnectorChangeEvent['action']> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
};

/**
 * Records a write made through the app, drops every cached view of the tenant,
 * tells the dashboard's event streams, and has the shared watcher follow the
 * provision request from now on.
 */
async function record(
  api: AlkiraApi,
  conn: { id: number; name: string },
  operation: ProvisionOperation,
  requestId: string | null,
) {
  await recordProvisionRequest(api.config.backendKey, {
    connectorId: conn.id,
    connectorName: conn.name,
    operation,
    requestId,
    state: null,
  });
  invalidateTenant();
  publishConnectorChange(api.config.backendKey, conn.id, ACTION[operation]);
  if (requestId) {
    trackRequest(api.config.backendKey, requestId, conn.id);
    void startWatching(api, true);
  }
}

/**
 * Before a list: what a lost answer or a crash left open is adopted (the
 * reconciler's round, shared, at most one every few seconds), and states of
 * requests in flight are at most a second old (the shared watcher's poll).
 */
async function settleBeforeList(api: AlkiraApi): Promise<void> {
  await Promise.all([reconcileShared(api).catch(() => undefined), freshInFlight(api).catch(() => undefined)]);
}

export async function listConnectorSummaries(api: AlkiraApi): Promise<ConnectorListResponse> {
  await settleBeforeList(api);
  const index = await tenantIndex(api);
  return { backend: backendInfo(api.config), connectors: index.rows };
}

/** One page of the list with the filter's total, whole-tenant counts and facets. */
export async function listConnectorPage(api: AlkiraApi, query: ListQuery): Promise<ConnectorListPageResponse> {
  await settleBeforeList(api);
  const index = await tenantIndex(api);
  const page = queryList(index, query);
  return {
    backend: backendInfo(api.config),
    connectors: page.rows,
    total: page.total,
    page: page.page,
    page_size: page.pageSize,
    counts: index.counts,
    facets: index.facets,
  };
}

/**
 * `attempt`: who asked, for the audit trail (every route passes the signed-in
 * user's; see lib/audit/attempt.ts for how a failure is recorded).
 */
export async function createConnector(
  api: AlkiraApi,
  design: ConnectorDesign,
  provision: boolean,
  attempt?: AuditAttempt,
) {
  attempt?.about({ type: 'connector', name: design.name });
  const resolution = await resolveDesign(api, design);
  if (!resolution.ok) throw unresolvedError(resolution.unresolved);
  // Refusing a taken name up front is also what makes adoption after a lost
  // create response safe: any connector found by that name later is ours.
  const existing = await api.findConnectorByName(design.name);
  if (existing) throw new ApiError(409, `A connector named "${design.name}" already exists (id ${existing.id})`);

  // Written before the request leaves: a lost answer or a crash before the
  // result is recorded leaves it open, and the reconciler adopts the connector.
  const intent = await openCreateIntent(api.config.backendKey, design.name, provision, attempt?.actor);
  let result: Awaited<ReturnType<AlkiraApi['createConnector']>>;
  createsInFlight().add(intent);
  try {
    result = await api.createConnector(resolution.body, provision, resolution.sensitive);
  } catch (err) {
    // A definite refusal created nothing; anything else stays open for the reconciler.
    if (err instanceof AlkiraHttpError) await settleCreateIntent(intent, 'refused');
    throw err;
  } finally {
    createsInFlight().delete(intent);
  }
  const id = Number(result.data.id);
  if (!Number.isFinite(id)) throw new ApiError(502, 'The Alkira API created the connector but did not return its id');
  const name = result.data.name ?? design.name;
  attempt?.about({ id, name });
  await record(api, { id, name }, 'create', result.provisionRequestId);
  await settleCreateIntent(intent, result.adopted ? 'adopted' : 'created');
  if (attempt) {
    const change = {
      backend: api.config.backendKey,
      actor: attempt.actor,
      connectorId: id,
      connectorName: name,
      requestId: result.provisionRequestId,
    };
    await auditConnectorCreate(change, resolution.body, provision);
    attempt.markRecorded();
  }
  await saveConnectorLabel(api.config.backendKey, id, design.resource_name);
  const [connector] = await summarize(api, [{ ...resolution.body, ...result.data, id }]);
  return {
    id,
    connector,
    provisionRequestId: result.provisionRequestId,
    ...(result.adopted
      ? {
          adopted: true,
          message:
            'Alkira created the connector but its answer was lost; Connector Studio found it by name and adopted it',
        }
      : {}),
  };
}

export async function getConnectorView(api: AlkiraApi, id: number) {
  const { connector, provisionState } = await readConnector(api, id);
  const [summary] = await summarize(api, [connector], new Map([[id, provisionState]]));
  const entries = await Promise.all(
    (await historyForConnector(api.config.backendKey, id)).filter((e) => e.requestId).map((e) => refreshed(api, e)),
  );
  return {
    connector: summary,
    settings: maskConnectorKeys(connector),
    provisionRequests: entries.map((e) => ({
      id: e.requestId as string,
      operation: e.operation,
      state: e.state,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      ...(e.errorMessage ? { errorMessage: e.errorMessage } : {}),
    })),
  };
}

export async function updateConnector(
  api: AlkiraApi,
  id: number,
  design: ConnectorDesign,
  provision: boolean,
  attempt?: AuditAttempt,
) {
  attempt?.about({ type: 'connector', id, name: design.name });
  const { connector: stored } = await readConnector(api, id);
  const resolution = await resolveDesign(api, design, stored);
  if (!resolution.ok) throw unresolvedError(resolution.unresolved);
  const sensitive = [...resolution.sensitive, ...connectorKeys(stored)];
  const result = await api.updateConnector(id, resolution.body, provision, sensitive).catch((err) => {
    if (err instanceof AlkiraHttpError && err.status === 404) throw notFound(id);
    throw err;
  });
  await record(api, { id, name: design.name }, 'update', result.provisionRequestId);
  if (attempt) {
    const change = {
      backend: api.config.backendKey,
      actor: attempt.actor,
      connectorId: id,
      connectorName: design.name,
      requestId: result.provisionRequestId,
    };
    await auditConnectorUpdate(change, stored, resolution.body);
    attempt.markRecorded();
  }
  await saveConnectorLabel(api.config.backendKey, id, design.resource_name);
  return { id, provisionRequestId: result.provisionRequestId };
}

export async function deleteConnector(api: AlkiraApi, id: number, provision: boolean, attempt?: AuditAttempt) {
  attempt?.about({ type: 'connector', id });
  const { connector } = await readConnector(api, id);
  attempt?.about({ name: connector.name });
  let provisionRequestId: string | null = null;
  try {
    provisionRequestId = (await api.deleteConnector(id, provision)).provisionRequestId;
  } catch (err) {
    // Found a moment ago, gone now: an earlier (retried) attempt deleted it.
    if (!(err instanceof AlkiraHttpError && err.status === 404)) throw err;
  }
  await record(api, { id, name: connector.name }, 'delete', provisionRequestId);
  if (attempt) {
    const change = {
      backend: api.config.backendKey,
      actor: attempt.actor,
      connectorId: id,
      connectorName: connector.name,
      requestId: provisionRequestId,
    };
    await auditConnectorDelete(change, connector);
    attempt.markRecorded();
  }
  await forgetConnectorLabel(api.config.backendKey, id);
  return { provisionRequestId };
}

/** The live connector as a design; segment names back to ids, every key as the stored secret. */
export async function getConnectorDesign(api: AlkiraApi, id: number): Promise<ConnectorDesign> {
  const { connector } = await readConnector(api, id);
  const segments = await api.segments();
  const idByName = new Map(segments.map((s) => [s.name, String(s.id)]));
  // The label the user designed, when this app provisioned it; otherwise one derived from the name.
  const resourceName = await connectorLabel(api.config.backendKey, id);
  return withStoredSecrets(designFromAlkira(connector, { segmentId: (name) => idByName.get(name), resourceName }));
}
