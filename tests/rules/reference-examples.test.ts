/**
 * The four examples of the provider's reference page for
 * alkira_connector_azure_expressroute (the Terraform registry's documentation
 * of alkiranet/alkira v1.5.1), transcribed by hand as designs, with `${...}`
 * for references.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectorDesign, TunnelDesign } from '@/lib/connector/design';
import { validateDesign } from '@/lib/connector/validate';
import { at } from '../helpers/present';

const SUBSCRIPTION = '12345678-abcd-efgh-ijkl-1234567890ab'; // not hex: every example gets the GUID warning
const circuit = (name: string) =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/${name}`;

const tunnel = (name: string, psk: string, profile: number, fqdn: string, initiator = true): TunnelDesign => ({
  name,
  ike_version: 'IKEv2',
  initiator,
  pre_shared_key: psk,
  profile_id: profile,
  remote_auth_type: 'FQDN',
  remote_auth_value: fqdn,
});

const example1: ConnectorDesign = {
  resource_name: 'basic',
  name: 'basic-expressroute',
  description: 'Basic ExpressRoute connector with VXLAN_GPE',
  size: 'MEDIUM',
  enabled: true,
  vhub_prefix: '10.130.0.0/23',
  cxp: 'USWEST-AZURE-1',
  tunnel_protocol: 'VXLAN_GPE',
  group: '${alkira_group.networking.name}',
  instances: [
    {
      name: 'primary-instance',
      expressroute_circuit_id: circuit('primary-circuit'),
      redundant_router: false,
      loopback_subnet: '192.168.20.0/26',
      credential_id: '${alkira_credential_azure_vnet.prod.id}',
    },
  ],
  segment_options: [
    {
      segment_id: '${alkira_segment.prod.id}',
      customer_asn: '65001',
      disable_internet_exit: true,
      advertise_on_prem_routes: true,
    },
  ],
};

const example2: ConnectorDesign = {
  resource_name: 'ha_config',
  name: 'ha-expressroute',
  description: 'High availability ExpressRoute connector',
  size: 'LARGE',
  enabled: true,
  vhub_prefix: '10.131.0.0/23',
  cxp: 'USEAST-AZURE-1',
  tunnel_protocol: 'VXLAN',
  group: '${alkira_group.core_network.name}',
  billing_tag_ids: ['${alkira_billing_tag.production.id}', '${alkira_billing_tag.networking.id}'],
  instances: [
    {
      name: 'ha-instance',
      expressroute_circuit_id: circuit('ha-circuit'),
      redundant_router: true,
      loopback_subnet: '192.168.21.0/26',
      credential_id: '${alkira_credential_azure_vnet.prod.id}',
      gateway_mac_address: ['00:1A:2B:3C:4D:5E', '00:6F:7G:8H:9I:0J'],
      virtual_network_interface: [16774000, 16774001],
    },
  ],
  segment_options: [
    {
      segment_id: '${alkira_segment.prod.id}',
      customer_asn: '65002',
      disable_internet_exit: false,
      advertise_on_prem_routes: true,
    },
  ],
};

const example3: ConnectorDesign = {
  resource_name: 'multi_segment',
  name: 'multi-segment-ipsec',
  description: 'ExpressRoute connector with multiple segments and IPsec tunnels',
  size: '2LARGE',
  enabled: true,
  vhub_prefix: '10.132.0.0/23',
  cxp: 'USWEST-AZURE-1',
  tunnel_protocol: 'IPSEC',
  group: '${alkira_group.security.name}',
  instances: [
    {
      name: 'multi-segment-instance',
      expressroute_circuit_id: circuit('multi-segment-circuit'),
      redundant_router: true,
      loopback_subnet: '192.168.22.0/26',
      credential_id: '${alkira_credential_azure_vnet.security.id}',
      ipsec_customer_gateway: [
        {
          segment_id: '${alkira_segment.dmz.id}',
          customer_gateway: [
            {
              name: 'dmz-primary-gateway',
              tunnel: [tunnel('primary-tunnel', 'psk-dmz-primary-123!', 10, 'dmz-gateway.example.com')],
            },
            {
              name: 'dmz-backup-gateway',
              tunnel: [tunnel('primary-tunnel', 'psk-dmz-primary-123!', 10, 'dmz-gateway.example.com')],
            },
          ],
        },
        {
          segment_id: '${alkira_segment.internal.id}',
          customer_gateway: [
            {
              name: 'internal-primary-gateway',
              tunnel: [tunnel('primary-tunnel', 'psk-internal-primary-456!', 11, 'internal-primary.example.com')],
            },
            {
              name: 'internal-backup-gateway',
              tunnel: [tunnel('backup-tunnel', 'psk-internal-backup-789!', 12, 'internal-backup.example.com', false)],
            },
          ],
        },
      ],
    },
  ],
  segment_options: [
    {
      segment_id: '${alkira_segment.dmz.id}',
      customer_asn: '65003',
      disable_internet_exit: true,
      advertise_on_prem_routes: false,
    },
    {
      segment_id: '${alkira_segment.internal.id}',
      customer_asn: '65004',
      disable_internet_exit: false,
      advertise_on_prem_routes: true,
    },
  ],
};

/** Example 4 with its `iposec_customer_gateway` typo corrected. */
function example4(): ConnectorDesign {
  return {
    resource_name: 'multi_instance',
    name: 'multi-instance-connector',
    description: 'ExpressRoute connector with multiple circuit instances',
    size: '5LARGE',
    enabled: true,
    vhub_prefix: '10.133.0.0/23',
    cxp: 'USEAST-AZURE-1',
    tunnel_protocol: 'IPSEC',
    group: '${alkira_group.global_network.name}',
    instances: [
      {
        name: 'primary-circuit',
        expressroute_circuit_id: circuit('primary-circuit'),
        redundant_router: false,
        loopback_subnet: '192.168.23.0/26',
        credential_id: '${alkira_credential_azure_vnet.primary.id}',
        ipsec_customer_gateway: [
          {
            segment_id: '${alkira_segment.prod.id}',
            customer_gateway: [
              {
                name: 'prod-gateway',
                tunnel: [tunnel('prod-tunnel', 'psk-prod-primary-123!', 20, 'prod-gateway.example.com')],
              },
            ],
          },
        ],
      },
      {
        name: 'backup-circuit',
        expressroute_circuit_id: circuit('backup-circuit'),
        redundant_router: false,
        loopback_subnet: '192.168.24.0/26',
        credential_id: '${alkira_credential_azure_vnet.backup.id}',
        ipsec_customer_gateway: [
          {
            segment_id: '${alkira_segment.prod.id}',
            customer_gateway: [
              {
                name: 'backup-gateway',
                tunnel: [tunnel('backup-tunnel', 'psk-backup-456!', 21, 'backup-gateway.example.com', false)],
              },
            ],
          },
        ],
      },
    ],
    segment_options: [
      {
        segment_id: '${alkira_segment.prod.id}',
        customer_asn: '65005',
        disable_internet_exit: false,
        advertise_on_prem_routes: true,
      },
    ],
  };
}

