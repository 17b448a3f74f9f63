/**
 * Maps a connector design (Terraform shape, snake_case) to the Alkira REST JSON
 * (camelCase) and back. Pure: references that need the tenant (segment id ↔
 * name) are resolved through lookups the caller passes in, as the provider
 * does with its segment GETs.
 */
import type { AlkiraConnector, AlkiraInstance, AlkiraTunnel } from './alkira-types';
import {
  DEFAULTS,
  effectiveTunnelProtocol,
  type ConnectorDesign,
  type InstanceDesign,
  type NumberLike,
  type TunnelDesign,
} from './design';
import { trimChar, trimCharEnd } from '@/lib/text/trim';

export interface DesignToAlkiraLookups {
  /** Segment id (or expression) → segment name; undefined when unknown. */
  segmentName?: (segmentId: string) => string | undefined;
}

export interface AlkiraToDesignLookups {
  /** Segment name → segment id; undefined when unknown. */
  segmentId?: (segmentName: string) => string | undefined;
  /** The HCL label to give the design; defaults to one derived from the connector name. */
  resourceName?: string;
}

/** A numeric design value as a number when it is one; otherwise as written (unresolved). */
function toNumber(value: NumberLike | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

function numberOrRaw(value: NumberLike): number {
  const n = toNumber(value);
  // Unresolvable values (expressions) are passed through as written so the
  // preview shows them; provisioning refuses such designs before sending.
  return (n ?? value) as number;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function tunnelToAlkira(t: TunnelDesign): AlkiraTunnel {
  const out: AlkiraTunnel = { name: t.name, initiator: t.initiator ?? DEFAULTS.initiator };
  const profileId = nonEmpty(t.profile_id === undefined ? undefined : String(t.profile_id));
  if (profileId !== undefined) out.profileId = numberOrRaw(t.profile_id as NumberLike);
  if (nonEmpty(t.ike_version)) out.ikeVersion = t.ike_version;
  if (nonEmpty(t.pre_shared_key)) out.preSharedKey = t.pre_shared_key;
  if (nonEmpty(t.remote_auth_type)) out.remoteAuthType = t.remote_auth_type;
  if (nonEmpty(t.remote_auth_value)) out.remoteAuthValue = t.remote_auth_value;
  return out;
}

function instanceToAlkira(inst: InstanceDesign, protocol: string, segName: (id: string) => string): AlkiraInstance {
  const out: AlkiraInstance = {
    name: inst.name,
    expressRouteCircuitId: inst.expressroute_circuit_id,
    redundantRouter: inst.redundant_router ?? DEFAULTS.redundant_router,
    loopbackSubnet: inst.loopback_subnet,
    credentialId: inst.credential_id,
  };
  if (protocol === 'VXLAN') {
    out.gatewayMacAddresses = (inst.gateway_mac_address ?? []).filter((m) => m !== '');
    const vnis = (inst.virtual_network_interface ?? []).filter((v) => v !== '').map(numberOrRaw);
    if (vnis.length > 0) out.vnis = vnis;
  }
  if (protocol === 'IPSEC') {
    out.segmentOptions = (inst.ipsec_customer_gateway ?? []).map((g) => ({
      segmentName: segName(g.segment_id),
      customerGateways: (g.customer_gateway ?? []).map((cg) => ({
        name: cg.name,
        tunnels: (cg.tunnel ?? []).map(tunnelToAlkira),
      })),
    }));
  }
  return out;
}

/** The Alkira API request body a design maps to. */
export function designToAlkiraConnector(design: ConnectorDesign, lookups: DesignToAlkiraLookups = {}): AlkiraConnector {
  const segName = (id: string) => lookups.segmentName?.(id) ?? id;
  const protocol = effectiveTunnelProtocol(design);
  const out: AlkiraConnector = {
    name: design.name,
    size: design.size,
    enabled: design.enabled ?? DEFAULTS.enabled,
    vhubPrefix: design.vhub_prefix,
    tunnelProtocol: protocol,
    cxp: design.cxp,
    billingTags: (design.billing_tag_ids ?? []).filter((b) => b !== '').map(numberOrRaw),
    instances: (design.instances ?? []).map((i) => instanceToAlkira(i, protocol, segName)),
    segmentOptions: (design.segment_options ?? []).map((s) => ({
      segmentName: segName(s.segment_id),
      customerAsn: numberOrRaw(s.customer_asn),
      disableInternetExit: s.disable_internet_exit ?? DEFAULTS.disable_internet_exit,
      advertiseOnPremRoutes: s.advertise_on_prem_routes ?? DEFAULTS.advertise_on_prem_routes,
    })),
  };
  if (nonEmpty(design.description)) out.description = design.description;
  if (nonEmpty(design.group)) out.group = design.group;
  return out;
}

/** A Terraform identifier derived from a connector name (the HCL resource label). */
export function resourceNameFor(name: string): string {
  let id = trimChar(name.trim().toLowerCase().replace(/[^a-z0-9_-]+/g, '_'), '_');
  if (!/^[a-z_]/.test(id)) id = 'connector_' + id;
  return trimCharEnd(id, '_') || 'connector';
}

/** The design a live Alkira connector corresponds to (so the designer can edit it). */
export function alkiraConnectorToDesign(conn: AlkiraConnector, lookups: AlkiraToDesignLookups = {}): ConnectorDesign {
  const segId = (name: string) => lookups.segmentId?.(name) ?? name;
  const protocol = conn.tunnelProtocol || DEFAULTS.tunnel_protocol;
  const design: ConnectorDesign = {
    resource_name: lookups.resourceName ?? resourceNameFor(conn.name),
    name: conn.name,
    size: conn.size,
    enabled: conn.enabled ?? DEFAULTS.enabled,
    vhub_prefix: conn.vhubPrefix,
    cxp: conn.cxp,
    tunnel_protocol: protocol,
    instances: (conn.instances ?? []).map((i) => {
      const inst: InstanceDesign = {
        name: i.name,
        expressroute_circuit_id: i.expressRouteCircuitId,
        redundant_router: i.redundantRouter ?? DEFAULTS.redundant_router,
        loopback_subnet: i.loopbackSubnet,
        credential_id: i.credentialId,
      };
      if (i.gatewayMacAddresses?.length) inst.gateway_mac_address = [...i.gatewayMacAddresses];
      if (i.vnis?.length) inst.virtual_network_interface = [...i.vnis];
      if (i.segmentOptions?.length) {
        inst.ipsec_customer_gateway = i.segmentOptions.map((so) => ({
          segment_id: segId(so.segmentName),
          customer_gateway: (so.customerGateways ?? []).map((cg) => ({
            name: cg.name,
            tunnel: (cg.tunnels ?? []).map((t) => {
              const tunnel: TunnelDesign = { name: t.name, initiator: t.initiator ?? DEFAULTS.initiator };
              if (t.ikeVersion) tunnel.ike_version = t.ikeVersion;
              if (t.preSharedKey) tunnel.pre_shared_key = t.preSharedKey;
              if (t.profileId !== undefined && t.profileId !== null) tunnel.profile_id = t.profileId;
              if (t.remoteAuthType) tunnel.remote_auth_type = t.remoteAuthType;
              if (t.remoteAuthValue) tunnel.remote_auth_value = t.remoteAuthValue;
              return tunnel;
            }),
          })),
        }));
      }
      return inst;
    }),
    segment_options: (conn.segmentOptions ?? []).map((s) => ({
      segment_id: segId(s.segmentName),
      customer_asn: s.customerAsn,
      disable_internet_exit: s.disableInternetExit ?? DEFAULTS.disable_internet_exit,
      advertise_on_prem_routes: s.advertiseOnPremRoutes ?? DEFAULTS.advertise_on_prem_routes,
    })),
  };
  if (conn.description) design.description = conn.description;
  if (conn.group) design.group = conn.group;
  if (conn.billingTags?.length) design.billing_tag_ids = [...conn.billingTags];
  return design;
}
