/** Required attributes, the resource label, and the enumerated attributes. */
import { CONNECTOR_SIZES, TUNNEL_PROTOCOLS, type UncheckedBody, type DesignIssue } from '../design';
import { isTerraformIdentifier } from '../net';
import { eachRecord, instanceLabel, isUnset, issueCollector, quote, text, isReference } from './values';

/** Every attribute the provider marks Required must be filled in. */
export function requiredFieldsPresent(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  const need = (value: unknown, path: string, what: string) => {
    if (isUnset(value)) report(path, `${what} is required`);
  };
  need(design.name, 'name', 'name (the connector name)');
  need(design.size, 'size', `size (one of ${CONNECTOR_SIZES.join(', ')})`);
  need(design.vhub_prefix, 'vhub_prefix', 'vhub_prefix (an IPv4 /23 for the virtual hub, e.g. 10.130.0.0/23)');
  need(design.cxp, 'cxp', 'cxp (the CXP to provision in, e.g. USWEST-AZURE-1)');
  eachRecord(design.instances, (instance, i) => {
    const at = `instances.${i}`;
    need(instance.name, `${at}.name`, `Instance #${i + 1}: name`);
    const label = instanceLabel(instance, i);
    need(
      instance.expressroute_circuit_id,
      `${at}.expressroute_circuit_id`,
      `${label}: expressroute_circuit_id (the Azure resource ID of the circuit)`,
    );
    need(
      instance.loopback_subnet,
      `${at}.loopback_subnet`,
      `${label}: loopback_subnet (an IPv4 /26, e.g. 192.168.20.0/26)`,
    );
    need(instance.credential_id, `${at}.credential_id`, `${label}: credential_id (an Azure VNET credential)`);
    eachRecord(instance.ipsec_customer_gateway, (gateway, g) => {
      const gat = `${at}.ipsec_customer_gateway.${g}`;
      need(gateway.segment_id, `${gat}.segment_id`, `${label}, ipsec_customer_gateway #${g + 1}: segment_id`);
      eachRecord(gateway.customer_gateway, (customerGateway, c) => {
        const cat = `${gat}.customer_gateway.${c}`;
        need(customerGateway.name, `${cat}.name`, `${label}, customer_gateway #${c + 1}: name`);
        eachRecord(customerGateway.tunnel, (tunnel, t) => {
          // Inlined `need`: the message quotes the gateway name, so it is built only when reported.
          if (isUnset(tunnel.name))
            report(
              `${cat}.tunnel.${t}.name`,
              `${label}, customer_gateway ${quote(text(customerGateway.name))}, tunnel #${t + 1}: name is required`,
            );
        });
      });
    });
  });
  eachRecord(design.segment_options, (option, s) => {
    need(option.segment_id, `segment_options.${s}.segment_id`, `segment_options #${s + 1}: segment_id`);
    need(option.customer_asn, `segment_options.${s}.customer_asn`, `segment_options #${s + 1}: customer_asn`);
  });
  return issues;
}

/** The HCL resource label must be a valid Terraform identifier. */
export function resourceNameIsIdentifier(design: UncheckedBody): DesignIssue[] {
  const name = text(design.resource_name);
  if (isUnset(design.resource_name)) {
    return [
      { path: 'resource_name', message: 'resource_name (the Terraform resource label) is required, e.g. expressroute' },
    ];
  }
  if (isTerraformIdentifier(name)) return [];
  const suggestion = name
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^(?=[0-9-])/, '_');
  return [
    {
      path: 'resource_name',
      message: `resource_name must be a Terraform identifier (a letter or underscore, then letters, digits, underscores or dashes): ${quote(name)} is not — try ${quote(suggestion)}`,
    },
  ];
}

function enumIssue(path: string, attribute: string, value: unknown, allowed: readonly string[]): DesignIssue[] {
  if (isUnset(value) || isReference(value) || allowed.includes(value as string)) return [];
  const close = allowed.find((option) => option.toUpperCase() === text(value).trim().toUpperCase());
  const hint = close ? ` — did you mean ${quote(close)}?` : '';
  return [{ path, message: `${attribute} must be one of ${allowed.join(', ')}: ${quote(value)} is not${hint}` }];
}

/** `size` and `tunnel_protocol` take only the provider's values (unset tunnel_protocol means VXLAN_GPE). */
export function enumeratedFieldsAllowed(design: UncheckedBody): DesignIssue[] {
  return [
    ...enumIssue('size', 'size', design.size, CONNECTOR_SIZES),
    ...enumIssue('tunnel_protocol', 'tunnel_protocol', design.tunnel_protocol, TUNNEL_PROTOCOLS),
  ];
}
