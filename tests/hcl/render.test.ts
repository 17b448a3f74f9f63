import { describe, expect, it } from 'vitest';
import { listPskVariables, renderConnectorHcl } from '@/lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { emptyDesign, emptyInstance, emptyTunnel, type ConnectorDesign } from '@/lib/connector/design';
import { customerGatewayOf, instanceOf, segmentOptionOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

function templateDesign(id: string): ConnectorDesign {
  const found = DESIGN_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return structuredClone(found.design);
}

/** A minimal IPSEC design with one tunnel whose fields the test fills in. */
function ipsecDesign(tunnel: Partial<ReturnType<typeof emptyTunnel>>): ConnectorDesign {
  const design = templateDesign('multi-instance-ipsec');
  design.instances = [instanceOf(design)];
  customerGatewayOf(design).tunnel = [{ ...emptyTunnel(), name: 't1', ...tunnel }];
  return design;
}

const allPsks = (design: ConnectorDesign) =>
  design.instances.flatMap((i) =>
    (i.ipsec_customer_gateway ?? []).flatMap((g) =>
      g.customer_gateway.flatMap((c) => c.tunnel.map((t) => t.pre_shared_key ?? '')),
    ),
  );

describe('pre-shared keys', () => {
  it('become sensitive variables by default, and no key value appears in the HCL', () => {
    const design = templateDesign('multi-segment-ipsec');
    const hcl = renderConnectorHcl(design);
    for (const psk of allPsks(design)) expect(hcl).not.toContain(psk);
    expect(hcl).toContain('variable "multi_segment_psk_1" {\n  type      = string\n  sensitive = true\n}\n\n');
    expect(hcl).toContain('          pre_shared_key    = var.multi_segment_psk_1\n');
    // Variables come first, then a blank line, then the resource.
    expect(hcl).toMatch(/^variable "/);
    expect(hcl).toMatch(/}\n\nresource "alkira_connector_azure_expressroute" "multi_segment" {\n/);
  });

  it('declares exactly the variables listPskVariables reports, each referenced once', () => {
    const design = templateDesign('multi-instance-ipsec');
    const variables = listPskVariables(design);
    expect(variables).toEqual([
      {
        name: 'multi_instance_psk_1',
        path: 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key',
      },
      {
        name: 'multi_instance_psk_2',
        path: 'instances.1.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key',
      },
    ]);
    const hcl = renderConnectorHcl(design);
    const declared = [...hcl.matchAll(/^variable "([^"]+)"/gm)].map((m) => m[1]);
    const referenced = [...hcl.matchAll(/= var\.(\w+)$/gm)].map((m) => m[1]);
    expect(declared).toEqual(variables.map((v) => v.name));
    expect(referenced).toEqual(variables.map((v) => v.name));
  });

  it('are written literally with preSharedKeys: inline', () => {
    const design = templateDesign('multi-instance-ipsec');
    const hcl = renderConnectorHcl(design, { preSharedKeys: 'inline' });
    expect(hcl).not.toContain('variable "');
    expect(hcl).toContain('pre_shared_key    = "psk-prod-primary-123!"\n');
  });

  it('that are already expressions stay as they are and get no variable', () => {
    const design = ipsecDesign({ pre_shared_key: '${var.shared_psk}' });
    expect(listPskVariables(design)).toEqual([]);
    const hcl = renderConnectorHcl(design);
    expect(hcl).not.toContain('variable "');
    expect(hcl).toMatch(/ pre_shared_key += var\.shared_psk\n/);
  });

  it('that are malformed expressions are still kept out of the file', () => {
    const design = ipsecDesign({ pre_shared_key: '${"half-typed}' });
    const hcl = renderConnectorHcl(design);
    expect(listPskVariables(design)).toHaveLength(1);
    expect(hcl).not.toContain('half-typed');
  });

  it('get unique, valid names even when tunnels share or lack names', () => {
    const design = templateDesign('multi-instance-ipsec');
    design.resource_name = 'Prod Conn';
    const gateway = customerGatewayOf(design);
    gateway.name = 'GW #1';
    gateway.tunnel = [
      { ...emptyTunnel(), name: 'dup', pre_shared_key: 'a' },
      { ...emptyTunnel(), name: 'dup', pre_shared_key: 'b' },
      { ...emptyTunnel(), name: '', pre_shared_key: 'c' },
    ];
    const names = listPskVariables(design).map((v) => v.name);
    expect(names).toEqual(['prod_conn_psk_1', 'prod_conn_psk_2', 'prod_conn_psk_3', 'prod_conn_psk_4']);
    for (const name of names) expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it('keep their names when a gateway or tunnel is renamed (existing tfvars keep working)', () => {
    const design = templateDesign('multi-instance-ipsec');
    const before = listPskVariables(design);
    const gateway = customerGatewayOf(design);
    gateway.name = 'renamed-gateway';
    at(gateway.tunnel, 0).name = 'renamed-tunnel';
    instanceOf(design).name = 'renamed-instance';
    expect(listPskVariables(design)).toEqual(before);
  });
});

describe('values', () => {
  it('renders expressions bare, also inside lists next to numbers', () => {
    const design = templateDesign('ha-vxlan');
    design.billing_tag_ids = ['${alkira_billing_tag.production.id}', 42, '7'];
    const hcl = renderConnectorHcl(design);
    expect(hcl).toContain('  billing_tag_ids = [alkira_billing_tag.production.id, 42, 7]\n');
    expect(hcl).toContain('  group           = alkira_group.core_network.name\n');
  });

  it('renders numeric strings as numbers and anything else typed in a number field as a string', () => {
    const design = templateDesign('basic-vxlan-gpe');
    design.segment_options = [
      { segment_id: 'seg-a', customer_asn: '65010' },
      { segment_id: 'seg-b', customer_asn: '65O10' },
      { segment_id: 'seg-c', customer_asn: NaN },
    ];
    const hcl = renderConnectorHcl(design);
    expect(hcl).toContain('    segment_id   = "seg-a"\n    customer_asn = 65010\n');
    expect(hcl).toContain('    customer_asn = "65O10"\n');
    // A cleared number input (NaN) still shows the required attribute, empty.
    expect(hcl).toContain('    segment_id   = "seg-c"\n    customer_asn = ""\n');
  });

  it('omits empty optional strings and empty lists', () => {
    const design = emptyDesign();
    instanceOf(design).ipsec_customer_gateway = [
      { segment_id: 's', customer_gateway: [{ name: 'g', tunnel: [emptyTunnel()] }] },
    ];
    const hcl = renderConnectorHcl(design);
    for (const attr of [
      'description',
      'group',
      'billing_tag_ids',
      'gateway_mac_address',
      'virtual_network_interface',
      'pre_shared_key',
      'remote_auth_value',
      'profile_id',
    ]) {
      expect(hcl).not.toContain(attr);
    }
    expect(hcl).toContain('          ike_version      = "IKEv2"\n          remote_auth_type = "FQDN"\n');
  });

  it('keeps explicit non-default values when omitting defaults', () => {
    const design = templateDesign('basic-vxlan-gpe');
    design.enabled = false;
    design.tunnel_protocol = 'VXLAN';
    segmentOptionOf(design).disable_internet_exit = false;
    const hcl = renderConnectorHcl(design);
    expect(hcl).toContain('  enabled         = false\n');
    expect(hcl).toContain('  tunnel_protocol = "VXLAN"\n');
    expect(hcl).toContain('    disable_internet_exit    = false\n');
  });

  it('writes a half-typed or broken ${...} as the quoted text the user typed', () => {
    const design = templateDesign('basic-vxlan-gpe');
    segmentOptionOf(design).segment_id = '${lookup(var.segments, "prod"}';
    instanceOf(design).credential_id = '${ }';
    design.group = '${var.group # note}';
    const hcl = renderConnectorHcl(design);
    expect(hcl).toContain('segment_id               = "$${lookup(var.segments, \\"prod\\"}"\n');
    expect(hcl).toContain('credential_id           = "$${ }"\n');
    expect(hcl).toContain('group       = "$${var.group # note}"\n');
    design.description = "${C:\\temp or 'x'}";
    expect(renderConnectorHcl(design)).toContain('description = "$${C:\\\\temp or \'x\'}"\n');
  });

  it('writes well-formed expressions bare, including calls and strings with brackets', () => {
    const design = templateDesign('basic-vxlan-gpe');
    segmentOptionOf(design).segment_id = '${lookup(var.segments, "a)b", null)}';
    segmentOptionOf(design).customer_asn = '${var.asn["east"]}';
    const hcl = renderConnectorHcl(design);
    expect(hcl).toContain('segment_id               = lookup(var.segments, "a)b", null)\n');
    expect(hcl).toContain('customer_asn             = var.asn["east"]\n');
  });

  it('escapes what the user typed in strings', () => {
    const design = templateDesign('basic-vxlan-gpe');
    design.description = 'Tom\'s "prod" ${link}\nC:\\path';
    expect(renderConnectorHcl(design)).toContain('  description = "Tom\'s \\"prod\\" $${link}\\nC:\\\\path"\n');
  });
});

describe('layout', () => {
  it('separates attributes from blocks and sibling blocks by one blank line and ends with one newline', () => {
    const design = templateDesign('multi-instance-ipsec');
    const hcl = renderConnectorHcl(design, { preSharedKeys: 'inline' });
    expect(hcl).toContain('  group           = alkira_group.global_network.name\n\n  instances {\n');
    expect(hcl).toContain('    }\n  }\n\n  instances {\n');
    expect(hcl).toContain('      segment_id = alkira_segment.prod.id\n\n      customer_gateway {\n');
    expect(hcl).toContain('        name = "prod-gateway"\n\n        tunnel {\n');
    expect(hcl.endsWith('}\n')).toBe(true);
    expect(hcl.endsWith('\n\n')).toBe(false);
    expect(hcl).not.toMatch(/[ \t]\n/);
  });

  it('uses the nearest identifier when resource_name is not a valid label', () => {
    const design = templateDesign('basic-vxlan-gpe');
    design.resource_name = 'my conn $1';
    expect(renderConnectorHcl(design)).toMatch(/^resource "alkira_connector_azure_expressroute" "my_conn_1" \{\n/);
    design.resource_name = '';
    expect(renderConnectorHcl(design)).toMatch(/^resource "alkira_connector_azure_expressroute" "connector" \{\n/);
  });
});

describe('half-filled form state', () => {
  it('renders a blank form as a skeleton of the required attributes', () => {
    const design = emptyDesign();
    design.instances.push(emptyInstance());
    const hcl = renderConnectorHcl(design);
    expect(hcl).toContain('  name        = ""\n  size        = "SMALL"\n  vhub_prefix = ""\n  cxp         = ""\n');
    expect(hcl.match(/\n {2}instances \{\n/g)).toHaveLength(2);
  });

  it('does not throw on missing or wrongly typed fields', () => {
    const broken = [
      null,
      undefined,
      {},
      [],
      'x',
      { instances: 'nope', segment_options: [null, 3, {}] },
      { instances: [{ ipsec_customer_gateway: [{ customer_gateway: {} }] }] },
    ];
    for (const state of broken) {
      expect(() => renderConnectorHcl(state)).not.toThrow();
    }
  });
});
