import { SESSION_COOKIE } from '@/lib/auth/session';
import { buildOpenApiDocument } from '@/lib/contract/openapi';
import { jsonResponse } from '@/lib/http/errors';
import { withErrorHandling } from '@/lib/http/handler';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

let document: Record<string, unknown> | null = null;

/** The HTTP API as OpenAPI 3.1, built once per process from the contract (lib/contract). Public: no tenant or user data. */
export const GET = withErrorHandling(async () => {
  document ??= buildOpenApiDocument({ sessionCookie: SESSION_COOKIE, version: packageJson.version });
  return jsonResponse(document);
});
