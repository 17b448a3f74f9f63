import 'server-only';
/**
 * The design workspace's operations that need both the store and the Alkira
 * API: the list with each linked connector's live state, provisioning a
 * stored version (and recording the link), and drift. Sensitive values
 * (pre-shared keys, remote auth values) leave here as the stored secret (`{ "stored": true }`) for
 * every caller, whatever their role; a stored secret sent back keeps the stored value.
 */
import type { AuditAttempt } from '@/lib/audit/attempt';
import type { ConnectorDesign } from '@/lib/connector/design';
import { diffDesigns, type DesignChange } from '@/lib/connector/diff';
import { isLiteralPsk } from '@/lib/connector/hcl/psk';
import { blindToTypedSecrets, keepStoredSecrets, withStoredSecrets } from '@/lib/connector/sensitive';
import { ApiError } from '@/lib/http/response';
import {
  designsLinkedTo,
  getDesign,
  listDesigns,
  recordProvisioned,
  recordProvisionSent,
  type DesignListRow,
  type ListOptions,
  type StoredDesign,
} from '@/lib/store/designs';
import type { AlkiraApi } from '@/lib/alkira/api';
import { createConnector, updateConnector } from './connectors';
import { resolveStoredNames } from './named-references';
import { historyForConnector, latestByConnector, TERMINAL_STATES } from './history';
import { driftOf, type Drift } from './plan';

export interface WorkspaceRow extends Omit<DesignListRow, 'backend'> {
  /** The linked connector's provision state; null when unlinked, on another backend, gone, or unknown. */
  connector_state: string | null;
}

/**
 * The provision state of each linked connector, from ONE upstream read (the
 * connector list) and the app's own provision history — never one request
 * per design. A connector's own `provisionState` field wins; else the state
 * of the app's last request for it (the reconciler keeps it current); a
 * connector missing from the list is gone (null). Upstream trouble: all null.
 */
async function linkedStates(api: AlkiraApi, ids: Set<number>): Promise<Map<number, string | null>> {
  const states = new Map<number, string | null>();
  if (ids.size === 0) return states;
  const [connectors, history] = await Promise.all([
    api.listConnectors().catch(() => null),
    latestByConnector(api.config.backendKey),
  ]);
  if (!connectors) return states;
  const live = new Map(connectors.map((c) => [Number(c.id), c]));
  for (const id of ids) {
    const connector = live.get(id);
    if (!connector) continue;
    const own = (connector as { provisionState?: unknown }).provisionState;
    const entry = history.get(id);
    states.set(id, typeof own === 'string' ? own : entry?.requestId ? entry.state : null);
  }
  return states;
}

export async function listWorkspace(api: AlkiraApi, options: ListOptions): Promise<WorkspaceRow[]> {
  const rows = await listDesigns(options);
  const here = (r: DesignListRow) => r.connector_id !== null && r.backend === api.config.backendKey;
  const states = await linkedStates(api, new Set(rows.filter(here).map((r) => r.connector_id as number)));
  return rows.map(({ backend, ...row }) => ({
    ...row,
    connector_state:
      row.connector_id !== null && backend === api.config.backendKey ? (states.get(row.connector_id) ?? null) : null,
  }));
}

/**
 * A copy for any caller (every role: the app never answers a secret): each
 * literal sensitive value (pre-shared keys, remote auth values) as the
 * stored secret. A Terraform reference such as `${var.psk}` is not a secret
 * and stays, so exports keep the user's variables.
 */
export function withSecretsStored(design: ConnectorDesign): ConnectorDesign {
  // The description says which values are sensitive; only literal ones are secrets.
  return withStoredSecrets(design, isLiteralPsk);
}

/** The design with stored secrets replaced by the reference's values (a stored version); 422 naming each one that has none. */
export function keepStoredAgainst(design: ConnectorDesign, reference: ConnectorDesign | null): ConnectorDesign {
  const { design: out, missing } = keepStoredSecrets(design, reference);
  if (missing.length > 0) {
    throw new ApiError(
      422,
      `${missing.length} sensitive value${missing.length === 1 ? ' is' : 's are'} kept as stored with nothing stored to keep`,
      {
        errors: missing.map((m) => ({ path: `design.${m.path}`, message: m.message })),
      },
    );
  }
  return out;
}

/**
 * What saving `sent` (as a caller sent it) over `latest` would change, for a
 * stale save's 409: stored secrets compare with the stored values, but a
 * secret the caller typed always reads as changed — never compared with the
 * stored one, so the answer does not tell whether it was guessed right.
 */
