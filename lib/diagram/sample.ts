/**
 * A synthetic large design (default 10 instances × 8 segments × 4 gateways ×
 * 2 tunnels = 640 tunnels): the layout's stress case, used by the tests and
 * by `/diagram-demo?template=large`.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { toExpression } from '@/lib/connector/design';

export interface LargeDesignShape {
  instances?: number;
  segments?: number;
  gatewaysPerSegment?: number;
  tunnelsPerGateway?: number;
}

export function largeSampleDesign(shape: LargeDesignShape = {}): ConnectorDesign {
  const { instances = 10, segments = 8, gatewaysPerSegment = 4, tunnelsPerGateway = 2 } = shape;
  const segmentIds = Array.from({ length: segments }, (_, s) => toExpression(`alkira_segment.seg${s + 1}.id`));
  return {
    resource_name: 'large_ipsec',
    name: 'large-ipsec-connector',
    size: '10LARGE',
    enabled: true,
    vhub_prefix: '10.140.0.0/23',
    cxp: 'USEAST-AZURE-1',
    tunnel_protocol: 'IPSEC',
    instances: Array.from({ length: instances }, (_, i) => ({
      name: `instance-${i + 1}`,
      expressroute_circuit_id: `/subscriptions/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/circuit-${i + 1}`,
      redundant_router: i % 2 === 0,
      loopback_subnet: `192.168.${100 + i}.0/26`,
      credential_id: toExpression('alkira_credential_azure_vnet.prod.id'),
      ipsec_customer_gateway: segmentIds.map((segment_id, s) => ({
        segment_id,
        customer_gateway: Array.from({ length: gatewaysPerSegment }, (_, g) => ({
          name: `gw-${i + 1}-${s + 1}-${g + 1}`,
          tunnel: Array.from({ length: tunnelsPerGateway }, (_, t) => ({
            name: `tunnel-${t + 1}`,
            ike_version: 'IKEv2',
            initiator: t === 0,
            pre_shared_key: toExpression(`var.psk_${i + 1}_${s + 1}_${g + 1}_${t + 1}`),
            profile_id: 10,
            remote_auth_type: 'FQDN',
            remote_auth_value: `gw-${i + 1}-${s + 1}-${g + 1}.example.com`,
          })),
        })),
      })),
    })),
    segment_options: segmentIds.map((segment_id, s) => ({
      segment_id,
      customer_asn: 65100 + s,
      disable_internet_exit: true,
      advertise_on_prem_routes: s % 2 === 0,
    })),
  };
}
