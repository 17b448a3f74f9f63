import 'server-only';
/**
 * Plans and drift: what applying a design to a live connector would change,
 * and how a live connector differs from the design version provisioned to it.
 * Both sides go through the same mapping (design → Alkira body → design), so
 * only real differences show, not spelling (a segment picked by id vs. the
 * name Alkira returns, a number typed as a string, an omitted default).
 */
import type { UnresolvedReference } from '@/lib/contract';
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import type { ConnectorDesign } from '@/lib/connector/design';
import { diffDesigns, planSummary, type DesignChange, type PlanSummary } from '@/lib/connector/diff';
import { alkiraConnectorToDesign } from '@/lib/connector/mapping';
import { storedWhere, withStoredSecrets } from '@/lib/connector/sensitive';
import { ApiError } from '@/lib/http/response';
import type { AlkiraApi } from '@/lib/alkira/api';
import { AlkiraHttpError } from '@/lib/alkira/errors';
import { resolveDesign } from '@/lib/alkira/resolve';
import { designFromAlkira } from '@/lib/alkira/secrets';

export interface Plan {
  connector_id: number;
  changes: DesignChange[];
  summary: PlanSummary;
  /** References that could not be resolved against the tenant: the plan compares them as written, and Provision will refuse them. */
  unresolved?: UnresolvedReference[];
}

async function liveConnector(api: AlkiraApi, id: number): Promise<AlkiraConnector | null> {
  try {
    return (await api.getConnector(id)).connector;
  } catch (err) {
    if (err instanceof AlkiraHttpError && err.status === 404) return null;
    throw err;
  }
}

async function segmentIds(api: AlkiraApi): Promise<(name: string) => string | undefined> {
  const segments = await api.segments();
  const byName = new Map(segments.map((s) => [s.name, String(s.id)]));
  return (name) => byName.get(name);
}

/** The design as it would be sent and read back; `unresolved` when it cannot be sent as is. */
async function asProvisioned(
  api: AlkiraApi,
  design: ConnectorDesign,
  live: AlkiraConnector | undefined,
  segmentId: (n: string) => string | undefined,
) {
  const resolution = await resolveDesign(api, design, live);
  if (!resolution.ok) return { design, unresolved: resolution.unresolved };
  return {
    design: alkiraConnectorToDesign(resolution.body, { segmentId, resourceName: design.resource_name }),
    unresolved: undefined,
  };
}

/** Connector `id` as a design (its secrets as the stored secret: Alkira does not reveal them); null when it does not exist. */
export async function liveDesignOf(api: AlkiraApi, id: number, resourceName: string): Promise<ConnectorDesign | null> {
  const live = await liveConnector(api, id);
  return live ? designFromAlkira(live, { segmentId: await segmentIds(api), resourceName }) : null;
}

/** The live connector and the design, both as they read back from Alkira (a stored secret in the design sent as the live value). */
async function sides(api: AlkiraApi, live: AlkiraConnector, design: ConnectorDesign) {
  const segmentId = await segmentIds(api);
  const liveDesign = designFromAlkira(live, { segmentId, resourceName: design.resource_name });
  const target = await asProvisioned(api, design, live, segmentId);
  return { live: liveDesign, design: target.design, unresolved: target.unresolved };
}

/**
 * What Provision would change on connector `id` (404 when it does not exist).
 * Secrets are never compared: the live ones are all stored secrets, so a
 * secret in the request is "(sensitive)" changed unless it is the stored
 * secret — the answer is the same whether a typed key equals the live one or not.
 */
export async function planConnector(api: AlkiraApi, id: number, design: ConnectorDesign): Promise<Plan> {
  const live = await liveConnector(api, id);
  if (!live) throw new ApiError(404, `Connector ${id} does not exist`);
  const { live: current, design: target, unresolved } = await sides(api, live, design);
  const changes = diffDesigns(withStoredSecrets(current), storedWhere(target, design));
  return { connector_id: id, changes, summary: planSummary(true, changes), ...(unresolved ? { unresolved } : {}) };
}

export interface Drift {
  connector_id: number;
  provisioned_version: number;
  /** The connector no longer exists. */
  connector_missing: boolean;
  drifted: boolean;
  /** From the provisioned version (before) to the live connector (after). */
  changes: DesignChange[];
}

/** How the live connector differs from the design version provisioned to it. */
export async function driftOf(
  api: AlkiraApi,
  connectorId: number,
  provisionedVersion: number,
  provisioned: ConnectorDesign,
): Promise<Drift> {
  const live = await liveConnector(api, connectorId);
  const base = { connector_id: connectorId, provisioned_version: provisionedVersion };
  if (!live) return { ...base, connector_missing: true, drifted: true, changes: [] };
  const { live: current, design } = await sides(api, live, provisioned);
  // Where Alkira does not reveal a value, the provisioned one cannot be compared with it.
  const changes = diffDesigns(storedWhere(design, current), current);
  return { ...base, connector_missing: false, drifted: changes.length > 0, changes };
}
