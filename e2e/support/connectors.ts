/**
 * Seeding connectors through the app's own API for the e2e specs, with
 * references picked from the tenant catalog the way a user would.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import type { ConnectorDesign } from '../../lib/connector/design';
import { at } from '../../tests/helpers/present';

const CIRCUIT_BASE =
  '/subscriptions/12345678-abcd-efgh-ijkl-1234567890ab/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits';

export interface TenantRefs {
  /** Every segment id in the catalog; `segmentId` is the first. */
  segmentIds: string[];
  segmentId: string;
  credentialId: string;
  groupName: string;
  /** Every CXP name in the catalog; `cxpName` is the first. */
  cxpNames: string[];
  cxpName: string;
  profileId: number;
}

/** The items of `GET /api/catalog/<kind>` (segments, credentials, groups, cxps, ipsec-tunnel-profiles, billing-tags). */
export async function catalog<T>(request: APIRequestContext, kind: string): Promise<T[]> {
  const res = await request.get(`/api/catalog/${kind}`);
  expect(res.status(), `GET /api/catalog/${kind}: ${await res.text()}`).toBe(200);
  return ((await res.json()) as { items: T[] }).items;
}

export interface TenantNeeds {
  /** Asserts the catalog has at least this many segments. */
  minSegments?: number;
  /** Asserts the catalog has at least this many CXPs. */
  minCxps?: number;
}

export async function tenantRefs(request: APIRequestContext, need: TenantNeeds = {}): Promise<TenantRefs> {
  const [segments, credentials, groups, cxps, profiles] = await Promise.all([
    catalog<{ id: string }>(request, 'segments'),
    catalog<{ id: string }>(request, 'credentials'),
    catalog<{ name: string }>(request, 'groups'),
    catalog<{ name: string }>(request, 'cxps'),
    catalog<{ id: number }>(request, 'ipsec-tunnel-profiles'),
  ]);
  if (need.minSegments !== undefined) expect(segments.length).toBeGreaterThanOrEqual(need.minSegments);
  if (need.minCxps !== undefined) expect(cxps.length).toBeGreaterThanOrEqual(need.minCxps);
  const segmentIds = segments.map((s) => String(s.id));
  const cxpNames = cxps.map((c) => c.name);
  return {
    segmentIds,
    segmentId: at(segmentIds, 0),
    credentialId: at(credentials, 0).id,
    groupName: at(groups, 0).name,
    cxpNames,
    cxpName: at(cxpNames, 0),
    profileId: at(profiles, 0).id,
  };
}

export interface SeedOptions {
  name: string;
  /** 0..63 within this helper's address range (10.170.0.0/16), keeps seeded connectors apart. */
  slot: number;
  /** Tunnels per customer gateway; omitted = a VXLAN connector without gateways. */
  ipsecTunnels?: number[];
}

export function seedDesign(refs: TenantRefs, o: SeedOptions): ConnectorDesign {
  const tunnel = (g: number, t: number) => ({
    name: `gw${g + 1}-tunnel-${t + 1}`,
    ike_version: 'IKEv2',
    initiator: t % 2 === 0,
    pre_shared_key: `psk-${o.slot}-${g}-${t}-secret`,
    profile_id: refs.profileId,
    remote_auth_type: 'FQDN',
    remote_auth_value: `gw${g + 1}.example.com`,
  });
  return {
    resource_name: o.name.replace(/[^a-z0-9_]/gi, '_'),
    name: o.name,
    description: `Azure ExpressRoute private peering over ${o.ipsecTunnels ? 'IPsec' : 'VXLAN GPE'}`,
    size: o.ipsecTunnels ? 'MEDIUM' : 'SMALL',
    enabled: true,
    vhub_prefix: `10.170.${o.slot * 2}.0/23`,
    cxp: refs.cxpName,
    tunnel_protocol: o.ipsecTunnels ? 'IPSEC' : 'VXLAN_GPE',
    group: refs.groupName,
    billing_tag_ids: [],
    instances: [
      {
        name: 'primary',
        expressroute_circuit_id: `${CIRCUIT_BASE}/circuit-${o.name}`,
        redundant_router: false,
        loopback_subnet: `192.168.${100 + o.slot}.0/26`,
        credential_id: refs.credentialId,
        ...(o.ipsecTunnels
          ? {
              ipsec_customer_gateway: [
                {
                  segment_id: refs.segmentId,
                  customer_gateway: o.ipsecTunnels.map((count, g) => ({
                    name: `gw-${g + 1}`,
                    tunnel: Array.from({ length: count }, (_, t) => tunnel(g, t)),
                  })),
                },
              ],
            }
          : {}),
      },
    ],
    segment_options: [
      {
        segment_id: refs.segmentId,
        customer_asn: 65100 + o.slot,
        disable_internet_exit: true,
        advertise_on_prem_routes: false,
      },
    ],
  } as ConnectorDesign;
}

