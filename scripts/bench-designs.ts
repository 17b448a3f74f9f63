/**
 * Designs for the benchmark: a typical one (the multi-segment IPsec template)
 * and a large one (10 instances × 8 segments × 4 gateways × 2 tunnels), valid
 * under every rule so the validator does all its work.
 */
import type { ConnectorDesign, InstanceDesign } from '../lib/connector/design';

const SUB = '3f2b8c1e-5a4d-4e2f-9b1a-7c6d5e4f3a2b';

export function largeIpsecDesign(instances = 10, segments = 8, gateways = 4, tunnels = 2): ConnectorDesign {
  const segmentIds = Array.from({ length: segments }, (_, s) => `\${alkira_segment.seg${s}.id}`);
  const inst: InstanceDesign[] = Array.from({ length: instances }, (_, i) => ({
    name: `instance-${i}`,
    expressroute_circuit_id: `/subscriptions/${SUB}/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/circuit-${i}`,
    redundant_router: i % 2 === 0,
    loopback_subnet: `192.168.${i}.0/26`,
    credential_id: `\${alkira_credential_azure_vnet.c${i}.id}`,
    ipsec_customer_gateway: segmentIds.map((segment_id, s) => ({
      segment_id,
      customer_gateway: Array.from({ length: gateways }, (_, g) => ({
        name: `gw-${s}-${g}`,
        tunnel: Array.from({ length: tunnels }, (_, t) => ({
          name: `tunnel-${t}`,
          ike_version: 'IKEv2',
          initiator: t === 0,
          pre_shared_key: `psk-${i}-${s}-${g}-${t}`,
          profile_id: 10 + t,
          remote_auth_type: 'FQDN',
          remote_auth_value: `gw${g}-seg${s}-i${i}.example.com`,
        })),
      })),
    })),
  }));
  return {
    resource_name: 'large',
    name: 'large-ipsec',
    description: 'Benchmark design',
    size: '10LARGE',
    vhub_prefix: '10.140.0.0/23',
    cxp: 'USWEST-AZURE-1',
    tunnel_protocol: 'IPSEC',
    group: 'networking',
    billing_tag_ids: [1, 2, 3],
    instances: inst,
    segment_options: segmentIds.map((segment_id, s) => ({
      segment_id,
      customer_asn: 65001 + s,
      disable_internet_exit: s % 2 === 0,
      advertise_on_prem_routes: s % 3 === 0,
    })),
  };
}
