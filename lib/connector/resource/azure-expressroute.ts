/**
 * THE description of `alkira_connector_azure_expressroute` (provider v1.5.1):
 * every attribute and block, once. Names, types, presence, sensitivity,
 * nesting and minimums are checked against the provider's own schema
 * (tests/resource/provider-schema.test.ts); API names and defaults come from
 * alkira-api.md; help text is condensed from the provider's documentation.
 *
 * Key order is the order the HCL renderer writes attributes and blocks in.
 * Adding an optional attribute: add it here (and to the form layout if it
 * needs a special place); the schema, importer, renderer, mapping, help,
 * detail view and secret handling follow.
 */
import type { AttributeSpec, BlockSpec, BodySpec } from './types';

export const CONNECTOR_SIZES = ['SMALL', 'MEDIUM', 'LARGE', '2LARGE', '5LARGE', '10LARGE'] as const;
export const TUNNEL_PROTOCOLS = ['VXLAN', 'VXLAN_GPE', 'IPSEC'] as const;
export const IKE_VERSIONS = ['IKEv2'] as const;
export const REMOTE_AUTH_TYPES = ['FQDN'] as const;

/** Keeps literal types (for the derived design types) while checking the shape. */
const body = <const B extends BodySpec>(spec: B): B => spec;
const attr = <const A extends AttributeSpec>(spec: A): A => spec;
const nested = <const K extends BlockSpec>(spec: K): K => spec;

const TUNNEL = body({
  attributes: {
    id: attr({
      type: 'string',
      presence: 'computed',
      api: 'id',
      label: 'Tunnel id',
      doc: 'The id the service gives the tunnel.',
    }),
    name: attr({
      type: 'string',
      presence: 'required',
      api: 'name',
      label: 'Tunnel',
      doc: 'A unique name for the tunnel.',
    }),
    ike_version: attr({
      type: 'string',
      presence: 'optional',
      api: 'ikeVersion',
      enum: IKE_VERSIONS,
      label: 'IKE version',
      doc: 'IKE protocol version. Only IKEv2 is supported.',
    }),
    initiator: attr({
      type: 'bool',
      presence: 'optional',
      api: 'initiator',
      default: true,
      label: 'Initiator',
      doc: 'This endpoint initiates the tunnel. Default is true.',
    }),
    pre_shared_key: attr({
      type: 'string',
      presence: 'optional',
      api: 'preSharedKey',
      sensitive: true,
      variable: 'psk',
      label: 'Pre-shared key',
      doc: 'Pre-shared key for tunnel authentication (sensitive).',
    }),
    profile_id: attr({
      type: 'number',
      presence: 'optional',
      api: 'profileId',
      reference: 'tunnel_profile',
      label: 'Tunnel profile',
      doc: 'ID of the IPsec tunnel profile (connector_ipsec_tunnel_profile).',
    }),
    remote_auth_type: attr({
      type: 'string',
      presence: 'optional',
      api: 'remoteAuthType',
      enum: REMOTE_AUTH_TYPES,
      label: 'Remote auth type',
      doc: 'Remote endpoint authentication type. Only FQDN is supported.',
    }),
    remote_auth_value: attr({
      type: 'string',
      presence: 'optional',
      api: 'remoteAuthValue',
      sensitive: true,
      label: 'Remote auth value',
      doc: 'Remote endpoint authentication value, e.g. its FQDN (sensitive).',
    }),
  },
  blocks: {},
});

const CUSTOMER_GATEWAY = body({
  attributes: {
    name: attr({
      type: 'string',
      presence: 'required',
      api: 'name',
      label: 'Gateway',
      doc: 'A unique name for the customer gateway.',
    }),
  },
  blocks: {
    tunnel: nested({
      nesting: 'list',
      identity: 'name',
      minItems: 1,
      api: 'tunnels',
      label: 'Tunnels',
      doc: 'The IPsec tunnels of this gateway; at least one.',
      body: TUNNEL,
    }),
  },
});

