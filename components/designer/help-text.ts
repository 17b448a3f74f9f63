/**
 * Short help for every field, condensed from the provider's documentation of
 * `alkira_connector_azure_expressroute` (terraform-provider-alkira v1.5.1).
 * Keyed by the field's path with array indices replaced by `*`.
 */
export const FIELD_HELP: Record<string, string> = {
  resource_name: 'Terraform resource label (letters, digits, _ and -; must not start with a digit).',
  name: 'The name of the connector.',
  description: 'The description of the connector.',
  size: 'Connector size, from SMALL to 10LARGE.',
  enabled: 'Is the connector enabled. Default is true.',
  vhub_prefix: 'IP address prefix for the VWAN hub. Must be a /23 prefix.',
  cxp: 'The CXP where the connector is provisioned, e.g. USWEST-AZURE-1.',
  tunnel_protocol: 'VXLAN, VXLAN_GPE or IPSEC. Default is VXLAN_GPE.',
  group: 'The group of the connector, e.g. ${alkira_group.networking.name}.',
  'billing_tag_ids.*': 'Billing tag ID (see alkira_billing_tag), e.g. ${alkira_billing_tag.prod.id}.',
  'instances.*.name': 'User-provided connector instance name.',
  'instances.*.expressroute_circuit_id':
    'Azure ExpressRoute circuit ID. The circuit needs private peering and a valid authorization key.',
  'instances.*.redundant_router': 'The circuit terminates on redundant routers on the customer side.',
  'instances.*.loopback_subnet': 'A /26 subnet whose loopback IPs establish the underlay tunnels.',
  'instances.*.credential_id': 'Opaque ID of the stored Azure VNET credential.',
  'instances.*.gateway_mac_address.*':
    'MAC address of a VXLAN gateway reachable through the circuit. Two are expected with redundant routers.',
  'instances.*.virtual_network_interface.*':
    'Optional VNI. If unset, Alkira allocates one from [16773023, 16777215].',
  'instances.*.ipsec_customer_gateway.*.segment_id':
    'The segment these gateways serve. Needs a matching global segment option.',
  'instances.*.ipsec_customer_gateway.*.customer_gateway.*.name': 'A unique name for the customer gateway.',
  'instances.*.ipsec_customer_gateway.*.customer_gateway.*.tunnel.*.name': 'A unique name for the tunnel.',
  'instances.*.ipsec_customer_gateway.*.customer_gateway.*.tunnel.*.ike_version':
    'IKE protocol version. Only IKEv2 is supported.',
  'instances.*.ipsec_customer_gateway.*.customer_gateway.*.tunnel.*.initiator':
    'This endpoint initiates the tunnel. Default is true.',
  'instances.*.ipsec_customer_gateway.*.customer_gateway.*.tunnel.*.pre_shared_key':
    'Pre-shared key for tunnel authentication (sensitive).',
  'instances.*.ipsec_customer_gateway.*.customer_gateway.*.tunnel.*.profile_id':
    'ID of the IPsec tunnel profile (connector_ipsec_tunnel_profile).',
  'instances.*.ipsec_customer_gateway.*.customer_gateway.*.tunnel.*.remote_auth_type':
    'Remote endpoint authentication type. Only FQDN is supported.',
  'instances.*.ipsec_customer_gateway.*.customer_gateway.*.tunnel.*.remote_auth_value':
    'Remote endpoint authentication value, e.g. its FQDN (sensitive).',
  'segment_options.*.segment_id': 'The ID of the segment, e.g. ${alkira_segment.prod.id}.',
  'segment_options.*.customer_asn': 'ASN on the customer premises side.',
  'segment_options.*.disable_internet_exit':
    'Block internet access for traffic arriving via this connector. Default is true.',
  'segment_options.*.advertise_on_prem_routes':
    'Advertise routes from the premises to the cloud. Default is false.',
};

/** The help text for a concrete path such as `instances.0.loopback_subnet`. */
export function helpFor(path: string): string | undefined {
  return FIELD_HELP[path.replace(/\.\d+(?=\.|$)/g, '.*')];
}
