/** VXLAN-only attributes: gateway MAC addresses and virtual network interfaces (VNIs). */
import { type UncheckedBody, type DesignIssue } from '../design';
import { isMacAddress, isMulticastMac } from '../net';
import {
  eachRecord,
  instanceLabel,
  isUnset,
  issueCollector,
  items,
  knownTunnelProtocol,
  quote,
  readNumber,
  text,
  isReference,
} from './values';

export const VNI_MIN = 16773023;
export const VNI_MAX = 16777215;

function protocolPhrase(design: UncheckedBody): string {
  return `tunnel_protocol is ${quote(design.tunnel_protocol || 'VXLAN_GPE')}${design.tunnel_protocol ? '' : ' (the default)'}`;
}

/**
 * `gateway_mac_address` only with VXLAN; each a unicast `XX:XX:XX:XX:XX:XX`;
 * with VXLAN exactly one, or exactly two with `redundant_router`.
 */
export function gatewayMacAddressesValid(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  const protocol = knownTunnelProtocol(design);
  eachRecord(design.instances, (instance, i) => {
    const at = `instances.${i}.gateway_mac_address`;
    const label = instanceLabel(instance, i);
    const macs = items(instance.gateway_mac_address);
    const filled = macs.filter((mac) => !isUnset(mac));
    if (protocol !== null && protocol !== 'VXLAN' && filled.length > 0) {
      report(
        at,
        `${label}: gateway_mac_address is only used with tunnel_protocol = "VXLAN", but ${protocolPhrase(design)}; remove the MAC addresses or switch to VXLAN`,
      );
    }
    macs.forEach((mac, k) => {
      // A blank row only matters where MACs are used (hidden form rows otherwise).
      if (isReference(mac) || (protocol !== 'VXLAN' && isUnset(mac))) return;
      const written = text(mac).trim();
      if (!isMacAddress(written)) {
        report(
          `${at}.${k}`,
          `${label}: gateway MAC address ${quote(mac)} must be six hex octets separated by colons, e.g. 00:1A:2B:3C:4D:5E`,
        );
      } else if (isMulticastMac(written)) {
        report(
          `${at}.${k}`,
          `${label}: gateway MAC address ${written} is a multicast address (first octet is odd); a gateway needs a unicast MAC`,
        );
      }
    });
    // An expression redundant_router (`${var.ha}`) can't be evaluated here: skip the count.
    if (protocol === 'VXLAN' && !isReference(instance.redundant_router)) {
      const redundant = instance.redundant_router === true;
      const expected = redundant ? 2 : 1;
      if (macs.length !== expected) {
        const why = redundant
          ? 'with redundant_router = true, give exactly two (one per customer router)'
          : 'without redundant_router, give exactly one (two only with redundant_router = true)';
        report(
          at,
          `${label}: tunnel_protocol "VXLAN" needs the customer VXLAN gateway MAC address — ${why}; it has ${macs.length}`,
        );
      }
    }
  });
  return issues;
}

/** `virtual_network_interface` only with VXLAN; each an integer VNI in the Alkira range, unique across the connector. */
export function virtualNetworkInterfacesValid(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  const protocol = knownTunnelProtocol(design);
  const firstUse = new Map<number, string>();
  eachRecord(design.instances, (instance, i) => {
    const at = `instances.${i}.virtual_network_interface`;
    const label = instanceLabel(instance, i);
    const vnis = items(instance.virtual_network_interface);
    if (protocol !== null && protocol !== 'VXLAN' && vnis.some((vni) => !isUnset(vni))) {
      report(
        at,
        `${label}: virtual_network_interface is only used with tunnel_protocol = "VXLAN", but ${protocolPhrase(design)}; remove the VNIs or switch to VXLAN`,
      );
    }
    vnis.forEach((vni, k) => {
      const reading = readNumber(vni);
      if (reading.kind === 'expression' || (protocol !== 'VXLAN' && reading.kind === 'unset')) return;
      if (
        reading.kind !== 'number' ||
        !Number.isInteger(reading.value) ||
        reading.value < VNI_MIN ||
        reading.value > VNI_MAX
      ) {
        report(
          `${at}.${k}`,
          `${label}: virtual_network_interface ${quote(vni)} must be an integer VNI from ${VNI_MIN} to ${VNI_MAX}`,
        );
        return;
      }
      const earlier = firstUse.get(reading.value);
      if (earlier) {
        report(
          `${at}.${k}`,
          `${label}: VNI ${reading.value} is already used by ${earlier}; VNIs must be unique across the connector`,
        );
      } else firstUse.set(reading.value, `${label} (virtual_network_interface #${k + 1})`);
    });
  });
  return issues;
}
