/**
 * Azure ExpressRoute connectors: collection, item, per-connector state.
 * Status codes: POST 201 (202 with provision=true), PUT 200 (202 with
 * provision=true), DELETE 200 removes at once (202 with provision=true: marked
 * for deletion, removed when its provision request succeeds).
 */
import { randomUUID } from 'node:crypto';
import type { CheckedAlkiraConnector } from '@/lib/connector/alkira-types';
import { SENSITIVE_API_FIELDS } from '@/lib/connector/resource';
import { isAppCaller } from '../app-caller';
import { ApiError, ok, readJsonBody, type ApiResult } from '../http';
import type { Handler, Route } from '../router';
import { connectorProvisionState, provisionStateAt, startProvisioning } from '../provisioning';
import {
  deleteConnector,
  findConnectorByName,
  getConnector,
  insertConnector,
  latestProvisionRequest,
  markConnectorForDeletion,
  nextCounter,
  replaceConnector,
  transaction,
  listConnectorsWithLatest,
  type ConnectorRow,
  type ListedConnector,
} from '../store';
import { issuesMessage, validateConnectorBody } from '../validation';
import { flag, integerId, requireTenant } from './common';

function asList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

/**
 * The stored object: the input as the schema parsed it (known fields only,
 * defaults filled) plus service-assigned ids, kept stable across PUTs by name.
 * Ids a caller echoes back are the service's to give, so they are replaced.
 */
function materialize(
  id: number,
  input: CheckedAlkiraConnector,
  previous?: Record<string, unknown>,
): Record<string, unknown> {
  const prevInstances = new Map(asList(previous?.instances).map((i) => [String(i.name), i]));
  const instances = input.instances.map((inst) => {
    const prev = prevInstances.get(inst.name);
    const prevGateways = new Map<string, Record<string, unknown>>();
    for (const so of asList(prev?.segmentOptions)) {
      for (const g of asList(so.customerGateways)) prevGateways.set(`${String(so.segmentName)}/${String(g.name)}`, g);
    }
    const out: Record<string, unknown> = {
      ...inst,
      id: typeof prev?.id === 'number' ? prev.id : nextCounter('instance', 1),
    };
    if (inst.segmentOptions) {
      out.segmentOptions = inst.segmentOptions.map((so) => ({
        ...so,
        customerGateways: so.customerGateways.map((g) => {
          const prevGw = prevGateways.get(`${so.segmentName}/${g.name}`);
          const prevTunnels = new Map(asList(prevGw?.tunnels).map((t) => [String(t.name), t]));
          return {
            ...g,
            id: typeof prevGw?.id === 'string' ? prevGw.id : randomUUID(),
            tunnels: g.tunnels.map((t) => {
              const prevId = prevTunnels.get(t.name)?.id;
              return { ...t, id: typeof prevId === 'string' ? prevId : randomUUID() };
            }),
          };
        }),
      }));
    }
    return out;
  });
  const out: Record<string, unknown> = {
    ...input,
    id,
    implicitGroupId:
      typeof previous?.implicitGroupId === 'number' ? previous.implicitGroupId : nextCounter('implicitGroup', 1001),
  };
  // An empty optional text is not a value (the service stores none).
  for (const [key, value] of Object.entries(out)) if (value === '') delete out[key];
  out.instances = instances;
  return out;
}

/** Stored secrets as shown to callers other than the app (which presents the internal credential). */
export const EMULATOR_SECRET_MASK = '********';

/** A deep copy of a stored connector with every sensitive field (the description's `sensitive` flag) masked. */
function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      SENSITIVE_API_FIELDS.has(key) && entry ? EMULATOR_SECRET_MASK : maskSecrets(entry),
    ]),
  );
}

function maskTunnelSecrets(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([key, entry]) => [
      key,
      SENSITIVE_API_FIELDS.has(key) && entry ? EMULATOR_SECRET_MASK : maskSecrets(entry),
    ]),
  );
}

/**
 * The connector as the API shows it; `provisionState` is null until it is
 * first provisioned. Secrets are in clear only for the app itself (its
 * per-process token); the emulator refuses other callers already, and masking
 * keeps that true should the gate ever be relaxed.
 */
function connectorJson(row: ConnectorRow, now: number, req: Request): Record<string, unknown> {
  const body = isAppCaller(req) ? row.body : maskTunnelSecrets(row.body);
  const out: Record<string, unknown> = { ...body, provisionState: connectorProvisionState(row.id, now) };
  if (row.markedForDeletion) out.markedForDeletion = true;
  return out;
}

async function validInput(req: Request): Promise<CheckedAlkiraConnector> {
  const body = await readJsonBody(req);
  const result = validateConnectorBody(body);
  if (!result.input) throw new ApiError(400, issuesMessage(result.issues), { errors: result.issues });
  return result.input;
}

function rejectDuplicateName(name: string, exceptId?: number): void {
  const other = findConnectorByName(name, exceptId);
  if (other) throw new ApiError(409, `A connector named "${name}" already exists (id ${other.id})`);
}