const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path).sort();
const psk = (i: number, g: number, c: number) =>
  `instances.${i}.ipsec_customer_gateway.${g}.customer_gateway.${c}.tunnel.0.pre_shared_key`;

describe('reference page examples', () => {
  it('example 1 (basic) is valid, with the placeholder-subscription warning', () => {
    const result = validateDesign(example1);
    expect(result.errors).toEqual([]);
    expect(paths(result.warnings)).toEqual(['instances.0.expressroute_circuit_id']);
  });

  it('example 2 (HA) has exactly one error: the invalid second MAC', () => {
    const result = validateDesign(example2);
    expect(result.errors).toHaveLength(1);
    expect(at(result.errors, 0).path).toBe('instances.0.gateway_mac_address.1');
    expect(at(result.errors, 0).message).toContain('"00:6F:7G:8H:9I:0J"');
    expect(paths(result.warnings)).toEqual(['instances.0.expressroute_circuit_id']);
  });

  it('example 3 (multi-segment IPsec) is valid; inline and reused keys are warnings', () => {
    const result = validateDesign(example3);
    expect(result.errors).toEqual([]);
    expect(paths(result.warnings)).toEqual(
      [
        'instances.0.expressroute_circuit_id',
        psk(0, 0, 0),
        psk(0, 0, 1),
        psk(0, 0, 1), // the backup gateway reuses the primary's key
        psk(0, 1, 0),
        psk(0, 1, 1),
      ].sort(),
    );
    expect(result.warnings.find((w) => w.message.includes('reuses'))?.path).toBe(psk(0, 0, 1));
  });

  it('example 4 (multi-instance), block name corrected, is valid apart from warnings', () => {
    const result = validateDesign(example4());
    expect(result.errors).toEqual([]);
    expect(paths(result.warnings)).toEqual(
      ['instances.0.expressroute_circuit_id', 'instances.1.expressroute_circuit_id', psk(0, 0, 0), psk(1, 0, 0)].sort(),
    );
  });

  it('example 4 as printed (iposec_customer_gateway): the misspelt block is named, and the instance lacks IPsec gateways', () => {
    const design: any = example4();
    design.instances[0].iposec_customer_gateway = design.instances[0].ipsec_customer_gateway;
    delete design.instances[0].ipsec_customer_gateway;
    const result = validateDesign(design);
    expect(paths(result.errors)).toEqual(['instances.0.iposec_customer_gateway', 'instances.0.ipsec_customer_gateway']);
    const unknown = result.errors.find((e) => e.path === 'instances.0.iposec_customer_gateway');
    expect(unknown?.message).toBe(
      'unknown attribute iposec_customer_gateway in instances.0 — did you mean ipsec_customer_gateway?',
    );
  });
});
