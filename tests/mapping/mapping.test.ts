import { describe, expect, it } from 'vitest';
import { alkiraConnectorToDesign, designToAlkiraConnector, resourceNameFor } from '@/lib/connector/mapping';
import type { ConnectorDesign } from '@/lib/connector/design';
import { tunnelOf } from '../helpers/design-parts';
import { at, present } from '../helpers/present';

const ipsecDesign: ConnectorDesign = {
  resource_name: 'multi_segment',
  name: 'multi-segment-ipsec',
  description: 'two segments',
  size: '2LARGE',
  vhub_prefix: '10.132.0.0/23',
  cxp: 'USWEST-AZURE-1',
  tunnel_protocol: 'IPSEC',
  group: 'security',
  billing_tag_ids: [3, '4'],
  instances: [
    {
      name: 'inst',
      expressroute_circuit_id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c',
      loopback_subnet: '192.168.22.0/26',
      credential_id: 'cred-1',
      ipsec_customer_gateway: [
        {
          segment_id: '2',
          customer_gateway: [
            {
              name: 'gw',
              tunnel: [
                {
                  name: 't1',
                  initiator: false,
                  profile_id: '10',
                  ike_version: 'IKEv2',
                  pre_shared_key: 's3cret',
                  remote_auth_type: 'FQDN',
                  remote_auth_value: 'a.example.com',
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  segment_options: [{ segment_id: '2', customer_asn: '65003' }],
};

const names: Record<string, string> = { '2': 'dmz' };

describe('design → Alkira JSON', () => {
  it('maps snake_case to the REST field names, resolving segment ids to names', () => {
    const api = designToAlkiraConnector(ipsecDesign, { segmentName: (id) => names[id] });
    expect(api).toMatchObject({
      name: 'multi-segment-ipsec',
      description: 'two segments',
      size: '2LARGE',
      enabled: true,
      vhubPrefix: '10.132.0.0/23',
      tunnelProtocol: 'IPSEC',
      cxp: 'USWEST-AZURE-1',
      group: 'security',
      billingTags: [3, 4],
      segmentOptions: [
        { segmentName: 'dmz', customerAsn: 65003, disableInternetExit: true, advertiseOnPremRoutes: false },
      ],
    });
    expect(api.instances[0]).toMatchObject({
      redundantRouter: false,
      loopbackSubnet: '192.168.22.0/26',
      credentialId: 'cred-1',
    });
    expect(at(api.instances, 0).segmentOptions?.[0]?.segmentName).toBe('dmz');
  });

  it('sends initiator false explicitly (the Go client drops it) and numbers as numbers', () => {
    const tunnel = present(
      designToAlkiraConnector(ipsecDesign).instances[0]?.segmentOptions?.[0]?.customerGateways[0]?.tunnels[0],
      'the first tunnel',
    );
    expect(tunnel).toHaveProperty('initiator', false);
    expect(tunnel.profileId).toBe(10);
  });

  it('fills the provider defaults for unset booleans and tunnel protocol', () => {
    const api = designToAlkiraConnector({ ...ipsecDesign, tunnel_protocol: undefined, enabled: undefined });
    expect(api.tunnelProtocol).toBe('VXLAN_GPE');
    expect(api.enabled).toBe(true);
    // IPsec gateways only travel with the IPSEC protocol.
    expect(at(api.instances, 0).segmentOptions).toBeUndefined();
  });

  it('omits empty description and group', () => {
    const api = designToAlkiraConnector({ ...ipsecDesign, description: '', group: '' });
    expect(api).not.toHaveProperty('description');
    expect(api).not.toHaveProperty('group');
  });
});

describe('Alkira JSON → design', () => {
  it('round-trips a design through the API shape', () => {
    const api = designToAlkiraConnector(ipsecDesign, { segmentName: (id) => names[id] });
    const back = alkiraConnectorToDesign(
      { ...api, id: 7 },
      { segmentId: (n) => (n === 'dmz' ? '2' : undefined), resourceName: 'multi_segment' },
    );
    expect(back.segment_options[0]).toEqual({
      segment_id: '2',
      customer_asn: 65003,
      disable_internet_exit: true,
      advertise_on_prem_routes: false,
    });
    expect(tunnelOf(back)).toEqual({
      name: 't1',
      initiator: false,
      profile_id: 10,
      ike_version: 'IKEv2',
      pre_shared_key: 's3cret',
      remote_auth_type: 'FQDN',
      remote_auth_value: 'a.example.com',
    });
    expect(back.billing_tag_ids).toEqual([3, 4]);
    expect(back.resource_name).toBe('multi_segment');
  });

  it('derives a valid Terraform identifier from a connector name', () => {
    expect(resourceNameFor('HA ExpressRoute (west)')).toBe('ha_expressroute_west');
    expect(resourceNameFor('1st-connector')).toMatch(/^[a-z_][a-z0-9_-]*$/);
    expect(resourceNameFor('')).toBe('connector');
  });
});
