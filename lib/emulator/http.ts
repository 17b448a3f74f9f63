/**
 * What handlers return (a plain result, turned into a Response in one place so
 * request-id echo, fault injection and afterCommit can wrap every answer), and
 * the error type that becomes `{ "message": ... }` with a status.
 */
import { readLimited } from '@/lib/http/body';
import { parseJsonWithinLimits, REQUEST_LIMITS } from '@/lib/http/limits';
import { ApiError as AppApiError } from '@/lib/http/response';

export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The body already serialised (large lists written without a parse/stringify round trip). */
  rawJson?: string;
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

export function errorResult(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): ApiResult {
  return { status, body: { message, ...extra }, headers };
}

export function toResponse(result: ApiResult, requestId: string): Response {
  const headers = new Headers(result.headers);
  headers.set('x-ak-request-id', requestId);
  headers.set('cache-control', 'no-store');
  if (result.status === 204) return new Response(null, { status: 204, headers });
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(result.rawJson ?? JSON.stringify(result.body), { status: result.status, headers });
}

/** Reads a JSON body within the app's limits (size, depth, lengths): 400/413, never a 500. */
export async function readJsonBody(req: Request): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(req, REQUEST_LIMITS.bodyBytes);
  } catch (err) {
    if (err instanceof AppApiError) throw new ApiError(err.status, err.message);
    throw err;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'Request body is not valid UTF-8');
  }
  if (text.trim() === '') throw new ApiError(400, 'Request body is required (JSON)');
  const reading = parseJsonWithinLimits(text);
  if (!reading.ok) throw new ApiError(400, reading.message);
  return reading.value;
}
