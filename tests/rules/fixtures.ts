/**
 * Valid base designs for the rule tests. Each test clones one and breaks a
 * single thing, so an error at the asserted path can only come from that change.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { validateDesign } from '@/lib/connector/validate';

export const GUID_SUBSCRIPTION = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

export function circuitId(name: string, subscription = GUID_SUBSCRIPTION): string {
  return `/subscriptions/${subscription}/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/${name}`;
}

/** VXLAN_GPE (the default protocol), one instance, one segment. */
export function vxlanGpeDesign(): ConnectorDesign {
  return {
    resource_name: 'basic',
    name: 'basic-expressroute',
    description: 'Basic ExpressRoute connector',
    size: 'MEDIUM',
    enabled: true,
    vhub_prefix: '10.130.0.0/23',
    cxp: 'USWEST-AZURE-1',
    tunnel_protocol: 'VXLAN_GPE',
    group: '${alkira_group.networking.name}',
    billing_tag_ids: [],
    instances: [
      {
        name: 'primary',
        expressroute_circuit_id: circuitId('primary-circuit'),
        redundant_router: false,
        loopback_subnet: '192.168.20.0/26',
        credential_id: '${alkira_credential_azure_vnet.prod.id}',
      },
    ],
    segment_options: [
      {
        segment_id: '${alkira_segment.prod.id}',
        customer_asn: 65001,
        disable_internet_exit: true,
        advertise_on_prem_routes: false,
      },
    ],
  };
}

/** VXLAN with redundant routers: two gateway MACs and two VNIs. */
export function vxlanHaDesign(): ConnectorDesign {
  return {
    resource_name: 'ha_config',
    name: 'ha-expressroute',
    size: 'LARGE',
    vhub_prefix: '10.131.0.0/23',
    cxp: 'USEAST-AZURE-1',
    tunnel_protocol: 'VXLAN',
    billing_tag_ids: ['${alkira_billing_tag.production.id}', 7],
    instances: [
      {
        name: 'ha-instance',
        expressroute_circuit_id: circuitId('ha-circuit'),
        redundant_router: true,
        loopback_subnet: '192.168.21.0/26',
        credential_id: '${alkira_credential_azure_vnet.prod.id}',
        gateway_mac_address: ['00:1A:2B:3C:4D:5E', '00:1A:2B:3C:4D:5F'],
        virtual_network_interface: [16774000, 16774001],
      },
    ],
    segment_options: [{ segment_id: '${alkira_segment.prod.id}', customer_asn: '65002' }],
  };
}

/** IPSEC, two instances, two segments; keys are variable references (no warnings). */
export function ipsecDesign(): ConnectorDesign {
  const gatewaysFor = (prefix: string) => [
    {
      segment_id: '${alkira_segment.dmz.id}',
      customer_gateway: [
        {
          name: `${prefix}-dmz-gw`,
          tunnel: [
            {
              name: 'tunnel-1',
              ike_version: 'IKEv2',
              initiator: true,
              pre_shared_key: `\${var.${prefix}_dmz_psk}`,
              profile_id: 10,
              remote_auth_type: 'FQDN',
              remote_auth_value: `${prefix}-dmz.example.com`,
            },
          ],
        },
      ],
    },
    {
      segment_id: '${alkira_segment.internal.id}',
      customer_gateway: [
        {
          name: `${prefix}-internal-gw`,
          tunnel: [
            {
              name: 'tunnel-1',
              pre_shared_key: `\${var.${prefix}_internal_psk}`,
              remote_auth_type: 'FQDN',
              remote_auth_value: `${prefix}-internal.example.com`,
            },
          ],
        },
      ],
    },
  ];
  return {
    resource_name: 'multi_segment',
    name: 'multi-segment-ipsec',
    size: '2LARGE',
    vhub_prefix: '10.132.0.0/23',
    cxp: 'USWEST-AZURE-1',
    tunnel_protocol: 'IPSEC',
    instances: [
      {
        name: 'primary',
        expressroute_circuit_id: circuitId('primary-circuit'),
        loopback_subnet: '192.168.22.0/26',
        credential_id: '${alkira_credential_azure_vnet.security.id}',
        ipsec_customer_gateway: gatewaysFor('primary'),
      },
      {
        name: 'backup',
        expressroute_circuit_id: circuitId('backup-circuit'),
        loopback_subnet: '192.168.22.64/26',
        credential_id: '${alkira_credential_azure_vnet.security.id}',
        ipsec_customer_gateway: gatewaysFor('backup'),
      },
    ],
    segment_options: [
      { segment_id: '${alkira_segment.dmz.id}', customer_asn: 65003 },
      { segment_id: '${alkira_segment.internal.id}', customer_asn: 65004 },
    ],
  };
}

/** A mutable deep copy typed loosely, so tests can put in anything a user could. */
export function mutable(design: ConnectorDesign): any {
  return structuredClone(design);
}

export function errorsAt(input: unknown, path: string): string[] {
  return validateDesign(input)
    .errors.filter((e) => e.path === path)
    .map((e) => e.message);
}

export function warningsAt(input: unknown, path: string): string[] {
  return validateDesign(input)
    .warnings.filter((e) => e.path === path)
    .map((e) => e.message);
}