export function changesFromLatest(
  latest: ConnectorDesign,
  sent: ConnectorDesign,
  base: ConnectorDesign,
): DesignChange[] {
  return diffDesigns(blindToTypedSecrets(latest, sent), keepStoredAgainst(sent, base));
}

export async function requireDesign(id: number, version?: number): Promise<StoredDesign> {
  const found = await getDesign(id, version);
  if (!found) {
    if (version !== undefined && (await getDesign(id)))
      throw new ApiError(404, `Design ${id} has no version ${version}`);
    throw new ApiError(404, `Design ${id} does not exist`);
  }
  return found;
}

/** The change list between two stored versions. */
export async function versionDiff(id: number, from: number, to: number): Promise<DesignChange[]> {
  const [a, b] = await Promise.all([requireDesign(id, from), requireDesign(id, to)]);
  return diffDesigns(a.design, b.design);
}

/**
 * Provisions a stored version: creates the connector, or updates the linked
 * one (same backend), then links it and records the version as pending; it
 * becomes the provisioned version when the request reaches SUCCESS.
 * `attempt`: who asked, for the audit trail (a create or an update of the connector, once the design is read).
 */
export async function provisionDesign(api: AlkiraApi, id: number, version?: number, attempt?: AuditAttempt) {
  const stored = await requireDesign(id, version);
  const linked = stored.connector_id !== null && stored.backend === api.config.backendKey ? stored.connector_id : null;
  if (attempt) attempt.action = linked === null ? 'create' : 'update';
  // Picks written as data sources by name go as the ids the tenant's catalog has for those names.
  const named = await resolveStoredNames(api, stored.design, stored.hcl);
  if (named.problems.length > 0) {
    attempt?.about({ type: 'connector', name: stored.design.name });
    const n = named.problems.length;
    throw new ApiError(409, `${n} reference${n === 1 ? '' : 's'} in the design cannot be resolved against the tenant`, {
      unresolved: named.problems,
    });
  }
  const result =
    linked === null
      ? await createConnector(api, named.design, true, attempt)
      : { ...(await updateConnector(api, linked, named.design, true, attempt)), id: linked };
  await recordProvisionSent(id, result.id, stored.version, api.config.backendKey, result.provisionRequestId);
  return {
    design_id: id,
    version: stored.version,
    connector_id: result.id,
    provisionRequestId: result.provisionRequestId,
  };
}

/**
 * Links a version to a connector provisioned through /api/connectors: pending
 * while the app's last provision request for that connector is still running,
 * provisioned when it succeeded (or when the app never provisioned it: a
 * connector made elsewhere, linked by hand); 409 when that request failed.
 */
export async function linkProvisioned(api: AlkiraApi, id: number, connectorId: number, version: number) {
  await requireDesign(id, version);
  const backend = api.config.backendKey;
  const last = (await historyForConnector(backend, connectorId)).find((e) => e.requestId !== null);
  const running = last !== undefined && (last.state === null || !TERMINAL_STATES.has(last.state));
  if (last?.state && TERMINAL_STATES.has(last.state) && last.state !== 'SUCCESS') {
    throw new ApiError(
      409,
      `The last provision request of connector ${connectorId} (${last.requestId}) ended ${last.state}; version ${version} does not run there`,
    );
  }
  const ok = running
    ? await recordProvisionSent(id, connectorId, version, backend, last.requestId)
    : await recordProvisioned(id, connectorId, version, backend);
  if (!ok) throw new ApiError(404, `Design ${id} does not exist`);
  const head = await requireDesign(id);
  return {
    id,
    connector_id: connectorId,
    provisioned_version: head.provisioned_version,
    pending_version: head.pending_version,
  };
}

export async function designDrift(
  api: AlkiraApi,
  id: number,
): Promise<Drift | { connector_id: null; drifted: false; changes: [] }> {
  const head = await requireDesign(id);
  if (head.connector_id === null || head.provisioned_version === null || head.backend !== api.config.backendKey) {
    return { connector_id: null, drifted: false, changes: [] };
  }
  const provisioned = await requireDesign(id, head.provisioned_version);
  // Fields written by name compare as the ids they resolve to (a name the tenant lost shows as a change).
  const named = await resolveStoredNames(api, provisioned.design, provisioned.hcl);
  return driftOf(api, head.connector_id, head.provisioned_version, named.design);
}

/**
 * The workspace designs that manage live connector `connectorId` (linked to it
 * on this backend): an edit made to the connector directly makes them drift.
 */
export async function designsManaging(api: AlkiraApi, connectorId: number) {
  return { connector_id: connectorId, designs: await designsLinkedTo(connectorId, api.config.backendKey) };
}
