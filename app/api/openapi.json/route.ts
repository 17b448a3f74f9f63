import { SESSION_COOKIE } from '@/lib/auth/session';
import { buildOpenApiDocument } from '@/lib/route/openapi';
import { API_VERSION } from '@/lib/contract';
import { jsonResponse } from '@/lib/route/errors';
import { withErrorHandling } from '@/lib/route/handler';

export const dynamic = 'force-dynamic';

let document: Record<string, unknown> | null = null;

/** The HTTP API as OpenAPI 3.1, built once per process from the contract (lib/contract). Public: no tenant or user data. */
export const GET = withErrorHandling(async () => {
  document ??= buildOpenApiDocument({ sessionCookie: SESSION_COOKIE, version: API_VERSION });
  return jsonResponse(document);
});
