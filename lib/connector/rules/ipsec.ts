/** IPsec customer gateways and tunnels, and their mapping to segment_options. */
import { STORED_SECRET_PLACEHOLDER } from '../resource';
import { IKE_VERSIONS, REMOTE_AUTH_TYPES, type UncheckedDesign, type DesignIssue } from '../design';
import { isFqdn } from '../net';
import { eachRecord, instanceLabel, isUnset, issueCollector, items, knownTunnelProtocol, quote, readNumber, text, isReference } from './values';

/** Segment values compare as written, trimmed: two identical expressions are the same segment. */
function segmentKey(value: unknown): string | null {
  return isUnset(value) ? null : text(value).trim();
}

/** The segments listed in segment_options, in order, without duplicates. */
function optionSegments(design: UncheckedDesign): string[] {
  const segments: string[] = [];
  eachRecord(design.segment_options, (option) => {
    const key = segmentKey(option.segment_id);
    if (key !== null && !segments.includes(key)) segments.push(key);
  });
  return segments;
}

/**
 * `ipsec_customer_gateway` only with IPSEC, and then required in every
 * instance, each with at least one customer gateway, each with at least one tunnel.
 */
export function ipsecGatewaysMatchProtocol(design: UncheckedDesign): DesignIssue[] {
  const { issues, report } = issueCollector();
  const protocol = knownTunnelProtocol(design);
  eachRecord(design.instances, (instance, i) => {
    const at = `instances.${i}.ipsec_customer_gateway`;
    const label = instanceLabel(instance, i);
    const gateways = items(instance.ipsec_customer_gateway);
    if (protocol !== null && protocol !== 'IPSEC' && gateways.length > 0) {
      report(at, `${label}: ipsec_customer_gateway is only used with tunnel_protocol = "IPSEC", but tunnel_protocol is ${quote(protocol)}; remove the IPsec gateways or switch to IPSEC`);
    }
    if (protocol === 'IPSEC' && gateways.length === 0) {
      const segments = optionSegments(design);
      const which = segments.length ? `: one for each segment in segment_options (${segments.map(quote).join(', ')})` : '';
      report(at, `${label}: tunnel_protocol "IPSEC" requires ipsec_customer_gateway blocks${which}`);
    }
    eachRecord(gateways, (gateway, g) => {
      const gat = `${at}.${g}`;
      const customerGateways = items(gateway.customer_gateway);
      if (customerGateways.length === 0) {
        report(`${gat}.customer_gateway`, `${label}: ipsec_customer_gateway for segment ${quote(text(gateway.segment_id))} needs at least one customer_gateway`);
      }
      eachRecord(customerGateways, (customerGateway, c) => {
        if (items(customerGateway.tunnel).length === 0) {
          report(`${gat}.customer_gateway.${c}.tunnel`, `${label}: customer gateway ${quote(text(customerGateway.name))} needs at least one tunnel`);
        }
      });
    });
  });
  return issues;
}

/**
 * With IPSEC, each instance's ipsec_customer_gateway segments equal the
 * segment_options segments one-to-one (no extra, none missing, no duplicate).
 */
export function ipsecSegmentsMatchSegmentOptions(design: UncheckedDesign): DesignIssue[] {
  const { issues, report } = issueCollector();
  if (knownTunnelProtocol(design) !== 'IPSEC') return issues;
  const options = optionSegments(design);
  eachRecord(design.instances, (instance, i) => {
    const gateways = items(instance.ipsec_customer_gateway);
    // An empty list is reported once, by ipsecGatewaysMatchProtocol.
    if (gateways.length === 0) return;
    const label = instanceLabel(instance, i);
    const seen = new Map<string, number>();
    eachRecord(gateways, (gateway, g) => {
      const segment = segmentKey(gateway.segment_id);
      if (segment === null) return;
      const path = `instances.${i}.ipsec_customer_gateway.${g}.segment_id`;
      const first = seen.get(segment);
      if (first !== undefined) {
        report(path, `${label} already has an ipsec_customer_gateway for segment ${quote(segment)} (#${first + 1}); put all its customer gateways in one block`);
        return;
      }
      seen.set(segment, g);
      if (!options.includes(segment)) {
        report(path, `${label} has an ipsec_customer_gateway for segment ${quote(segment)}, which segment_options does not list; add segment_options for it or remove this block`);
      }
    });
    for (const segment of options) {
      if (!seen.has(segment)) {
        report(`instances.${i}.ipsec_customer_gateway`, `${label} has no ipsec_customer_gateway for segment ${quote(segment)}, which segment_options lists`);
      }
    }
  });
  return issues;
}