const IPSEC_CUSTOMER_GATEWAY = body({
  attributes: {
    segment_id: attr({
      type: 'string',
      presence: 'required',
      // The API names the segment; mapping translates id ↔ name through the tenant's segments.
      api: 'segmentName',
      reference: 'segment',
      label: 'Segment',
      doc: 'The segment these gateways serve. Needs a matching global segment option.',
    }),
  },
  blocks: {
    customer_gateway: nested({
      nesting: 'list',
      identity: 'name',
      minItems: 1,
      api: 'customerGateways',
      label: 'Customer gateways',
      doc: 'Customer gateways for IPSEC tunnels in this segment; at least one.',
      body: CUSTOMER_GATEWAY,
      // The service gives each gateway an id; the provider schema has none.
      apiResponseFields: { id: 'string' },
    }),
  },
});

const INSTANCE = body({
  attributes: {
    id: attr({
      type: 'number',
      presence: 'computed',
      api: 'id',
      label: 'Instance id',
      doc: 'The id the service gives the instance.',
    }),
    name: attr({
      type: 'string',
      presence: 'required',
      api: 'name',
      label: 'Name',
      doc: 'User-provided connector instance name.',
    }),
    expressroute_circuit_id: attr({
      type: 'string',
      presence: 'required',
      api: 'expressRouteCircuitId',
      label: 'ExpressRoute circuit',
      doc: 'Azure ExpressRoute circuit ID. The circuit needs private peering and a valid authorization key.',
    }),
    redundant_router: attr({
      type: 'bool',
      presence: 'optional',
      api: 'redundantRouter',
      default: false,
      label: 'Redundant router',
      doc: 'The circuit terminates on redundant routers on the customer side.',
    }),
    loopback_subnet: attr({
      type: 'string',
      presence: 'required',
      api: 'loopbackSubnet',
      label: 'Loopback subnet',
      doc: 'A /26 subnet whose loopback IPs establish the underlay tunnels.',
    }),
    credential_id: attr({
      type: 'string',
      presence: 'required',
      api: 'credentialId',
      reference: 'credential',
      label: 'Credential',
      doc: 'Opaque ID of the stored Azure VNET credential.',
    }),
    gateway_mac_address: attr({
      type: 'list(string)',
      presence: 'optional',
      api: 'gatewayMacAddresses',
      onlyWithProtocol: 'VXLAN',
      label: 'Gateway MACs',
      doc: 'MAC address of a VXLAN gateway reachable through the circuit. Two are expected with redundant routers.',
    }),
    virtual_network_interface: attr({
      type: 'list(number)',
      presence: 'optional',
      api: 'vnis',
      onlyWithProtocol: 'VXLAN',
      // Left out when empty: the service then allocates the VNI.
      apiOmitEmpty: true,
      label: 'VNIs',
      doc: 'Optional VNI. If unset, Alkira allocates one from [16773023, 16777215].',
    }),
  },
  blocks: {
    ipsec_customer_gateway: nested({
      nesting: 'list',
      identity: 'segment_id',
      minItems: 0,
      api: 'segmentOptions',
      onlyWithProtocol: 'IPSEC',
      label: 'IPsec customer gateways',
      doc: 'IPsec customer gateways per segment; needed when the tunnel protocol is IPSEC.',
      body: IPSEC_CUSTOMER_GATEWAY,
    }),
  },
});

const SEGMENT_OPTION = body({
  attributes: {
    segment_id: attr({
      type: 'string',
      presence: 'required',
      api: 'segmentName',
      reference: 'segment',
      label: 'Segment',
      doc: 'The ID of the segment, e.g. alkira_segment.prod.id.',
    }),
    customer_asn: attr({
      type: 'number',
      presence: 'required',
      api: 'customerAsn',
      label: 'Customer ASN',
      doc: 'ASN on the customer premises side.',
    }),
    disable_internet_exit: attr({
      type: 'bool',
      presence: 'optional',
      api: 'disableInternetExit',
      default: true,
      label: 'Disable internet exit',
      doc: 'Block internet access for traffic arriving via this connector. Default is true.',
    }),
    advertise_on_prem_routes: attr({
      type: 'bool',
      presence: 'optional',
      api: 'advertiseOnPremRoutes',
      default: false,
      label: 'Advertise on-prem routes',
      doc: 'Advertise routes from the premises to the cloud. Default is false.',
    }),
  },
  blocks: {},
});

