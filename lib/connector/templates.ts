/**
 * Starter templates: the four examples of the provider's documentation page,
 * corrected so each passes validation:
 * - subscription ids are real GUID-form hex (the page's `…-abcd-efgh-ijkl-…` is not hex);
 * - `ha-vxlan`: the invalid MAC `00:6F:7G:8H:9I:0J` is replaced by a unicast MAC;
 * - `multi-segment-ipsec`: the DMZ backup gateway had copied the primary's
 *   tunnel verbatim (same name, key and FQDN); it now has its own tunnel;
 * - `multi-instance-ipsec`: the misspelt `iposec_customer_gateway` block is
 *   `ipsec_customer_gateway`.
 * References to other resources are `${...}` expressions; pre-shared keys are
 * placeholders (the HCL export turns them into sensitive variables).
 */
import type { ConnectorDesign, TunnelDesign } from './design';
import { toExpression } from './design';

export interface DesignTemplate {
  id: string;
  title: string;
  description: string;
  design: ConnectorDesign;
}

function circuitId(subscription: string, circuit: string): string {
  return `/subscriptions/${subscription}/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/${circuit}`;
}

function ipsecTunnel(
  name: string,
  preSharedKey: string,
  profileId: number,
  remoteAuthValue: string,
  initiator = true,
): TunnelDesign {
  return {
    name,
    ike_version: 'IKEv2',
    initiator,
    pre_shared_key: preSharedKey,
    profile_id: profileId,
    remote_auth_type: 'FQDN',
    remote_auth_value: remoteAuthValue,
  };
}

const basic: ConnectorDesign = {
  resource_name: 'basic',
  name: 'basic-expressroute',
  description: 'Basic ExpressRoute connector with VXLAN_GPE',
  size: 'MEDIUM',
  enabled: true,
  vhub_prefix: '10.130.0.0/23',
  cxp: 'USWEST-AZURE-1',
  tunnel_protocol: 'VXLAN_GPE',
  group: toExpression('alkira_group.networking.name'),
  instances: [
    {
      name: 'primary-instance',
      expressroute_circuit_id: circuitId('3f2b8c1e-5a4d-4e2f-9b1a-7c6d5e4f3a2b', 'primary-circuit'),
      redundant_router: false,
      loopback_subnet: '192.168.20.0/26',
      credential_id: toExpression('alkira_credential_azure_vnet.prod.id'),
    },
  ],
  segment_options: [
    {
      segment_id: toExpression('alkira_segment.prod.id'),
      customer_asn: 65001,
      disable_internet_exit: true,
      advertise_on_prem_routes: true,
    },
  ],
};

const haVxlan: ConnectorDesign = {
  resource_name: 'ha_config',
  name: 'ha-expressroute',
  description: 'High availability ExpressRoute connector',
  size: 'LARGE',
  enabled: true,
  vhub_prefix: '10.131.0.0/23',
  cxp: 'USEAST-AZURE-1',
  tunnel_protocol: 'VXLAN',
  group: toExpression('alkira_group.core_network.name'),
  billing_tag_ids: [toExpression('alkira_billing_tag.production.id'), toExpression('alkira_billing_tag.networking.id')],
  instances: [
    {
      name: 'ha-instance',
      expressroute_circuit_id: circuitId('8d1e4a7b-2c3f-4b5a-a6d7-9e0f1a2b3c4d', 'ha-circuit'),
      redundant_router: true,
      loopback_subnet: '192.168.21.0/26',
      credential_id: toExpression('alkira_credential_azure_vnet.prod.id'),
      gateway_mac_address: ['00:1A:2B:3C:4D:5E', '00:1A:2B:3C:4D:6F'],
      virtual_network_interface: [16774000, 16774001],
    },
  ],
  segment_options: [
    {
      segment_id: toExpression('alkira_segment.prod.id'),
      customer_asn: 65002,
      disable_internet_exit: false,
      advertise_on_prem_routes: true,
    },
  ],
};