export interface DesignOptions {
  name: string;
  cxp: string;
  /** 0..215, keeps address plans of the seeded connectors apart (10.150.0.0/15 and up; loopbacks 192.168.(40 + slot).0/26, so 60..91 would meet seedDesign's). */
  slot: number;
  /** Circuit name; `fail-provision-*` makes the emulator fail provisioning. */
  circuit?: string;
  /** One customer gateway `gw-primary` with one tunnel `tunnel-1` using this key. */
  ipsec?: { psk: string };
}

/**
 * The dashboard and designer-provisioning specs' connector: its CXP, circuit
 * and pre-shared key are chosen by the test, in an address range apart from
 * `seedDesign`'s.
 */
export function designFor(refs: TenantRefs, o: DesignOptions): ConnectorDesign {
  const segment = refs.segmentId;
  return {
    resource_name: o.name.replace(/[^a-z0-9_]/gi, '_'),
    name: o.name,
    description: 'Seeded by the dashboard e2e test',
    size: o.ipsec ? 'MEDIUM' : 'SMALL',
    enabled: true,
    vhub_prefix: `10.${150 + Math.floor(o.slot / 32)}.${(o.slot % 32) * 2}.0/23`,
    cxp: o.cxp,
    tunnel_protocol: o.ipsec ? 'IPSEC' : 'VXLAN_GPE',
    group: refs.groupName,
    billing_tag_ids: [],
    instances: [
      {
        name: 'primary',
        expressroute_circuit_id: `${CIRCUIT_BASE}/${o.circuit ?? `circuit-${o.name}`}`,
        redundant_router: false,
        loopback_subnet: `192.168.${40 + o.slot}.0/26`,
        credential_id: refs.credentialId,
        ...(o.ipsec
          ? {
              ipsec_customer_gateway: [
                {
                  segment_id: segment,
                  customer_gateway: [
                    {
                      name: 'gw-primary',
                      tunnel: [
                        {
                          name: 'tunnel-1',
                          ike_version: 'IKEv2',
                          initiator: true,
                          pre_shared_key: o.ipsec.psk,
                          profile_id: refs.profileId,
                          remote_auth_type: 'FQDN',
                          remote_auth_value: 'gw.example.com',
                        },
                      ],
                    },
                  ],
                },
              ],
            }
          : {}),
      },
    ],
    segment_options: [
      {
        segment_id: segment,
        customer_asn: 65010 + o.slot,
        disable_internet_exit: true,
        advertise_on_prem_routes: false,
      },
    ],
  };
}

export interface Seeded {
  id: number;
  name: string;
  provisionRequestId: string | null;
}

/** Creates and provisions a connector; the emulator takes ALKIRA_EMULATOR_PROVISION_MS to finish. */
export async function seedConnector(request: APIRequestContext, design: ConnectorDesign): Promise<Seeded> {
  const res = await request.post('/api/connectors?provision=true', { data: design });
  const body = await res.json();
  expect(res.status(), JSON.stringify(body)).toBe(201);
  return { id: body.id, name: design.name, provisionRequestId: body.provisionRequestId };
}

/** Waits (through the API, not the page) until a provision request is terminal. */
export async function settled(
  request: APIRequestContext,
  provisionRequestId: string | null,
): Promise<{ state: string; errorMessage?: string }> {
  expect(provisionRequestId).toBeTruthy();
  let last = { state: 'PENDING' } as { state: string; errorMessage?: string };
  await expect
    .poll(
      async () => {
        last = await (await request.get(`/api/provision-requests/${provisionRequestId}`)).json();
        return last.state;
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toMatch(/^(SUCCESS|FAILED|PARTIAL_SUCCESS)$/);
  return last;
}
