import 'server-only';
/**
 * The design workspace's operations that need both the store and the Alkira
 * API: the list with each linked connector's live state, provisioning a
 * stored version (and recording the link), and drift. Pre-shared keys leave
 * here masked (`DESIGN_MASK`); a mask sent back keeps the stored key.
 */
import type { AuditAttempt } from '@/lib/audit/attempt';
import type { ConnectorDesign } from '@/lib/connector/design';
import { diffDesigns, type DesignChange } from '@/lib/connector/diff';
import { keepMaskedSecrets } from '@/lib/connector/sensitive';
import { ApiError } from '@/lib/http/errors';
import { getDesign, listDesigns, recordProvisioned, type DesignSummary, type ListOptions, type StoredDesign } from '@/lib/store/designs';
import type { AlkiraApi } from './api';
import { createConnector, updateConnector } from './connectors';
import { connectorStateOrNull, driftOf, type Drift } from './plan';
import { DESIGN_MASK } from './secrets';
import { mapLimit } from './summary';

export interface WorkspaceRow extends Omit<DesignSummary, 'backend'> {
  /** The linked connector's provision state; null when unlinked, on another backend, or unreadable. */
  connector_state: string | null;
}

export async function listWorkspace(api: AlkiraApi, options: ListOptions): Promise<WorkspaceRow[]> {
  const rows = await listDesigns(options);
  return mapLimit(rows, 6, async ({ backend, ...row }) => ({
    ...row,
    connector_state: row.connector_id !== null && backend === api.config.backendKey ? await connectorStateOrNull(api, row.connector_id) : null,
  }));
}

/** A copy for the browser: pre-shared keys as `DESIGN_MASK`. */
export function maskedDesign(design: ConnectorDesign): ConnectorDesign {
  const copy = structuredClone(design);
  for (const inst of copy.instances ?? [])
    for (const g of inst.ipsec_customer_gateway ?? [])
      for (const cg of g.customer_gateway ?? []) for (const t of cg.tunnel ?? []) if (t.pre_shared_key) t.pre_shared_key = DESIGN_MASK;
  return copy;
}

/** The design with masked keys replaced by the reference's (a stored version); 422 naming each mask that has none. */
export function unmaskAgainst(design: ConnectorDesign, reference: ConnectorDesign | null): ConnectorDesign {
  const { design: out, missing } = keepMaskedSecrets(design, reference, DESIGN_MASK);
  if (missing.length > 0) {
    throw new ApiError(422, `${missing.length} pre-shared key${missing.length === 1 ? ' is' : 's are'} masked with nothing stored to keep`, {
      errors: missing.map((m) => ({ path: `design.${m.path}`, message: m.message })),
    });
  }
  return out;
}

export async function requireDesign(id: number, version?: number): Promise<StoredDesign> {
  const found = await getDesign(id, version);
  if (!found) {
    if (version !== undefined && (await getDesign(id))) throw new ApiError(404, `Design ${id} has no version ${version}`);
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
 * one (same backend), then records which version went where.
 */
/** `attempt`: who asked, for the audit trail (a create or an update of the connector, once the design is read). */
export async function provisionDesign(api: AlkiraApi, id: number, version?: number, attempt?: AuditAttempt) {
  const stored = await requireDesign(id, version);
  const linked = stored.connector_id !== null && stored.backend === api.config.backendKey ? stored.connector_id : null;
  if (attempt) attempt.action = linked === null ? 'create' : 'update';
  const result =
    linked === null
      ? await createConnector(api, stored.design, true, attempt)
      : { ...(await updateConnector(api, linked, stored.design, true, attempt)), id: linked };
  await recordProvisioned(id, result.id, stored.version, api.config.backendKey);
  return { design_id: id, version: stored.version, connector_id: result.id, provisionRequestId: result.provisionRequestId };
}

export async function designDrift(api: AlkiraApi, id: number): Promise<Drift | { connector_id: null; drifted: false; changes: [] }> {
  const head = await requireDesign(id);
  if (head.connector_id === null || head.provisioned_version === null || head.backend !== api.config.backendKey) {
    return { connector_id: null, drifted: false, changes: [] };
  }
  const provisioned = await requireDesign(id, head.provisioned_version);
  return driftOf(api, head.connector_id, head.provisioned_version, provisioned.design);
}
