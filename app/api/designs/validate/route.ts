import { readJsonObject } from '@/lib/http/body';
import { jsonResponse, withErrorHandling } from '@/lib/http/errors';
import { validateDesign } from '@/lib/connector/validate';

export const dynamic = 'force-dynamic';

/** POST a design JSON → { ok, errors: [{ path, message }], warnings: [...] }. */
export const POST = withErrorHandling(async (req: Request) => {
  const design = await readJsonObject(req);
  return jsonResponse(validateDesign(design));
});
