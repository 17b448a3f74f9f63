/**
 * Test-only admin endpoints (`/emulator/_admin/...`), present only when
 * ALKIRA_EMULATOR_ADMIN=1 (otherwise 404 as if absent), and then, like the
 * emulator API, only for callers holding the app's token (`app-caller.ts`).
 */
import { requestRefusal } from '@/lib/http/same-origin';
import { emulatorRefusal } from '../app-caller';
import { emulatorConfig } from '../config';
import { addFaultRules, clearFaultRules, faultRulesBody, listFaultRules } from '../faults';
import { ApiError, errorResult, ok, readJsonBody, toResponse, type ApiResult } from '../http';
import { resetStore } from '../store';
import { noteEmulatorWrite } from '../changes';
import { z } from 'zod';
import { seedDemoTenant, type DemoTenantSummary } from '../demo-tenant';

async function guarded(req: Request, run: () => Promise<ApiResult> | ApiResult): Promise<Response> {
  const requestId = req.headers.get('x-ak-request-id') || `emu-${crypto.randomUUID()}`;
  if (!emulatorConfig().adminEnabled) return toResponse(errorResult(404, 'Not found'), requestId);
  const refusal = emulatorRefusal(req);
  if (refusal) return toResponse(errorResult(refusal.status, refusal.message), requestId);
  // The proxy's host and cross-site guard, again (a backstop if it is bypassed).
  const crossSite = requestRefusal(req.method, req.headers, new URL(req.url).host);
  if (crossSite) return toResponse(errorResult(403, crossSite), requestId);
  try {
    return toResponse(await run(), requestId);
  } catch (err) {
    if (err instanceof ApiError) return toResponse(errorResult(err.status, err.message, err.extra), requestId);
    throw err;
  }
}

/** The first problem zod found in a body, naming its field (a failed parse has at least one). */
function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  return first ? `${first.path.map(String).join('.') || '(body)'}: ${first.message}` : '(body): invalid';
}

/** POST: adds rules `{ rules: [...] }`; GET: lists the rules with uses left; DELETE: clears them. */
export const faultsAdmin = {
  POST: (req: Request) =>
    guarded(req, async () => {
      const parsed = faultRulesBody.safeParse(await readJsonBody(req));
      if (!parsed.success) {
        throw new ApiError(400, firstIssue(parsed.error.issues));
      }
      addFaultRules(parsed.data.rules);
      // The emulator answers differently from now on: a cached answer of it is no longer what it would say.
      noteEmulatorWrite();
      return ok({ rules: listFaultRules() });
    }),
  GET: (req: Request) => guarded(req, () => ok({ rules: listFaultRules() })),
  DELETE: (req: Request) =>
    guarded(req, () => {
      clearFaultRules();
      noteEmulatorWrite();
      return ok({ rules: [] });
    }),
};

/** POST: wipes connectors, provision requests and faults; reseeds the catalog. */
export const resetAdmin = {
  POST: (req: Request) =>
    guarded(req, () => {
      resetStore();
      return ok({ reset: true });
    }),
};

const seedBody = z.object({
  count: z.number().int().min(1).max(20_000),
  seed: z.number().int().optional(),
});

/**
 * What the app does once the emulator holds a seeded tenant: record its own history of the seeded requests and drop
 * its cached views. Given by the route (lib/services/seeded-tenant.ts), so the emulator knows nothing of the app.
 */
export type AfterSeed = (requests: DemoTenantSummary['requests']) => Promise<void>;

/** POST `{ count, seed? }`: adds a believable tenant (lib/emulator/demo-tenant.ts); answers its state counts. */
export function seedAdminPost(afterSeed: AfterSeed): (req: Request) => Promise<Response> {
  return (req) =>
    guarded(req, async () => {
      const parsed = seedBody.safeParse(await readJsonBody(req));
      if (!parsed.success) {
        throw new ApiError(400, firstIssue(parsed.error.issues));
      }
      const { ids, byState, requests } = seedDemoTenant(parsed.data);
      await afterSeed(requests);
      return ok({ added: ids.length, firstId: ids[0], lastId: ids.at(-1), byState });
    });
}
