/**
 * Where the form puts attributes when the description's defaults are not
 * enough: a more specific label, a wider cell, monospace, a placeholder, list
 * wording, or "placed elsewhere" (rendered by its own section). Keyed by
 * schema path (`instances.loopback_subnet`). Everything else about a field —
 * its input kind, enum values, required mark, help, reference picker — comes
 * from the resource description (lib/connector/resource), so an attribute
 * added there appears in the form without an entry here.
 */
import type { ReferenceKind } from '@/lib/connector/resource';
import type { CatalogKind } from '@/lib/client/types';

export interface FieldLayout {
  label?: string;
  className?: string;
  mono?: boolean;
  placeholder?: string;
  /** Lists: how one row is named ("Remove <itemLabel> 2") and the add button's text. */
  itemLabel?: string;
  addLabel?: string;
  /** Rendered by its own section, not with the other attributes of its body. */
  placedElsewhere?: true;
}

const WIDE = 'sm:col-span-2';

export const FIELD_LAYOUT: Readonly<Record<string, FieldLayout>> = {
  description: { className: `${WIDE} xl:col-span-3` },
  vhub_prefix: { mono: true, placeholder: '10.130.0.0/23' },
  billing_tag_ids: { placedElsewhere: true, itemLabel: 'Billing tag', addLabel: 'Add billing tag' },
  'instances.name': { label: 'Instance name' },
  'instances.expressroute_circuit_id': {
    label: 'ExpressRoute circuit ID',
    mono: true,
    placeholder: '/subscriptions/…/expressRouteCircuits/…',
    className: WIDE,
  },
  'instances.loopback_subnet': { mono: true, placeholder: '192.168.20.0/26' },
  'instances.gateway_mac_address': {
    label: 'Gateway MAC addresses',
    itemLabel: 'Gateway MAC address',
    addLabel: 'Add MAC',
    placeholder: '00:1A:2B:3C:4D:5E',
  },
  'instances.virtual_network_interface': {
    label: 'Virtual network interfaces (VNI)',
    itemLabel: 'VNI',
    addLabel: 'Add VNI',
    placeholder: '16774000',
  },
  'instances.ipsec_customer_gateway.segment_id': { placedElsewhere: true },
  'instances.ipsec_customer_gateway.customer_gateway.name': { placedElsewhere: true },
  'instances.ipsec_customer_gateway.customer_gateway.tunnel.name': { label: 'Tunnel name' },
  'instances.ipsec_customer_gateway.customer_gateway.tunnel.remote_auth_value': { className: `${WIDE} xl:col-span-3` },
  'segment_options.customer_asn': { placeholder: '65001' },
};

/** The tenant catalog a reference kind is picked from. */
export const CATALOG_OF: Readonly<Record<ReferenceKind, CatalogKind>> = {
  segment: 'segments',
  credential: 'credentials',
  group: 'groups',
  billing_tag: 'billing-tags',
  tunnel_profile: 'ipsec-tunnel-profiles',
  cxp: 'cxps',
};

/** An example expression per reference kind, for designs meant only for HCL export. */
export const EXPRESSION_EXAMPLE: Readonly<Record<ReferenceKind, string>> = {
  segment: '${alkira_segment.prod.id}',
  credential: '${alkira_credential_azure_vnet.prod.id}',
  group: '${alkira_group.networking.name}',
  billing_tag: '${alkira_billing_tag.production.id}',
  tunnel_profile: '${alkira_ipsec_tunnel_profile.default.id}',
  cxp: '${var.cxp}',
};
