import { changesFromLatest, withSecretsStored, requireDesign, keepStoredAgainst } from '@/lib/alkira/workspace';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { parseDesignId, parseVersion, readDesignEnvelope } from '@/lib/http/workspace-body';
import { deleteDesign, getDesign, updateDesign } from '@/lib/store/designs';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET [?version=N] → { id, version, latest_version, design (sensitive values masked), hcl (the version's .tf file
 * text as saved, or null when it was saved without one), note, updated_at, connector_id, provisioned_version, pending_version }
 */
export const GET = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseDesignId((await params).id);
  const raw = new URL(req.url).searchParams.get('version');
  const stored = await requireDesign(id, raw === null ? undefined : parseVersion(raw, 'version'));
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

/** PUT { design, base_version, note?, hcl? } → { version }, or 409 with the latest version (its hcl too) and what differs from it. */
export const PUT = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseDesignId((await params).id);
  const { design, note, hcl, base_version } = await readDesignEnvelope(req, { needsBaseVersion: true });
  const base = await requireDesign(id, base_version);
  const result = await updateDesign(id, keepStoredAgainst(design, base.design), base.version, note, hcl);
  if (result.ok) {
    const summary = `Saved version ${result.version}${note ? `: ${note}` : ''}`;
    await auditDesignChange(actorOf(requestPrincipal(req)), 'save', { id, name: design.name }, summary);
    return jsonResponse({ id, version: result.version });
  }
  if (result.reason === 'not-found') throw new ApiError(404, `Design ${id} does not exist`);
  const latest = result.latest;
  throw new ApiError(
    409,
    `Version ${base.version} is not the latest: version ${latest.version} was saved at ${latest.updated_at}${latest.note ? ` ("${latest.note}")` : ''}. Nothing was saved; review the changes and save again on version ${latest.version}.`,
    {
      latest: { version: latest.version, design: withSecretsStored(latest.design), hcl: latest.hcl, note: latest.note, updated_at: latest.updated_at },
      // From the latest version to what was sent: what saving yours would change.
      changes: changesFromLatest(latest.design, design, base.design),
    },
  );
});

/** DELETE → { id, deleted: true } (undo: POST /api/designs/{id}/restore). */
export const DELETE = withErrorHandling(async (req: Request, { params }: Ctx) => {
  const id = parseDesignId((await params).id);
  const name = (await getDesign(id))?.design.name ?? `design ${id}`;
  if (!(await deleteDesign(id))) throw new ApiError(404, `Design ${id} does not exist`);
  await auditDesignChange(actorOf(requestPrincipal(req)), 'delete', { id, name }, 'Deleted (can be restored)');
  return jsonResponse({ id, deleted: true, restore: `/api/designs/${id}/restore` });
});
