import 'server-only';
/**
 * Resolving drift by taking the live connector's values: the live connector
 * (read through the same mapping as plans and drift) becomes the design's next
 * version, and — since the connector runs exactly that — its provisioned
 * version, so the drift clears. Alkira never reveals keys: each one is kept as
 * stored in the provisioned version (matched by block identity); a tunnel
 * added outside the app has no stored key, and adopting it is refused (409)
 * naming it. The preview is the plan-style change list from the latest
 * version to what would be saved, secrets "(sensitive)".
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { diffDesigns, type DesignChange } from '@/lib/connector/diff';
import { mergedFile } from '@/lib/connector/merge-file';
import { keepStoredSecrets } from '@/lib/connector/sensitive';
import { ApiError } from '@/lib/http/response';
import { recordProvisioned, updateDesign, type StoredDesign } from '@/lib/store/designs';
import type { AlkiraApi } from '@/lib/alkira/api';
import { liveDesignOf } from './plan';
import { requireDesign } from './workspace';
import type { AdoptPreview } from '@/lib/contract';

interface Adoption {
  head: StoredDesign;
  connectorId: number;
  provisionedVersion: number;
  /** The live values with the stored keys. */
  design: ConnectorDesign;
}

async function adoption(api: AlkiraApi, id: number): Promise<Adoption> {
  const head = await requireDesign(id);
  if (head.connector_id === null || head.provisioned_version === null || head.backend !== api.config.backendKey) {
    throw new ApiError(409, `Design ${id} runs on no live connector here: there are no live values to adopt`);
  }
  const provisioned = await requireDesign(id, head.provisioned_version);
  const live = await liveDesignOf(api, head.connector_id, head.design.resource_name);
  if (!live)
    throw new ApiError(409, `Live connector #${head.connector_id} no longer exists: there are no live values to adopt`);
  const { design, missing } = keepStoredSecrets(live, provisioned.design);
  if (missing.length > 0) {
    throw new ApiError(
      409,
      `The live connector has ${missing.length} key${missing.length === 1 ? '' : 's'} the workspace does not hold (added outside this design); they cannot be adopted`,
      {
        errors: missing.map((m) => ({
          path: `design.${m.path}`,
          message: 'Added outside this design: its key is not stored here',
        })),
      },
    );
  }
  return { head, connectorId: head.connector_id, provisionedVersion: head.provisioned_version, design };
}

export async function adoptPreview(api: AlkiraApi, id: number): Promise<AdoptPreview> {
  const { head, connectorId, provisionedVersion, design } = await adoption(api, id);
  return {
    connector_id: connectorId,
    provisioned_version: provisionedVersion,
    latest_version: head.version,
    version: head.version + 1,
    changes: diffDesigns(head.design, design),
  };
}

/**
 * Saves the live values as version `baseVersion + 1` (409 when `baseVersion` is
 * not the latest: the preview was of another version) and records it as what
 * the connector runs.
 */
export async function adoptLiveValues(
  api: AlkiraApi,
  id: number,
  baseVersion: number,
): Promise<{ version: number; connector_id: number; note: string; name: string }> {
  const { head, connectorId, design } = await adoption(api, id);
  if (head.version !== baseVersion) {
    throw new ApiError(
      409,
      `Version ${head.version} was saved after the preview of version ${baseVersion}. Nothing was saved; review the live values again.`,
    );
  }
  const note = `Adopted the live values of connector #${connectorId}`;
  // The latest version's file, updated to the live values (its comments stay), when it has one.
  const file = head.hcl === null ? null : mergedFile(head.hcl, head.design.resource_name, design).hcl;
  const saved = await updateDesign(id, design, baseVersion, note, file);
  if (!saved.ok) {
    if (saved.reason === 'not-found') throw new ApiError(404, `Design ${id} does not exist`);
    throw new ApiError(
      409,
      `Version ${saved.latest.version} was saved meanwhile. Nothing was saved; review the live values again.`,
    );
  }
  await recordProvisioned(id, connectorId, saved.version, api.config.backendKey);
  return { version: saved.version, connector_id: connectorId, note, name: design.name };
}
