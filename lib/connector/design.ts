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

import {
  CONNECTOR_RESOURCE,
  CONNECTOR_SIZES,
  IKE_VERSIONS,
  REMOTE_AUTH_TYPES,
  TUNNEL_PROTOCOLS,
  type ConnectorResource,
  type DesignBody,
  type NumberLike,
  type UncheckedBody,
} from './resource';
import { captured } from '@/lib/util/indexing';

export { CONNECTOR_SIZES, IKE_VERSIONS, REMOTE_AUTH_TYPES, TUNNEL_PROTOCOLS, type NumberLike, type UncheckedBody };
export type ConnectorSize = (typeof CONNECTOR_SIZES)[number];
export type TunnelProtocol = (typeof TUNNEL_PROTOCOLS)[number];

// The design types are derived from the resource description (./resource).
type InstanceBody = ConnectorResource['blocks']['instances']['body'];
type IpsecBody = InstanceBody['blocks']['ipsec_customer_gateway']['body'];
type GatewayBody = IpsecBody['blocks']['customer_gateway']['body'];

export type TunnelDesign = DesignBody<GatewayBody['blocks']['tunnel']['body']>;
export type CustomerGatewayDesign = DesignBody<GatewayBody>;
export type IpsecCustomerGatewayDesign = DesignBody<IpsecBody>;
export type InstanceDesign = DesignBody<InstanceBody>;
export type SegmentOptionDesign = DesignBody<ConnectorResource['blocks']['segment_options']['body']>;

/**
 * A parsed connector design: the resource's attributes plus `resource_name`,
 * the HCL resource label (a valid Terraform identifier).
 */
export type ConnectorDesign = DesignBody<ConnectorResource> & {
  /** The HCL resource label: a valid Terraform identifier. */
  resource_name: string;
};

/**
 * What the designer form holds (react-hook-form values): the same shape, but
 * nothing in it has been checked — numbers may be numeric strings or '',
 * optional text may be '', lists may hold blank rows. `parseDesign`
 * (./validate) turns it into a ConnectorDesign, once.
 */
export type ConnectorFormValues = ConnectorDesign;

const ATTRS = CONNECTOR_RESOURCE.attributes;
const INSTANCE_ATTRS = CONNECTOR_RESOURCE.blocks.instances.body.attributes;
const TUNNEL_ATTRS =
  CONNECTOR_RESOURCE.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks.tunnel
    .body.attributes;
const SEGMENT_OPTION_ATTRS = CONNECTOR_RESOURCE.blocks.segment_options.body.attributes;

/** Provider defaults (terraform-provider-alkira v1.5.1), read from the description. */
export const DEFAULTS = {
  enabled: ATTRS.enabled.default,
  tunnel_protocol: ATTRS.tunnel_protocol.default as TunnelProtocol,
  redundant_router: INSTANCE_ATTRS.redundant_router.default,
  initiator: TUNNEL_ATTRS.initiator.default,
  disable_internet_exit: SEGMENT_OPTION_ATTRS.disable_internet_exit.default,
  advertise_on_prem_routes: SEGMENT_OPTION_ATTRS.advertise_on_prem_routes.default,
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
  return m ? captured(m, 1).trim() : value;
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
  /** The id of the rule that found it (rules/index.ts RULE_IDS, the tenant checks); absent for the schema's type checks. */
  ruleId?: string;
  /** A replacement value for the field that resolves the finding (e.g. the next free /23). */
  fix?: string;
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
