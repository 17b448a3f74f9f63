/**
 * Values of the tunnel protocol not in use. The designer keeps them while the
 * user tries another protocol (switching back restores them), but they are
 * neither validated, rendered nor sent: the design that counts is the one
 * without them.
 */
import { effectiveTunnelProtocol, type ConnectorDesign, type InstanceDesign } from './design';

function hasItems(list: unknown): boolean {
  return Array.isArray(list) && list.length > 0;
}

/** The design as the selected protocol sees it (the same object when nothing is hidden). */
export function withoutInactiveProtocolValues(design: ConnectorDesign): ConnectorDesign {
  const protocol = effectiveTunnelProtocol(design);
  const instances = Array.isArray(design.instances) ? design.instances : [];
  let changed = false;
  const kept = instances.map((inst) => {
    if (!inst || typeof inst !== 'object') return inst;
    const dropVxlan = protocol !== 'VXLAN' && (hasItems(inst.gateway_mac_address) || hasItems(inst.virtual_network_interface));
    const dropIpsec = protocol !== 'IPSEC' && hasItems(inst.ipsec_customer_gateway);
    if (!dropVxlan && !dropIpsec) return inst;
    changed = true;
    const next: InstanceDesign = { ...inst };
    if (dropVxlan) {
      next.gateway_mac_address = [];
      next.virtual_network_interface = [];
    }
    if (dropIpsec) next.ipsec_customer_gateway = [];
    return next;
  });
  return changed ? { ...design, instances: kept } : design;
}

/**
 * `parsed` (e.g. from the HCL editor, which only shows the active protocol)
 * with the hidden values of `current` put back, instance by instance, where
 * `parsed` has none of its own.
 */
export function keepInactiveProtocolValues(parsed: ConnectorDesign, current: ConnectorDesign): ConnectorDesign {
  const protocol = effectiveTunnelProtocol(parsed);
  if (!Array.isArray(parsed.instances)) return parsed;
  const instances = parsed.instances.map((inst, i) => {
    const before = current.instances?.[i];
    if (!inst || typeof inst !== 'object' || !before) return inst;
    const next: InstanceDesign = { ...inst };
    if (protocol !== 'VXLAN') {
      if (!hasItems(inst.gateway_mac_address) && hasItems(before.gateway_mac_address)) next.gateway_mac_address = before.gateway_mac_address;
      if (!hasItems(inst.virtual_network_interface) && hasItems(before.virtual_network_interface))
        next.virtual_network_interface = before.virtual_network_interface;
    }
    if (protocol !== 'IPSEC' && !hasItems(inst.ipsec_customer_gateway) && hasItems(before.ipsec_customer_gateway))
      next.ipsec_customer_gateway = before.ipsec_customer_gateway;
    return next;
  });
  return { ...parsed, instances };
}