/**
 * Where a tunnel is: its design path and a human label. Both are built only
 * when a rule reads them (most tunnels have nothing to report).
 */
export interface TunnelSite {
  /** `instances.0.ipsec_customer_gateway.1.customer_gateway.0.tunnel.2` */
  readonly path: string;
  /** `Instance "a", gateway "gw", tunnel "t1"` */
  readonly label: string;
}

/** A value computed on first use, then remembered. */
function memo(compute: () => string): () => string {
  let value: string | undefined;
  return () => (value ??= compute());
}

class LazyTunnelSite implements TunnelSite {
  private cachedPath: string | undefined;
  private cachedLabel: string | undefined;

  constructor(
    /** `Instance "a", gateway "gw"`, shared by the gateway's tunnels. */
    private readonly gatewayLabel: () => string,
    private readonly gatewayPath: string,
    private readonly tunnel: Record<string, unknown>,
    private readonly t: number,
  ) {}

  get path(): string {
    this.cachedPath ??= `${this.gatewayPath}.tunnel.${this.t}`;
    return this.cachedPath;
  }

  get label(): string {
    if (this.cachedLabel === undefined) {
      const name = text(this.tunnel.name).trim() ? quote(this.tunnel.name) : `#${this.t + 1}`;
      this.cachedLabel = `${this.gatewayLabel()}, tunnel ${name}`;
    }
    return this.cachedLabel;
  }
}

/** Calls `visit` for every tunnel with where it is (see TunnelSite). */
export function eachTunnel(design: UncheckedDesign, visit: (tunnel: Record<string, unknown>, site: TunnelSite) => void): void {
  eachRecord(design.instances, (instance, i) => {
    const instanceName = memo(() => instanceLabel(instance, i));
    eachRecord(instance.ipsec_customer_gateway, (gateway, g) => {
      eachRecord(gateway.customer_gateway, (customerGateway, c) => {
        const gatewayPath = `instances.${i}.ipsec_customer_gateway.${g}.customer_gateway.${c}`;
        const gatewayLabel = memo(() => `${instanceName()}, gateway ${quote(text(customerGateway.name))}`);
        eachRecord(customerGateway.tunnel, (tunnel, t) => {
          visit(tunnel, new LazyTunnelSite(gatewayLabel, gatewayPath, tunnel, t));
        });
      });
    });
  });
}

/** Tunnel settings the service supports: IKEv2, FQDN remote identity with a valid FQDN, a numeric profile. */
export function tunnelSettingsSupported(design: UncheckedDesign): DesignIssue[] {
  const { issues, report } = issueCollector();
  eachTunnel(design, (tunnel, site) => {
    const ike = tunnel.ike_version;
    if (!(IKE_VERSIONS as readonly unknown[]).includes(ike) && !isUnset(ike) && !isReference(ike)) {
      report(`${site.path}.ike_version`, `${site.label}: ike_version must be "IKEv2" (the only version supported): ${quote(ike)} is not`);
    }
    const authType = tunnel.remote_auth_type;
    const authValue = tunnel.remote_auth_value;
    if (!(REMOTE_AUTH_TYPES as readonly unknown[]).includes(authType) && !isUnset(authType) && !isReference(authType)) {
      report(`${site.path}.remote_auth_type`, `${site.label}: remote_auth_type must be "FQDN" (the only type supported): ${quote(authType)} is not`);
    }
    if (isUnset(authType) && !isUnset(authValue)) {
      report(`${site.path}.remote_auth_type`, `${site.label}: remote_auth_value is set without remote_auth_type; set remote_auth_type = "FQDN"`);
    }
    // A stored value read back masked is the service's; it was judged when it was sent.
    if (authType === 'FQDN' && !isReference(authValue) && authValue !== STORED_SECRET_PLACEHOLDER) {
      if (isUnset(authValue)) {
        report(`${site.path}.remote_auth_value`, `${site.label}: remote_auth_type "FQDN" needs remote_auth_value, the peer's IKE identity such as vpn.example.com`);
      } else if (!isFqdn(text(authValue).trim())) {
        report(`${site.path}.remote_auth_value`, `${site.label}: remote_auth_value is not a valid FQDN (dot-separated labels of letters, digits and inner hyphens, e.g. vpn.example.com)`);
      }
    }
    const profile = readNumber(tunnel.profile_id);
    if (profile.kind === 'invalid' || (profile.kind === 'number' && (!Number.isInteger(profile.value) || profile.value < 1))) {
      report(`${site.path}.profile_id`, `${site.label}: profile_id ${quote(tunnel.profile_id)} must be the positive integer ID of an IPsec tunnel profile (or a reference such as \${alkira_connector_ipsec_tunnel_profile.x.id})`);
    }
  });
  return issues;
}
