/**
 * Shared pieces of the API tests: the environment every test server gets and
 * small HTTP helpers (plain fetch against the real server, nothing mocked).
 * The designs they send are in ../helpers/designs.ts.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { APP_CALLER_HEADERS, type RunningServer } from '../helpers/server';

export const TEST_ENV = {
  ALKIRA_EMULATOR_ADMIN: '1',
  ALKIRA_EMULATOR_PROVISION_MS: '800',
  ALKIRA_RETRY_BASE_MS: '20',
  ALKIRA_TIMEOUT_MS: '1500',
};

export const EMULATOR_KEY = 'connector-studio-emulator';

export interface JsonReply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = any>(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonReply<T>> {
  const res = await fetch(server.url + path, {
    method,
    // JSON even without a body: a POST with neither Origin nor a JSON type is refused as a possible cross-site form.
    headers: body === undefined && method !== 'POST' ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** Calls the embedded emulator directly, as the Alkira API (for checks behind the proxy's back). */
export async function emulator<T = any>(
  server: RunningServer,
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<JsonReply<T>> {
  return call<T>(server, method, `/emulator/api${apiPath}`, body, {
    ...APP_CALLER_HEADERS,
    Authorization: `api-key ${Buffer.from(EMULATOR_KEY).toString('base64')}`,
  });
}

export interface FaultRule {
  method?: string;
  path?: string;
  status?: number;
  retryAfter?: number;
  times: number;
  afterCommit?: boolean;
  delayMs?: number;
}

export async function injectFaults(server: RunningServer, rules: FaultRule[]): Promise<void> {
  const r = await call(server, 'POST', '/emulator/_admin/faults', { rules }, APP_CALLER_HEADERS);
  if (r.status >= 300) throw new Error(`fault injection failed: ${r.status} ${r.text}`);
}

export async function clearFaults(server: RunningServer): Promise<void> {
  await call(server, 'DELETE', '/emulator/_admin/faults', undefined, APP_CALLER_HEADERS);
}

export async function resetEmulator(server: RunningServer): Promise<void> {
  const r = await call(server, 'POST', '/emulator/_admin/reset', {}, APP_CALLER_HEADERS);
  if (r.status >= 300) throw new Error(`emulator reset failed: ${r.status} ${r.text}`);
}

export const CONNECTORS_PATH = '/azure-express-route-connectors';

/** Polls the proxy until the provision request ends (SUCCESS/FAILED/PARTIAL_SUCCESS). */
export async function waitForProvision(
  server: RunningServer,
  requestId: string,
  timeoutMs = 10_000,
): Promise<{ id: string; state: string; errorMessage?: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await call(server, 'GET', `/api/provision-requests/${requestId}`);
    if (r.status !== 200) throw new Error(`provision request lookup failed: ${r.status} ${r.text}`);
    if (['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS'].includes(r.body.state)) return r.body;
    if (Date.now() > deadline) throw new Error(`provision request ${requestId} still ${r.body.state}`);
    await new Promise((res) => setTimeout(res, 150));
  }
}

/**
 * The pre-shared keys the emulator (standing in for Alkira) stored for a
 * connector, read from its database: its API shows them only to the app.
 */
export function storedTunnelKeys(server: RunningServer, id: number): string[] {
  const db = new Database(path.join(server.dataDir, 'emulator.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT body FROM connectors WHERE id = ?').get(id) as { body: string } | undefined;
    const body = JSON.parse(row?.body ?? '{}');
    return (body.instances ?? []).flatMap((i: any) =>
      (i.segmentOptions ?? []).flatMap((so: any) =>
        (so.customerGateways ?? []).flatMap((g: any) => (g.tunnels ?? []).map((t: any) => t.preSharedKey)),
      ),
    );
  } finally {
    db.close();
  }
}
