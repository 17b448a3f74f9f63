/**
 * The JSON error shape every API route answers with:
 * `{ "error": "<clear message>", "errors"?: [{ path, message }], ...extra }`.
 * Route code throws `ApiError`; `withErrorHandling` turns it (and the Alkira
 * client's typed errors) into a response, and anything unexpected into a
 * 500 without a stack.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.extra = extra;
    this.headers = headers;
  }
}

/** API JSON is per-user, live data: never cache it anywhere. */
const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorResponse(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return jsonResponse({ error: message, ...extra }, status, headers);
}