/** The resource body, top level. */
export const CONNECTOR_RESOURCE = body({
  attributes: {
    id: attr({
      type: 'string',
      presence: 'optional+computed',
      api: 'id',
      apiType: 'number',
      label: 'Id',
      doc: 'The id of the connector.',
    }),
    provision_state: attr({
      type: 'string',
      presence: 'computed',
      label: 'Provision state',
      doc: 'The provision state of the connector (from the connector state endpoint, not the connector JSON).',
    }),
    implicit_group_id: attr({
      type: 'number',
      presence: 'computed',
      api: 'implicitGroupId',
      label: 'Implicit group id',
      doc: 'The id of the group the service creates for the connector.',
    }),
    name: attr({ type: 'string', presence: 'required', api: 'name', label: 'Name', doc: 'The name of the connector.' }),
    description: attr({
      type: 'string',
      presence: 'optional',
      api: 'description',
      label: 'Description',
      doc: 'The description of the connector.',
    }),
    size: attr({
      type: 'string',
      presence: 'required',
      api: 'size',
      enum: CONNECTOR_SIZES,
      label: 'Size',
      doc: 'Connector size, from SMALL to 10LARGE.',
    }),
    enabled: attr({
      type: 'bool',
      presence: 'optional',
      api: 'enabled',
      default: true,
      label: 'Enabled',
      doc: 'Is the connector enabled. Default is true.',
    }),
    vhub_prefix: attr({
      type: 'string',
      presence: 'required',
      api: 'vhubPrefix',
      label: 'vHub prefix',
      doc: 'IP address prefix for the VWAN hub. Must be a /23 prefix.',
    }),
    cxp: attr({
      type: 'string',
      presence: 'required',
      api: 'cxp',
      reference: 'cxp',
      label: 'CXP',
      doc: 'The CXP where the connector is provisioned, e.g. USWEST-AZURE-1.',
    }),
    tunnel_protocol: attr({
      type: 'string',
      presence: 'optional',
      api: 'tunnelProtocol',
      enum: TUNNEL_PROTOCOLS,
      default: 'VXLAN_GPE',
      label: 'Tunnel protocol',
      doc: 'VXLAN, VXLAN_GPE or IPSEC. Default is VXLAN_GPE.',
    }),
    group: attr({
      type: 'string',
      presence: 'optional',
      api: 'group',
      reference: 'group',
      label: 'Group',
      doc: 'The group of the connector, e.g. alkira_group.networking.name.',
    }),
    billing_tag_ids: attr({
      type: 'set(number)',
      presence: 'optional',
      api: 'billingTags',
      reference: 'billing_tag',
      label: 'Billing tags',
      doc: 'Billing tag ID (see alkira_billing_tag), e.g. alkira_billing_tag.prod.id.',
    }),
  },
  blocks: {
    instances: nested({
      nesting: 'list',
      identity: 'name',
      minItems: 1,
      api: 'instances',
      label: 'Instances',
      doc: 'ExpressRoute circuit instances; at least one.',
      body: INSTANCE,
    }),
    segment_options: nested({
      nesting: 'list',
      identity: 'segment_id',
      minItems: 1,
      api: 'segmentOptions',
      label: 'Segment options',
      doc: 'Per-segment options; every segment the connector serves needs one.',
      body: SEGMENT_OPTION,
    }),
  },
});

export type ConnectorResource = typeof CONNECTOR_RESOURCE;

/**
 * Design-only: the HCL resource label. Not an attribute of the resource (the
 * provider never sees it, the API has no such field), so it lives beside the
 * description rather than in it.
 */
export const RESOURCE_LABEL = {
  key: 'resource_name',
  label: 'Resource label',
  doc: 'Terraform resource label (letters, digits, _ and -; must not start with a digit).',
} as const;

export const RESOURCE_TYPE = 'alkira_connector_azure_expressroute';