const multiSegment: ConnectorDesign = {
  resource_name: 'multi_segment',
  name: 'multi-segment-ipsec',
  description: 'ExpressRoute connector with multiple segments and IPsec tunnels',
  size: '2LARGE',
  enabled: true,
  vhub_prefix: '10.132.0.0/23',
  cxp: 'USWEST-AZURE-1',
  tunnel_protocol: 'IPSEC',
  group: toExpression('alkira_group.security.name'),
  instances: [
    {
      name: 'multi-segment-instance',
      expressroute_circuit_id: circuitId('c47a9e21-6b8d-4f3e-8a5c-1d2e3f4a5b6c', 'multi-segment-circuit'),
      redundant_router: true,
      loopback_subnet: '192.168.22.0/26',
      credential_id: toExpression('alkira_credential_azure_vnet.security.id'),
      ipsec_customer_gateway: [
        {
          segment_id: toExpression('alkira_segment.dmz.id'),
          customer_gateway: [
            {
              name: 'dmz-primary-gateway',
              tunnel: [ipsecTunnel('primary-tunnel', 'psk-dmz-primary-123!', 10, 'dmz-gateway.example.com')],
            },
            {
              name: 'dmz-backup-gateway',
              tunnel: [ipsecTunnel('backup-tunnel', 'psk-dmz-backup-234!', 10, 'dmz-backup.example.com')],
            },
          ],
        },
        {
          segment_id: toExpression('alkira_segment.internal.id'),
          customer_gateway: [
            {
              name: 'internal-primary-gateway',
              tunnel: [ipsecTunnel('primary-tunnel', 'psk-internal-primary-456!', 11, 'internal-primary.example.com')],
            },
            {
              name: 'internal-backup-gateway',
              tunnel: [
                ipsecTunnel('backup-tunnel', 'psk-internal-backup-789!', 12, 'internal-backup.example.com', false),
              ],
            },
          ],
        },
      ],
    },
  ],
  segment_options: [
    {
      segment_id: toExpression('alkira_segment.dmz.id'),
      customer_asn: 65003,
      disable_internet_exit: true,
      advertise_on_prem_routes: false,
    },
    {
      segment_id: toExpression('alkira_segment.internal.id'),
      customer_asn: 65004,
      disable_internet_exit: false,
      advertise_on_prem_routes: true,
    },
  ],
};

const multiInstance: ConnectorDesign = {
  resource_name: 'multi_instance',
  name: 'multi-instance-connector',
  description: 'ExpressRoute connector with multiple circuit instances',
  size: '5LARGE',
  enabled: true,
  vhub_prefix: '10.133.0.0/23',
  cxp: 'USEAST-AZURE-1',
  tunnel_protocol: 'IPSEC',
  group: toExpression('alkira_group.global_network.name'),
  instances: [
    {
      name: 'primary-circuit',
      expressroute_circuit_id: circuitId('5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', 'primary-circuit'),
      redundant_router: false,
      loopback_subnet: '192.168.23.0/26',
      credential_id: toExpression('alkira_credential_azure_vnet.primary.id'),
      ipsec_customer_gateway: [
        {
          segment_id: toExpression('alkira_segment.prod.id'),
          customer_gateway: [
            {
              name: 'prod-gateway',
              tunnel: [ipsecTunnel('prod-tunnel', 'psk-prod-primary-123!', 20, 'prod-gateway.example.com')],
            },
          ],
        },
      ],
    },
    {
      name: 'backup-circuit',
      expressroute_circuit_id: circuitId('a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'backup-circuit'),
      redundant_router: false,
      loopback_subnet: '192.168.24.0/26',
      credential_id: toExpression('alkira_credential_azure_vnet.backup.id'),
      ipsec_customer_gateway: [
        {
          segment_id: toExpression('alkira_segment.prod.id'),
          customer_gateway: [
            {
              name: 'backup-gateway',
              tunnel: [ipsecTunnel('backup-tunnel', 'psk-backup-456!', 21, 'backup-gateway.example.com', false)],
            },
          ],
        },
      ],
    },
  ],
  segment_options: [
    {
      segment_id: toExpression('alkira_segment.prod.id'),
      customer_asn: 65005,
      disable_internet_exit: false,
      advertise_on_prem_routes: true,
    },
  ],
};

export const DESIGN_TEMPLATES: DesignTemplate[] = [
  {
    id: 'basic-vxlan-gpe',
    title: 'Basic (VXLAN_GPE)',
    description: 'One circuit, one segment, the default VXLAN_GPE tunnels and no redundant router.',
    design: basic,
  },
  {
    id: 'ha-vxlan',
    title: 'High availability (VXLAN)',
    description: 'Redundant routers with two customer gateway MAC addresses and fixed VNIs.',
    design: haVxlan,
  },
  {
    id: 'multi-segment-ipsec',
    title: 'Multiple segments over IPsec',
    description: 'DMZ and internal segments, each with a primary and a backup IPsec customer gateway.',
    design: multiSegment,
  },
  {
    id: 'multi-instance-ipsec',
    title: 'Multiple circuits over IPsec',
    description: 'Two ExpressRoute circuits, each with its own IPsec customer gateway for the production segment.',
    design: multiInstance,
  },
];

/** A deep copy of a template's design, safe to hand to a form that mutates it. */
export function designFromTemplate(id: string): ConnectorDesign | undefined {
  const template = DESIGN_TEMPLATES.find((t) => t.id === id);
  return template ? structuredClone(template.design) : undefined;
}
