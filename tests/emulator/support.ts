/**
 * Shared helpers for the emulator API tests: an authenticated JSON client for
 * `/emulator/api/...`, the admin endpoints, and designs to send.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { designToAlkiraConnector } from '@/lib/connector/mapping';
import { APP_CALLER_HEADERS, type RunningServer } from '../helpers/server';
import { at } from '../helpers/present';

export const API_KEY = 'connector-studio-emulator';
export const AUTH = 'api-key ' + Buffer.from(API_KEY).toString('base64');
export const CONNECTORS = '/v1/tenantnetworks/1/azure-express-route-connectors';
export const AZURE_PROD_CREDENTIAL = '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e501';

export const EMULATOR_ENV = { ALKIRA_EMULATOR_ADMIN: '1', ALKIRA_EMULATOR_PROVISION_MS: '600' };

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export function client(server: RunningServer) {
  async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await fetch(server.url + '/emulator/api' + path, {
      method,
      headers: { ...APP_CALLER_HEADERS, authorization: AUTH, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }
  async function admin(path: string, body?: unknown): Promise<Reply> {
    const res = await fetch(server.url + '/emulator/_admin/' + path, {
      method: 'POST',
      headers: { ...APP_CALLER_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }
  /** Polls a provision request until it leaves PENDING/IN_PROGRESS; returns every state seen. */
  async function settle(requestId: string, timeoutMs = 10_000): Promise<{ final: any; seen: string[] }> {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await call('GET', `/tenantnetworks/1/provision-requests/${requestId}`);
      if (r.status !== 200) throw new Error(`provision request ${requestId}: HTTP ${r.status}`);
      if (seen[seen.length - 1] !== r.body.state) seen.push(r.body.state);
      if (!['PENDING', 'IN_PROGRESS'].includes(r.body.state)) return { final: r.body, seen };
      if (Date.now() > deadline) throw new Error(`provision request ${requestId} still ${r.body.state}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  return { call, admin, settle };
}

const SEGMENT_NAMES: Record<string, string> = { '1': 'prod', '2': 'dmz', '3': 'internal', '4': 'dev', '5': 'shared-services' };

/** The reference "basic" example, as a design with a given name and circuit. */
export function basicDesign(name: string, circuitName = 'primary-circuit'): ConnectorDesign {
  return {
    resource_name: 'basic',
    name,
    description: 'Basic ExpressRoute connector with VXLAN_GPE',
    size: 'MEDIUM',
    enabled: true,
    vhub_prefix: '10.130.0.0/23',
    cxp: 'USWEST-AZURE-1',
    tunnel_protocol: 'VXLAN_GPE',
    group: 'networking',
    billing_tag_ids: [101],
    instances: [
      {
        name: 'primary-instance',
        expressroute_circuit_id: `/subscriptions/12345678-abcd-4f00-8000-1234567890ab/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/${circuitName}`,
        redundant_router: false,
        loopback_subnet: '192.168.20.0/26',
        credential_id: AZURE_PROD_CREDENTIAL,
      },
    ],
    segment_options: [{ segment_id: '1', customer_asn: 65001, disable_internet_exit: true, advertise_on_prem_routes: true }],
  };
}

/** An IPsec design with one tunnel per segment (dmz, internal), profiles 10 and 11. */
export function ipsecDesign(name: string): ConnectorDesign {
  const gateway = (segment: string, profile: number) => ({
    segment_id: segment,
    customer_gateway: [
      {
        name: `gw-${segment}`,
        tunnel: [
          {
            name: 'primary-tunnel',
            ike_version: 'IKEv2',
            initiator: true,
            pre_shared_key: 'psk-secret-123!',
            profile_id: profile,
            remote_auth_type: 'FQDN',
            remote_auth_value: `gw-${segment}.example.com`,
          },
        ],
      },
    ],
  });
  return {
    ...basicDesign(name),
    tunnel_protocol: 'IPSEC',
    size: '2LARGE',
    group: 'security',
    instances: [{ ...at(basicDesign(name).instances, 0), ipsec_customer_gateway: [gateway('2', 10), gateway('3', 11)] }],
    segment_options: [
      { segment_id: '2', customer_asn: 65003, disable_internet_exit: true, advertise_on_prem_routes: false },
      { segment_id: '3', customer_asn: 65004, disable_internet_exit: false, advertise_on_prem_routes: true },
    ],
  };
}

export function toBody(design: ConnectorDesign): AlkiraConnector {
  return designToAlkiraConnector(design, { segmentName: (id) => SEGMENT_NAMES[id] });
}
