/**
 * What handlers return (a plain result, turned into a Response in one place so
 * request-id echo, fault injection and afterCommit can wrap every answer), and
 * the error type that becomes `{ "message": ... }` with a status.
 */

export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function ok(body: unknown, status = 200, headers?: Record<string, string>): ApiResult {
  return { status, body, headers };
}

export function errorResult(status: number, message: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): ApiResult {
  return { status, body: { message, ...extra }, headers };
}

export function toResponse(result: ApiResult, requestId: string): Response {
  const headers = new Headers(result.headers);
  headers.set('x-ak-request-id', requestId);
  headers.set('cache-control', 'no-store');
  if (result.status === 204) return new Response(null, { status: 204, headers });
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}

/** Reads a JSON body: 400 when it is missing or malformed (never a 500). */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === '') throw new ApiError(400, 'Request body is required (JSON)');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ApiError(400, `Request body is not valid JSON: ${detail}`);
  }
}
