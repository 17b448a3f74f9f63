import { AlkiraApi } from '@/lib/alkira/api';
import { listWorkspace, keepStoredAgainst } from '@/lib/services/workspace';
import { jsonResponse, withErrorHandling } from '@/lib/route/errors';
import { readDesignEnvelope } from '@/lib/http/workspace-body';
import { createDesign } from '@/lib/store/designs';
import { listDesigns } from '@/lib/contract';
import { parseQuery } from '@/lib/http/contract-input';
import { actorOf, auditDesignChange } from '@/lib/audit/record';
import { requestPrincipal } from '@/lib/auth/policy';

export const dynamic = 'force-dynamic';

/** GET ?q=&sort=name|updated|created|id&order=asc|desc → { designs: [...] } */
export const GET = withErrorHandling(async (req: Request) => {
  const { q, sort, order } = parseQuery(listDesigns.query, req);
  const designs = await listWorkspace(AlkiraApi.fromEnv(), { q, sort, order });
  return jsonResponse({ designs });
});

/** POST { design, note?, hcl? } → 201 { id, version: 1 }; `hcl` (the .tf file text) is checked against the design and stored as sent. */
export const POST = withErrorHandling(async (req: Request) => {
  const { design, note, hcl } = await readDesignEnvelope(req, { needsBaseVersion: false });
  const created = await createDesign(keepStoredAgainst(design, null), note, hcl);
  await auditDesignChange(
    actorOf(requestPrincipal(req)),
    'create',
    { id: created.id, name: design.name },
    `Created version 1${note ? `: ${note}` : ''}`,
  );
  return jsonResponse(created, 201, { Location: `/api/designs/${created.id}` });
});
