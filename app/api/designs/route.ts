import { AlkiraApi } from '@/lib/alkira/api';
import { listWorkspace, keepStoredAgainst } from '@/lib/services/workspace';
import { ApiError, jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { readDesignEnvelope } from '@/lib/http/workspace-body';
import { createDesign, DESIGN_SORTS, type DesignSort } from '@/lib/store/designs';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';

export const dynamic = 'force-dynamic';

function isSort(v: string): v is DesignSort {
  return (DESIGN_SORTS as readonly string[]).includes(v);
}

/** GET ?q=&sort=name|updated|created|id&order=asc|desc → { designs: [...] } */
export const GET = withErrorHandling(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const sort = params.get('sort') ?? 'updated';
  if (!isSort(sort)) throw new ApiError(400, `Unknown sort "${sort}"; use one of ${DESIGN_SORTS.join(', ')}`);
  const order = params.get('order') ?? undefined;
  if (order !== undefined && order !== 'asc' && order !== 'desc') throw new ApiError(400, 'order must be "asc" or "desc"');
  const q = params.get('q') ?? undefined;
  if (q !== undefined && q.length > 200) throw new ApiError(400, 'q is longer than 200 characters');
  const designs = await listWorkspace(AlkiraApi.fromEnv(), { q, sort, order });
  return jsonResponse({ designs });
});

/** POST { design, note?, hcl? } → 201 { id, version: 1 }; `hcl` (the .tf file text) is checked against the design and stored as sent. */
export const POST = withErrorHandling(async (req: Request) => {
  const { design, note, hcl } = await readDesignEnvelope(req, { needsBaseVersion: false });
  const created = await createDesign(keepStoredAgainst(design, null), note, hcl);
  await auditDesignChange(actorOf(requestPrincipal(req)), 'create', { id: created.id, name: design.name }, `Created version 1${note ? `: ${note}` : ''}`);
  return jsonResponse(created, 201, { Location: `/api/designs/${created.id}` });
});
