/**
 * Shared pieces of the API tests: the environment every test server gets,
 * designs that resolve against the emulator's seed catalog, and small HTTP
 * helpers (plain fetch against the real server, nothing mocked).
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { ConnectorDesign } from '@/lib/connector/design';
import { parseDesign } from '@/lib/connector/validate';
import { APP_CALLER_HEADERS, type RunningServer } from '../helpers/server';

export const TEST_ENV = {
  ALKIRA_EMULATOR_ADMIN: '1',
  ALKIRA_EMULATOR_PROVISION_MS: '800',
  ALKIRA_RETRY_BASE_MS: '20',
  ALKIRA_TIMEOUT_MS: '1500',
};

export const EMULATOR_KEY = 'connector-studio-emulator';
export const CRED_PROD = '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e501';
export const CRED_SECURITY = '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e502';
export const CIRCUIT = '/subscriptions/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/';

/** A VXLAN_GPE connector on segment "prod" (id 1). */
export function basicDesign(name: string): Record<string, unknown> {
  return {
    resource_name: name.replace(/-/g, '_'),
    name,
    description: 'API test connector',
    size: 'MEDIUM',
    enabled: true,
    vhub_prefix: '10.130.0.0/23',
    cxp: 'USWEST-AZURE-1',
    tunnel_protocol: 'VXLAN_GPE',
    group: 'networking',
    billing_tag_ids: [101],
    instances: [
      { name: 'primary-instance', expressroute_circuit_id: CIRCUIT + 'primary-circuit', redundant_router: false, loopback_subnet: '192.168.20.0/26', credential_id: CRED_PROD },
    ],
    segment_options: [{ segment_id: '1', customer_asn: '65001', disable_internet_exit: true, advertise_on_prem_routes: true }],
  };
}

/** A request body parsed as the API parses it: for tests of the modules that take a checked design. */
export function parsedDesign(body: Record<string, unknown>): ConnectorDesign {
  const parsed = parseDesign(body);
  if (!parsed.ok) throw new Error(`test design does not parse: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.design;
}

export const PSK_DMZ = 'psk-dmz-primary-123!';
export const PSK_INTERNAL = 'psk-internal-backup-789!';

/** An IPSEC connector on segments "dmz" (2) and "internal" (3) with pre-shared keys. */
export function ipsecDesign(name: string): Record<string, unknown> {
  const tunnel = (tname: string, psk: string, profile: number, initiator = true) => ({
    name: tname, ike_version: 'IKEv2', initiator, pre_shared_key: psk, profile_id: profile, remote_auth_type: 'FQDN', remote_auth_value: `${tname}.example.com`,
  });
  return {
    resource_name: name.replace(/-/g, '_'),
    name,
    size: '2LARGE',
    vhub_prefix: '10.132.0.0/23',
    cxp: 'USWEST-AZURE-1',
    tunnel_protocol: 'IPSEC',
    group: 'security',
    instances: [
      {
        name: 'multi-segment-instance',
        expressroute_circuit_id: CIRCUIT + 'multi-segment-circuit',
        redundant_router: true,
        loopback_subnet: '192.168.22.0/26',
        credential_id: CRED_SECURITY,
        ipsec_customer_gateway: [
          { segment_id: '2', customer_gateway: [{ name: 'dmz-primary-gateway', tunnel: [tunnel('primary-tunnel', PSK_DMZ, 10)] }] },
          { segment_id: '3', customer_gateway: [{ name: 'internal-backup-gateway', tunnel: [tunnel('backup-tunnel', PSK_INTERNAL, 12, false)] }] },
        ],
      },
    ],
    segment_options: [
      { segment_id: '2', customer_asn: 65003, disable_internet_exit: true, advertise_on_prem_routes: false },
      { segment_id: '3', customer_asn: 65004, disable_internet_exit: false, advertise_on_prem_routes: true },
    ],
  };
}

export interface JsonReply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = any>(server: RunningServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonReply<T>> {
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
export async function emulator<T = any>(server: RunningServer, method: string, apiPath: string, body?: unknown): Promise<JsonReply<T>> {
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
export async function waitForProvision(server: RunningServer, requestId: string, timeoutMs = 10_000): Promise<{ id: string; state: string; errorMessage?: string }> {
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
      (i.segmentOptions ?? []).flatMap((so: any) => (so.customerGateways ?? []).flatMap((g: any) => (g.tunnels ?? []).map((t: any) => t.preSharedKey))),
    );
  } finally {
    db.close();
  }
}
