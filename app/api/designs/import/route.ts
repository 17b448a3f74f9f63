import { planImport } from '@/lib/connector/hcl/import-plan';
import { parseClientKey } from '@/lib/hcl-server/client-key';
import { parseHclOffThread } from '@/lib/hcl-server/parse-off-thread';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { readImportBody } from '@/lib/http/import-body';
import { importDesigns, importKey } from '@/lib/store/design-imports';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * POST {hcl, file_name?, resources?} → 201 {designs: [{id, name, resource_name}], replayed: false}:
 * every chosen connector of the file becomes a design, all in one transaction, or none does.
 * - 422 {error, connectors: [{resource_name, name, line, problems: [{message, line, column, path?}]}], file_problems}
 *   when any chosen connector (or the file) has an error: nothing is saved.
 * - 200 {designs, replayed: true}: the same import (same text, same connectors) was already made; nothing new is saved.
 * - 409 {error, existing: [{id, name, resource_name}]}: the workspace already has designs for some of these connector
 *   names (from another import or save); nothing is saved.
 */
export const POST = withErrorHandling(async (req: Request) => {
  const { hcl, fileName, resources } = await readImportBody(req);
  const parsed = await parseHclOffThread(hcl, parseClientKey(req.headers), req.signal);
  const plan = planImport(parsed, resources);
  if (!plan.ok)
    throw new ApiError(422, plan.summary, { connectors: plan.connectors, file_problems: plan.file_problems });

  const chosen = plan.designs.map((d) => d.resource_name);
  const note = fileName ? `Imported from ${fileName}` : 'Imported from Terraform';
  const result = await importDesigns(
    importKey(hcl, chosen),
    plan.designs.map((d) => d.design),
    note,
  );
  if (result.kind === 'conflict') {
    const n = result.existing.length;
    const listed = result.existing.map((d) => `"${d.name}" (design ${d.id})`).join(', ');
    throw new ApiError(
      409,
      `The workspace already has ${n === 1 ? 'a design' : `${n} designs`} for ${listed}; nothing was saved. Open ${n === 1 ? 'it' : 'them'} and save a new version, or rename the connector${n === 1 ? '' : 's'} in the file`,
      {
        existing: result.existing,
      },
    );
  }
  if (result.kind === 'replayed') return jsonResponse({ designs: result.designs, replayed: true }, 200);
  const actor = actorOf(requestPrincipal(req));
  for (const d of result.designs)
    await auditDesignChange(actor, 'create', { id: d.id, name: d.name }, `Created version 1: ${note}`);
  return jsonResponse({ designs: result.designs, replayed: false }, 201);
});
