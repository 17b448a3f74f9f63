/** One line per rule id, for SARIF's `shortDescription` and `--list-rules`. */
const DESCRIPTIONS: Record<string, string> = {
  'hcl-syntax': 'The file is not valid HCL',
  'hcl-import':
    'The connector block cannot be read as the resource (unknown or misplaced attributes and blocks, duplicate resources)',
  schema: 'A value has the wrong type for its attribute',
  'resource-name-identifier': 'The resource label is a Terraform identifier',
  'required-fields': 'Required attributes are set',
  'enumerated-values': 'Attributes with a fixed set of values hold one of them',
  'instances-and-segment-options': 'At least one instance and one segment_options block',
  'instance-names-unique': 'Instance names are unique',
  'gateway-tunnel-names-unique': 'Customer gateway and tunnel names are unique',
  'segment-options-unique': 'One segment_options block per segment',
  'vhub-prefix-aligned-23': 'vhub_prefix is an IPv4 /23 with host bits zero',
  'loopback-subnet-aligned-26': 'loopback_subnet is an IPv4 /26 with host bits zero',
  'loopback-subnets-overlap': 'Loopback subnets overlap neither each other nor the vHub prefix',
  'circuit-id-format': 'ExpressRoute circuit ids are Azure resource ids',
  'gateway-mac-addresses': 'Gateway MAC addresses fit the protocol and redundancy',
  'virtual-network-interfaces': 'VNIs are in Alkira range and fit the protocol',
  'ipsec-gateways-protocol': 'IPsec customer gateways appear exactly with tunnel_protocol IPSEC',
  'ipsec-segments-match-options': 'IPsec segments and segment_options correspond one to one',
  'tunnel-settings-supported': 'Tunnels use the supported IKE version and authentication',
  'customer-asn-usable': 'Customer ASNs are valid and not reserved',
  'billing-tag-ids': 'Billing tag ids are numbers',
  'circuit-subscription-guid': 'The circuit id names a subscription GUID',
  'circuit-ids-distinct': 'Each instance uses its own circuit',
  'customer-asn-private': 'Customer ASNs are private',
  'pre-shared-key-inline': 'Pre-shared keys are not written inline',
  'pre-shared-key-missing': 'Tunnels have a pre-shared key',
  'pre-shared-keys-distinct': 'Tunnels do not share a pre-shared key',
  'description-length': 'The description is not too long',
  'reference-like-literal': 'A literal string reads like a Terraform reference',
  'tenant-vhub-prefix-overlap': "The vHub prefix overlaps another connector's addresses in the tenant",
  'tenant-loopback-subnet-overlap': "A loopback subnet overlaps another connector's addresses in the tenant",
  'tenant-name-taken': 'Another connector in the tenant has this name',
  'tenant-unknown-reference':
    'A referenced segment, credential, group, billing tag or tunnel profile is not in the tenant',
  'tenant-external-reference':
    'A reference expression names something its file does not declare, so the tenant check cannot verify it',
};

export function ruleDescription(id: string): string {
  return DESCRIPTIONS[id] ?? id;
}
