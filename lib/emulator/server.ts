/**
 * The emulated Alkira API, request by request: echo the request id, check the
 * API key, inject latency and faults, settle finished provisioning, route,
 * and turn errors into `{ "message": ... }` answers (never an HTML 500).
 */
import { timingSafeEqual } from 'node:crypto';
import { emulatorRefusal } from './app-caller';
import { emulatorConfig } from './config';
import { faultMessage, randomFault, sleep, takeFaultRule, type FaultRule } from './faults';
import { ApiError, errorResult, toResponse, type ApiResult } from './http';
import { settleProvisioning } from './provisioning';
import { matchRoute, type Route } from './router';
import { catalogRoutes } from './handlers/catalog';
import { connectorRoutes } from './handlers/connectors';
import { provisionRoutes } from './handlers/provision';

const ROUTES: Route[] = [...catalogRoutes, ...connectorRoutes, ...provisionRoutes];

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Null when the request carries `Authorization: api-key <base64(key)>` with the right key. */
function authProblem(req: Request): string | null {
  const header = req.headers.get('authorization');
  if (!header) return 'Authentication required: send "Authorization: api-key <base64 of the API key>"';
  const m = /^api-key\s+(\S+)$/i.exec(header.trim());
  if (!m) return 'Unsupported authorization scheme: use "api-key <base64 of the API key>"';
  const key = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  return sameText(key, emulatorConfig().apiKey) ? null : 'Invalid API key';
}

function faultResult(rule: FaultRule & { status: number }): ApiResult {
  const headers: Record<string, string> = {};
  if (rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter);
  return errorResult(rule.status, faultMessage(rule.status), {}, headers);
}

async function route(req: Request, method: string, apiPath: string, query: URLSearchParams): Promise<ApiResult> {
  const match = matchRoute(ROUTES, method, apiPath);
  if (match.kind === 'not-found') return errorResult(404, `No such endpoint: ${method} ${apiPath}`);
  if (match.kind === 'method-not-allowed') {
    return errorResult(405, `Method ${method} is not allowed on ${apiPath}`, {}, { allow: match.allow.join(', ') });
  }
  try {
    const now = Date.now();
    settleProvisioning(now);
    return await match.handler({ req, method, params: match.params, query, now });
  } catch (err) {
    if (err instanceof ApiError) return errorResult(err.status, err.message, err.extra, err.headers);
    // Only the error's name and message: request bodies (pre-shared keys) must never reach the log.
    console.error(
      `[alkira-emulator] ${method} ${apiPath} failed: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error'}`,
    );
    return errorResult(500, 'Internal server error');
  }
}

/** Handles `/emulator/api/<segments>`, which stands for `https://<portal>/api/<segments>`. */
export async function handleEmulatorApi(req: Request, segments: string[]): Promise<Response> {
  const requestId = req.headers.get('x-ak-request-id') || `emu-${crypto.randomUUID()}`;
  const method = req.method.toUpperCase();
  const apiPath = '/api/' + segments.map(encodeURIComponent).join('/');
  const query = new URL(req.url).searchParams;

  const refusal = emulatorRefusal(req);
  if (refusal) return toResponse(errorResult(refusal.status, refusal.message), requestId);
  const problem = authProblem(req);
  if (problem) return toResponse(errorResult(401, problem), requestId);

  await sleep(emulatorConfig().latencyMs);
  const fault = takeFaultRule(method, apiPath) ?? randomFault();
  if (fault && !fault.afterCommit) {
    await sleep(fault.delayMs);
    if (fault.status) return toResponse(faultResult({ ...fault, status: fault.status }), requestId);
  }
  const result = await route(req, method, apiPath, query);
  if (fault?.afterCommit) {
    await sleep(fault.delayMs);
    if (fault.status) return toResponse(faultResult({ ...fault, status: fault.status }), requestId);
  }
  return toResponse(result, requestId);
}
