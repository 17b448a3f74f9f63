import { changesFromLatest, withSecretsStored, requireDesign, keepStoredAgainst } from '@/lib/services/workspace';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { designIdParams, getDesign as getContract } from '@/lib/contract';
import { parseParams, parseQuery } from '@/lib/http/contract-input';
import { readDesignEnvelope } from '@/lib/http/workspace-body';
import { deleteDesign, getDesign, updateDesign, type StoredDesign } from '@/lib/store/designs';
import { mergeProposal, saveMerged } from '@/lib/services/workspace-merge';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET [?version=N] → { id, version, latest_version, design (sensitive values masked), hcl (the version's .tf file
 * text as saved, or null when it was saved without one), note, updated_at, connector_id, provisioned_version, pending_version }
 */
export const GET = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const { id } = await parseParams(getContract.params, params);
  const { version } = parseQuery(getContract.query, req);
  const stored = await requireDesign(id, version);
  return jsonResponse({
    id,
    version: stored.version,
    latest_version: stored.latest_version,
    design: withSecretsStored(stored.design),
    hcl: stored.hcl,
    note: stored.note,
    updated_at: stored.updated_at,
    connector_id: stored.connector_id,
    provisioned_version: stored.provisioned_version,
    pending_version: stored.pending_version,
  });
});

/**
 * PUT { design, base_version, note?, hcl?, merge? } → { version }. A stale base_version answers 409 with the latest
 * version (its hcl too), what differs from it (`changes`) and the three-way merge proposal (`merge`: each side's
 * changes and the conflicts, lib/services/workspace-merge.ts). Sent again with `merge: { theirs_version, resolutions }`
 * (a choice per conflict id), the merged design is saved as the next version → { version, note, file }.
 */
export const PUT = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const { id } = await parseParams(designIdParams, params);
  const { design, note, hcl, base_version, merge } = await readDesignEnvelope(req, { needsBaseVersion: true });
  const base = await requireDesign(id, base_version);
  const actor = actorOf(requestPrincipal(req));
  const stale = async (latest: StoredDesign, message: string): Promise<never> => {
    throw new ApiError(409, message, {
      latest: {
        version: latest.version,
        design: withSecretsStored(latest.design),
        hcl: latest.hcl,
        note: latest.note,
        updated_at: latest.updated_at,
      },
      // From the latest version to what was sent: what saving yours over it would change.
      changes: changesFromLatest(latest.design, design, base.design),
      merge: await mergeProposal(id, base, latest, design, hcl),
    });
  };
  if (merge) {
    const latest = await requireDesign(id);
    const saved = await saveMerged(
      id,
      {
        base,
        latest,
        sent: design,
        sentHcl: hcl,
        note,
        theirsVersion: merge.theirs_version,
        resolutions: merge.resolutions,
        actor,
      },
      stale,
    );
    await auditDesignChange(actor, 'save', { id, name: design.name }, `Saved version ${saved.version}: ${saved.note}`);
    return jsonResponse({ id, ...saved });
  }
  const result = await updateDesign(id, keepStoredAgainst(design, base.design), base.version, note, hcl);
  if (result.ok) {
    const summary = `Saved version ${result.version}${note ? `: ${note}` : ''}`;
    await auditDesignChange(actor, 'save', { id, name: design.name }, summary);
    return jsonResponse({ id, version: result.version });
  }
  if (result.reason === 'not-found') throw new ApiError(404, `Design ${id} does not exist`);
  const latest = result.latest;
  return stale(
    latest,
    `Version ${base.version} is not the latest: version ${latest.version} was saved at ${latest.updated_at}${latest.note ? ` ("${latest.note}")` : ''}. Nothing was saved; review the changes and save again on version ${latest.version}.`,
  );
});

/** DELETE → { id, deleted: true } (undo: POST /api/designs/{id}/restore). */
export const DELETE = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const { id } = await parseParams(designIdParams, params);
  const name = (await getDesign(id))?.design.name ?? `design ${id}`;
  if (!(await deleteDesign(id))) throw new ApiError(404, `Design ${id} does not exist`);
  await auditDesignChange(actorOf(requestPrincipal(req)), 'delete', { id, name }, 'Deleted (can be restored)');
  return jsonResponse({ id, deleted: true, restore: `/api/designs/${id}/restore` });
});