function liveConnector(params: Record<string, string>, includeMarked: boolean): ConnectorRow {
  requireTenant(params.tn);
  const id = integerId(params.id, 'Azure ExpressRoute connector');
  const row = getConnector(id);
  if (!row || (row.markedForDeletion && !includeMarked))
    throw new ApiError(404, `Azure ExpressRoute connector ${id} not found`);
  return row;
}

function provisioned(status: number, body: Record<string, unknown>, requestId: string | undefined): ApiResult {
  return requestId ? ok(body, 202, { 'x-provision-request-id': requestId }) : ok(body, status);
}

/**
 * One listed connector as JSON text: for the app (secrets in clear) the stored
 * text with the computed fields appended, no parse; for anyone else, masked.
 */
function listedJson(row: ListedConnector, now: number, app: boolean): string {
  const state = row.latest ? provisionStateAt(row.latest, now).state : null;
  const extra = `"provisionState":${JSON.stringify(state)}${row.markedForDeletion ? ',"markedForDeletion":true' : ''}`;
  if (!app)
    return JSON.stringify({
      ...maskTunnelSecrets(JSON.parse(row.bodyText) as Record<string, unknown>),
      provisionState: state,
      ...(row.markedForDeletion ? { markedForDeletion: true } : {}),
    });
  const text = row.bodyText.trimEnd();
  const open = text.slice(0, -1).trimEnd();
  return open === '{' ? `{${extra}}` : `${open},${extra}}`;
}

const list: Handler = ({ req, params, query, now }) => {
  requireTenant(params.tn);
  const rows = listConnectorsWithLatest({
    name: query.get('name') ?? undefined,
    includeMarked: flag(query, 'includeMarkedForDeletion'),
  });
  const app = isAppCaller(req);
  return { status: 200, body: null, rawJson: `[${rows.map((r) => listedJson(r, now, app)).join(',')}]` };
};

const create: Handler = async ({ req, params, query, now }) => {
  requireTenant(params.tn);
  const input = await validInput(req);
  const { row, requestId } = transaction(() => {
    rejectDuplicateName(input.name);
    const row = insertConnector(input.name, (id) => materialize(id, input), now);
    const requestId = flag(query, 'provision') ? startProvisioning(row.id, 'create', row.body, now).id : undefined;
    return { row, requestId };
  });
  return provisioned(201, connectorJson(row, now, req), requestId);
};

const read: Handler = ({ req, params, query, now }) => {
  const row = liveConnector(params, flag(query, 'includeMarkedForDeletion'));
  const body = connectorJson(row, now, req);
  const headers: Record<string, string> = {};
  if (body.provisionState) headers['x-provision-request-state'] = String(body.provisionState);
  const latest = latestProvisionRequest(row.id);
  if (latest) headers['x-provision-request-id'] = latest.id;
  return ok(body, 200, headers);
};

const update: Handler = async ({ req, params, query, now }) => {
  const current = liveConnector(params, true);
  if (current.markedForDeletion)
    throw new ApiError(409, `Azure ExpressRoute connector ${current.id} is marked for deletion`);
  const input = await validInput(req);
  const requestId = transaction(() => {
    rejectDuplicateName(input.name, current.id);
    const body = materialize(current.id, input, current.body);
    replaceConnector(current.id, input.name, body, now);
    return flag(query, 'provision') ? startProvisioning(current.id, 'update', body, now).id : undefined;
  });
  return provisioned(200, connectorJson(getConnector(current.id) as ConnectorRow, now, req), requestId);
};

const remove: Handler = ({ params, query, now }) => {
  const row = liveConnector(params, true);
  if (!flag(query, 'provision')) {
    deleteConnector(row.id);
    return ok({ id: row.id, deleted: true });
  }
  const requestId = transaction(() => {
    const latest = latestProvisionRequest(row.id);
    // Deleting twice is idempotent: the deletion already under way answers again.
    if (row.markedForDeletion && latest?.operation === 'delete') return latest.id;
    markConnectorForDeletion(row.id, now);
    return startProvisioning(row.id, 'delete', row.body, now).id;
  });
  return provisioned(200, { id: row.id, markedForDeletion: true, provisionRequestId: requestId }, requestId);
};

const state: Handler = ({ params, now }) => {
  const row = liveConnector(params, true);
  return ok({
    state: connectorProvisionState(row.id, now),
    docState: row.markedForDeletion ? 'MARKED_FOR_DELETION' : 'ACTIVE',
  });
};

export const connectorRoutes: Route[] = [
  { pattern: '/api/v1/tenantnetworks/:tn/azure-express-route-connectors', methods: { GET: list, POST: create } },
  {
    pattern: '/api/v1/tenantnetworks/:tn/azure-express-route-connectors/:id',
    methods: { GET: read, PUT: update, DELETE: remove },
  },
  { pattern: '/api/tenantnetworks/:tn/connectors/:id', methods: { GET: state } },
];
