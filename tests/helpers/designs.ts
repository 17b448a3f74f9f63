/**
 * The designs the tests send: connectors that resolve against the emulator's
 * seed catalog (segments prod = 1, dmz = 2, internal = 3; credentials; billing
 * tag 101; IPsec tunnel profiles 10 and 12), written as a request body, and
 * the same parsed as the API parses it. One copy for the API, emulator, store,
 * workspace, sign-in and CLI tests.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { parseDesign } from '@/lib/connector/validate';

export const CRED_PROD = '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e501';
export const CRED_SECURITY = '7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e502';
export const CIRCUIT =
  '/subscriptions/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/';

export const PSK_DMZ = 'psk-dmz-primary-123!';
export const PSK_INTERNAL = 'psk-internal-backup-789!';

/** A VXLAN_GPE connector on segment "prod" (id 1); `circuitName` ends its circuit id (`fail-provision…` fails in the emulator). */
export function basicDesign(name: string, circuitName = 'primary-circuit'): Record<string, unknown> {
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
      {
        name: 'primary-instance',
        expressroute_circuit_id: CIRCUIT + circuitName,
        redundant_router: false,
        loopback_subnet: '192.168.20.0/26',
        credential_id: CRED_PROD,
      },
    ],
    segment_options: [
      { segment_id: '1', customer_asn: '65001', disable_internet_exit: true, advertise_on_prem_routes: true },
    ],
  };
}

/**
 * An IPSEC connector on segments "dmz" (2) and "internal" (3), one gateway each; the tunnels `primary-tunnel`
 * (key PSK_DMZ, profile 10, initiator) and `backup-tunnel` (key PSK_INTERNAL, profile 12, not initiator).
 */
export function ipsecDesign(name: string): Record<string, unknown> {
  const tunnel = (tname: string, psk: string, profile: number, initiator = true) => ({
    name: tname,
    ike_version: 'IKEv2',
    initiator,
    pre_shared_key: psk,
    profile_id: profile,
    remote_auth_type: 'FQDN',
    remote_auth_value: `${tname}.example.com`,
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
          {
            segment_id: '2',
            customer_gateway: [{ name: 'dmz-primary-gateway', tunnel: [tunnel('primary-tunnel', PSK_DMZ, 10)] }],
          },
          {
            segment_id: '3',
            customer_gateway: [
              { name: 'internal-backup-gateway', tunnel: [tunnel('backup-tunnel', PSK_INTERNAL, 12, false)] },
            ],
          },
        ],
      },
    ],
    segment_options: [
      { segment_id: '2', customer_asn: 65003, disable_internet_exit: true, advertise_on_prem_routes: false },
      { segment_id: '3', customer_asn: 65004, disable_internet_exit: false, advertise_on_prem_routes: true },
    ],
  };
}

/** A request body parsed as the API parses it: for tests of the modules that take a checked design. */
export function parsedDesign(body: Record<string, unknown>): ConnectorDesign {
  const parsed = parseDesign(body);
  if (!parsed.ok)
    throw new Error(`test design does not parse: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.design;
}
