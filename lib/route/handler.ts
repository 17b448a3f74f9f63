/**
 * Wraps every API route handler: refuses unknown hosts and cross-site
 * mutations (again, in case the root proxy is bypassed), enforces the route's
 * role, maps typed errors to the JSON error shape, and
 * turns anything unexpected into a 500 that reveals nothing but a reference.
 */
import { randomUUID } from 'node:crypto';
import { AlkiraConfigError } from '@/lib/alkira/config';
import { AuthConfigError } from '@/lib/auth/config';
import { authorize } from '@/lib/auth/policy';
import {
  AlkiraHttpError,
  AlkiraTimeoutError,
  AlkiraUnavailableError,
  CreateOutcomeUnknownError,
  scrubSecrets,
} from '@/lib/alkira/errors';
import { StoreSecretError } from '@/lib/store/secrets';
import { logSafe } from '@/lib/util/log-line';
import { ApiError, errorResponse } from '@/lib/http/response';
import { routeFor } from './routes';
import { requestRefusal } from '@/lib/http/same-origin';

type Handler<C> = (req: Request, ctx: C) => Promise<Response>;

export function toErrorResponse(err: unknown): Response {
  if (err instanceof ApiError) return errorResponse(err.status, err.message, err.extra, err.headers);
  if (err instanceof AlkiraHttpError) {
    const status = err.status >= 400 && err.status < 500 ? err.status : 502;
    return errorResponse(status, `Alkira API: ${err.message}`);
  }
  if (err instanceof AlkiraUnavailableError || err instanceof CreateOutcomeUnknownError)
    return errorResponse(502, err.message);
  if (err instanceof AlkiraTimeoutError) return errorResponse(504, err.message);
  if (err instanceof AlkiraConfigError || err instanceof AuthConfigError)
    return errorResponse(500, `Server misconfigured: ${err.message}`);
  if (err instanceof StoreSecretError) return errorResponse(500, `Server misconfigured: ${err.message}`);
  const ref = randomUUID().slice(0, 8);
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  // Only the scrubbed message is logged: request bodies may hold keys.
  console.error(`[api] unexpected error ref=${ref}: ${logSafe(scrubSecrets(detail), 1000)}`);
  return errorResponse(500, `Internal error (ref ${ref})`);
}

export function withErrorHandling<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      const url = new URL(req.url);
      const refusal = requestRefusal(req.method, req.headers, url.host, routeFor(url.pathname)?.mutates ?? false);
      if (refusal) return errorResponse(403, refusal);
      await authorize(req); // the role every route needs (lib/auth/policy-table.ts)
      return await handler(req, ctx);
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** A positive integer route id, or 404 (ids are integers upstream). */
export function parseConnectorId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw) || Number(raw) <= 0)
    throw new ApiError(404, `Connector ${JSON.stringify(raw)} does not exist`);
  return Number(raw);
}
