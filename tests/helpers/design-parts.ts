/**
 * The nested blocks of a design a test reads or edits, each failing the test
 * with the block's position when the design does not have it (see ./present).
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { present } from './present';

/** Instance `i` of a design. */
export const instanceOf = (design: ConnectorDesign, i = 0) => present(design.instances[i], `instance ${i}`);

/** The IPsec gateways of instance `i`. */
export const gatewaysOf = (design: ConnectorDesign, i = 0) =>
  present(design.instances[i]?.ipsec_customer_gateway, `IPsec gateways of instance ${i}`);

/** The IPsec gateway `g` of instance `i`. */
export const gatewayOf = (design: ConnectorDesign, g = 0, i = 0) =>
  present(gatewaysOf(design, i)[g], `IPsec gateway ${g} of instance ${i}`);

/** A tunnel by its position; every index is 0 unless given. */
export function tunnelOf(
  design: ConnectorDesign,
  where: { instance?: number; gateway?: number; customerGateway?: number; tunnel?: number } = {},
) {
  const { instance = 0, gateway = 0, customerGateway = 0, tunnel = 0 } = where;
  const found =
    design.instances[instance]?.ipsec_customer_gateway?.[gateway]?.customer_gateway[customerGateway]?.tunnel[tunnel];
  return present(
    found,
    `tunnel instances.${instance}.ipsec_customer_gateway.${gateway}.customer_gateway.${customerGateway}.tunnel.${tunnel}`,
  );
}

/** Segment option `i` of a design. */
export const segmentOptionOf = (design: ConnectorDesign, i = 0) =>
  present(design.segment_options[i], `segment option ${i}`);

/** Customer gateway `c` of IPsec gateway `g` of instance `i`. */
export const customerGatewayOf = (design: ConnectorDesign, c = 0, g = 0, i = 0) =>
  present(gatewayOf(design, g, i).customer_gateway[c], `customer gateway ${c} of IPsec gateway ${g} of instance ${i}`);
