/**
 * The connector design model. It mirrors the Terraform resource
 * `alkira_connector_azure_expressroute` exactly: snake_case attribute names as
 * `terraform show -json` prints them, nested blocks as arrays, plus
 * `resource_name` (the HCL resource label).
 *
 * A string of the exact form `${<expression>}` is a Terraform expression
 * (Terraform's JSON-syntax convention) and is rendered bare in HCL.
 *
 * Numeric attributes may hold a number, a numeric string (as the form and
 * `.tf` files often carry them; Terraform converts those) or an expression.
 */

export const CONNECTOR_SIZES = ['SMALL', 'MEDIUM', 'LARGE', '2LARGE', '5LARGE', '10LARGE'] as const;
export type ConnectorSize = (typeof CONNECTOR_SIZES)[number];

export const TUNNEL_PROTOCOLS = ['VXLAN', 'VXLAN_GPE', 'IPSEC'] as const;
export type TunnelProtocol = (typeof TUNNEL_PROTOCOLS)[number];

export const IKE_VERSIONS = ['IKEv2'] as const;
export const REMOTE_AUTH_TYPES = ['FQDN'] as const;

/** A number, a numeric string, or a `${expression}`. */
export type NumberLike = number | string;

export interface TunnelDesign {
  name: string;
  ike_version?: string;
  initiator?: boolean;
  pre_shared_key?: string;
  profile_id?: NumberLike;
  remote_auth_type?: string;
  remote_auth_value?: string;
}

export interface CustomerGatewayDesign {
  name: string;
  tunnel: TunnelDesign[];
}

export interface IpsecCustomerGatewayDesign {
  segment_id: string;
  customer_gateway: CustomerGatewayDesign[];
}

export interface InstanceDesign {
  name: string;
  expressroute_circuit_id: string;
  redundant_router?: boolean;
  loopback_subnet: string;
  credential_id: string;
  gateway_mac_address?: string[];
  virtual_network_interface?: NumberLike[];
  ipsec_customer_gateway?: IpsecCustomerGatewayDesign[];
}

export interface SegmentOptionDesign {
  segment_id: string;
  customer_asn: NumberLike;
  disable_internet_exit?: boolean;
  advertise_on_prem_routes?: boolean;
}

export interface ConnectorDesign {
  /** The HCL resource label: a valid Terraform identifier. */
  resource_name: string;
  name: string;
  description?: string;
  size: ConnectorSize | string;
  enabled?: boolean;
  vhub_prefix: string;
  cxp: string;
  tunnel_protocol?: TunnelProtocol | string;
  group?: string;
  billing_tag_ids?: NumberLike[];
  instances: InstanceDesign[];
  segment_options: SegmentOptionDesign[];
}

/** Provider defaults (terraform-provider-alkira v1.5.1). */
export const DEFAULTS = {
  enabled: true,
  tunnel_protocol: 'VXLAN_GPE' as TunnelProtocol,
  redundant_router: false,
  initiator: true,
  disable_internet_exit: true,
  advertise_on_prem_routes: false,
} as const;

const EXPRESSION_RE = /^\$\{([\s\S]+)\}$/;

/** True when the value is a Terraform expression written as `${...}`. */
export function isExpression(value: unknown): value is string {
  // The cheap checks first: long free text must not go through the pattern on every call.
  return typeof value === 'string' && value.startsWith('${') && value.endsWith('}') && EXPRESSION_RE.test(value);
}

/** The bare expression inside `${...}`, e.g. `alkira_segment.prod.id`. */
export function expressionBody(value: string): string {
  const m = EXPRESSION_RE.exec(value);
  return m ? m[1].trim() : value;
}

/** Wraps a bare HCL expression as a design value. */
export function toExpression(body: string): string {
  return '${' + body + '}';
}

/** Effective tunnel protocol (the provider's default when unset). */
export function effectiveTunnelProtocol(design: Pick<ConnectorDesign, 'tunnel_protocol'>): string {
  return design.tunnel_protocol || DEFAULTS.tunnel_protocol;
}

/** A blank design, the starting point of an empty form. */
export function emptyDesign(): ConnectorDesign {
  return {
    resource_name: 'expressroute',
    name: '',
    description: '',
    size: 'SMALL',
    enabled: true,
    vhub_prefix: '',
    cxp: '',
    tunnel_protocol: 'VXLAN_GPE',
    group: '',
    billing_tag_ids: [],
    instances: [emptyInstance()],
    segment_options: [emptySegmentOption()],
  };
}

export function emptyInstance(): InstanceDesign {
  return {
    name: '',
    expressroute_circuit_id: '',
    redundant_router: false,
    loopback_subnet: '',
    credential_id: '',
    gateway_mac_address: [],
    virtual_network_interface: [],
    ipsec_customer_gateway: [],
  };
}

export function emptyTunnel(): TunnelDesign {
  return {
    name: '',
    ike_version: 'IKEv2',
    initiator: true,
    pre_shared_key: '',
    profile_id: '',
    remote_auth_type: 'FQDN',
    remote_auth_value: '',
  };
}

export function emptyCustomerGateway(): CustomerGatewayDesign {
  return { name: '', tunnel: [emptyTunnel()] };
}

export function emptyIpsecCustomerGateway(): IpsecCustomerGatewayDesign {
  return { segment_id: '', customer_gateway: [emptyCustomerGateway()] };
}

export function emptySegmentOption(): SegmentOptionDesign {
  return { segment_id: '', customer_asn: '', disable_internet_exit: true, advertise_on_prem_routes: false };
}

/** One validation finding, at a dotted path such as `instances.1.ipsec_customer_gateway.0.segment_id`. */
export interface DesignIssue {
  path: string;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: DesignIssue[];
  warnings: DesignIssue[];
}

export interface HclRenderOptions {
  /** Omit attributes equal to the provider default. Default true. */
  omitDefaults?: boolean;
  /** `variable`: pre-shared keys as sensitive variable blocks referenced by `var.<name>` (default); `inline`: literal. */
  preSharedKeys?: 'variable' | 'inline';
}
