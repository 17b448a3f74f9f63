/**
 * Lossless edits of one connector resource inside a commented file with
 * several resources: only the expected lines differ, and terraform fmt
 * leaves the result unchanged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectorDesign } from '@/lib/connector/design';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { connectorBlocks } from '@/lib/connector/hcl/document/operations';
import { HclDocumentError, UnknownResourceError, updateConnectorInHcl } from '@/lib/connector/hcl/document/update';
import { parseHcl } from '@/lib/hcl/parser';
import { terraformFmt } from './terraform-fmt';
import { customerGatewayOf, instanceOf, segmentOptionOf, tunnelOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

const EXAMPLE_3 = readFileSync(path.join(__dirname, '..', 'hcl-parse', 'fixtures', 'example-3.tf'), 'utf8');

/** Example 3 between a provider, a variable, a second connector and another provider's resource, all commented. */
const FILE = `# Alkira tenant
provider "alkira" {
  portal = "acme.portal.alkira.com" # the tenant
}

variable "edge_psk" {
  type      = string
  sensitive = true
}

${EXAMPLE_3}
# The second site
resource "alkira_connector_azure_expressroute" "second" {
  name        = "second-site"
  size        = "LARGE"
  vhub_prefix = "10.140.0.0/23"
  cxp         = "USEAST-AZURE-1"

  instances {
    name                      = "edge"
    expressroute_circuit_id   = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/edge"
    loopback_subnet           = "192.168.40.0/26"
    credential_id             = "cred-1"
    gateway_mac_address       = ["00:11:22:33:44:55"]
    virtual_network_interface = [16777215]
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16" # keep me
}
`;

function designOf(text: string, label: string): ConnectorDesign {
  const found = parseConnectorHcl(text).designs.find((d) => d.resource_name === label);
  if (!found) throw new Error(`no resource ${label}`);
  return structuredClone(found.design);
}

/** The lines that differ, as [removed, added] lists (a line-level diff by longest common subsequence). */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  const cell = (i: number, j: number) => at(at(table, i), j);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      at(table, i)[j] = a[i] === b[j] ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1));
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && cell(i + 1, j) >= cell(i, j + 1))) removed.push(at(a, i++));
    else added.push(at(b, j++));
  }
  return { removed, added };
}

function edit(
  label: string,
  change: (d: ConnectorDesign) => void,
  options = {},
): { text: string; removed: string[]; added: string[] } {
  const design = designOf(FILE, label);
  change(design);
  const text = updateConnectorInHcl(FILE, design, { resource: label, ...options });
  expect(terraformFmt(text)).toBe(text);
  return { text, ...lineDiff(FILE, text) };
}

const tunnel0 = (d: ConnectorDesign) => tunnelOf(d);

describe('the fixture file', () => {
  it('is terraform fmt clean and holds two connectors', () => {
    expect(terraformFmt(FILE)).toBe(FILE);
    expect(connectorBlocks(parseHcl(FILE)).map((b) => at(b.labels, 1).value)).toEqual(['multi_segment', 'second']);
  });

  it('comes back byte for byte when nothing changed', () => {
    expect(updateConnectorInHcl(FILE, designOf(FILE, 'second'), { resource: 'second' })).toBe(FILE);
    expect(updateConnectorInHcl(FILE, designOf(FILE, 'multi_segment'), { resource: 'multi_segment' })).toBe(FILE);
  });
});

describe('scalar attributes', () => {
  it('change: only that line, the trailing comment kept', () => {
    const r = edit('multi_segment', (d) => (d.tunnel_protocol = 'VXLAN_GPE'));
    expect(r.removed).toEqual(['  tunnel_protocol = "IPSEC" # Using IPsec for tunnel protocol']);
    expect(r.added).toEqual(['  tunnel_protocol = "VXLAN_GPE" # Using IPsec for tunnel protocol']);
  });

  it('add: in the canonical place, and the run re-aligned as fmt does', () => {
    const r = edit('second', (d) => (d.description = 'Second site'));
    expect(r.added).toContain('  description = "Second site"');
    expect(r.text).toContain('  name        = "second-site"\n  description = "Second site"\n  size        = "LARGE"');
  });

  it('remove: the line vanishes, the other lines stay', () => {
    const r = edit('multi_segment', (d) => (d.group = undefined));
    expect(r.removed).toEqual(['  group           = alkira_group.security.name']);
    expect(r.added).toEqual([]);
  });

  it('a longer name re-aligns its run and nothing else', () => {
    const r = edit('second', (d) => (d.tunnel_protocol = 'IPSEC'));
    expect(r.added).toEqual([
      '  name            = "second-site"',
      '  size            = "LARGE"',
      '  vhub_prefix     = "10.140.0.0/23"',
      '  cxp             = "USEAST-AZURE-1"',
      '  tunnel_protocol = "IPSEC"',
    ]);
    expect(r.removed).toHaveLength(4);
  });

  it('a value the form holds differently but that renders the same keeps its bytes ("65003" stays quoted)', () => {
    const design = designOf(FILE, 'multi_segment');
    segmentOptionOf(design).customer_asn = '65003';
    segmentOptionOf(design, 1).customer_asn = 65004;
    expect(updateConnectorInHcl(FILE, design, { resource: 'multi_segment' })).toBe(FILE);
  });

  it('an explicit default stays written when changed back and forth', () => {
    const r = edit('multi_segment', (d) => (d.enabled = false));
    expect(r.removed).toEqual(['  enabled         = true']);
    expect(r.added).toEqual(['  enabled         = false']);
  });
});

describe('lists', () => {
  it('change, add and remove', () => {
    const changed = edit('second', (d) => (instanceOf(d).gateway_mac_address = ['00:11:22:33:44:66']));
    expect(changed.removed).toEqual(['    gateway_mac_address       = ["00:11:22:33:44:55"]']);
    expect(changed.added).toEqual(['    gateway_mac_address       = ["00:11:22:33:44:66"]']);
    const added = edit('multi_segment', (d) => (d.billing_tag_ids = [101, 102]));
    expect(added.added).toEqual(['  billing_tag_ids = [101, 102]']);
    expect(added.removed).toEqual([]);
    const removed = edit('second', (d) => (instanceOf(d).virtual_network_interface = []));
    expect(removed.removed).toContain('    virtual_network_interface = [16777215]');
    expect(removed.added.every((l) => /^ {4}\w+ += /.test(l))).toBe(true);
  });
});

describe('nested blocks', () => {
  it('change inside a deep block touches one line', () => {
    const r = edit('multi_segment', (d) => (tunnel0(d).profile_id = 20));
    expect(r.removed).toEqual(['          profile_id        = 10']);
    expect(r.added).toEqual(['          profile_id        = 20']);
  });

  it('add a block: rendered after its siblings; comments elsewhere stay', () => {
    const r = edit('multi_segment', (d) =>
      d.segment_options.push({
        segment_id: '${alkira_segment.extra.id}',
        customer_asn: 65005,
        disable_internet_exit: true,
        advertise_on_prem_routes: false,
      }),
    );
    expect(r.removed).toEqual([]);
    expect(r.added).toEqual([
      '',
      '  segment_options {',
      '    segment_id   = alkira_segment.extra.id',
      '    customer_asn = 65005',
      '  }',
    ]);
  });

  it('remove a middle block: it goes with its lead comment, the next block is untouched', () => {
    const r = edit('multi_segment', (d) => d.segment_options.splice(0, 1));
    expect(r.added).toEqual([]);
    expect(r.removed[0]).toBe('  # Global segment options for DMZ');
    expect(r.removed).toContain('    customer_asn             = "65003"');
    expect(r.text).toContain('  # Global segment options for internal\n  segment_options {');
  });
});

describe('stored secrets', () => {
  it('a stored key or remote auth value becomes a variable, never text, whatever the key option', async () => {
    for (const preSharedKeys of ['variable', 'inline'] as const) {
      const design = designOf(FILE, 'multi_segment');
      tunnel0(design).pre_shared_key = STORED_SECRET;
      tunnel0(design).remote_auth_value = STORED_SECRET;
      const text = updateConnectorInHcl(FILE, design, { resource: 'multi_segment', preSharedKeys });
      expect(text).not.toContain('stored');
      expect(text).toMatch(/remote_auth_value = var\.multi_segment_remote_auth_value_1\n/);
      expect(text).toContain('variable "multi_segment_remote_auth_value_1" {');
      expect(await terraformFmt(text)).toBe(text);
    }
  });
});

describe('sensitive pre-shared keys', () => {
  it('an inline key stays inline when changed', () => {
    const r = edit('multi_segment', (d) => (tunnel0(d).pre_shared_key = 'new-key-1'));
    expect(r.added).toEqual(['          pre_shared_key    = "new-key-1"']);
  });

  it('a key kept in a variable is not pulled into the file', () => {
    const withVar = FILE.replace('pre_shared_key    = "psk-dmz-primary-123!"', 'pre_shared_key    = var.edge_psk');
    const design = designOf(withVar, 'multi_segment');
    tunnel0(design).pre_shared_key = 'typed-in-the-form';
    customerGatewayOf(design).name = 'renamed';
    const text = updateConnectorInHcl(withVar, design, { resource: 'multi_segment' });
    expect(text).toContain('pre_shared_key    = var.edge_psk');
    expect(text).not.toContain('typed-in-the-form');
    expect(lineDiff(withVar, text).added).toEqual(['        name = "renamed"']);
  });

  it('a new key becomes a variable named by label and counter, which survives a gateway rename', () => {
    const first = edit('second', (d) => {
      d.tunnel_protocol = 'IPSEC';
      instanceOf(d).ipsec_customer_gateway = [
        { segment_id: 'seg', customer_gateway: [{ name: 'gw-a', tunnel: [{ name: 't1', pre_shared_key: 'k-1' }] }] },
      ];
    });
    expect(first.text).toContain('pre_shared_key = var.second_psk_1');
    expect(first.text).toContain('variable "second_psk_1" {\n  type      = string\n  sensitive = true\n}');
    expect(first.text).not.toContain('k-1');
    const design = designOf(first.text, 'second');
    customerGatewayOf(design).name = 'gw-renamed';
    customerGatewayOf(design).tunnel.push({ name: 't2', pre_shared_key: 'k-2' });
    const second = updateConnectorInHcl(first.text, design, { resource: 'second' });
    expect(second).toContain('pre_shared_key = var.second_psk_1');
    expect(second).toContain('pre_shared_key = var.second_psk_2');
    expect(terraformFmt(second)).toBe(second);
    // Removing the tunnel drops its now unused variable.
    const third = designOf(second, 'second');
    customerGatewayOf(third).tunnel.splice(1, 1);
    const after = updateConnectorInHcl(second, third, { resource: 'second' });
    expect(after).not.toContain('second_psk_2');
    expect(after).toContain('variable "second_psk_1"');
    expect(terraformFmt(after)).toBe(after);
  });
});

describe('what cannot be edited', () => {
  it('names the resource it cannot find, or asks which one', () => {
    expect(() => updateConnectorInHcl(FILE, designOf(FILE, 'second'), { resource: 'nope' })).toThrow(
      UnknownResourceError,
    );
    expect(() => updateConnectorInHcl(FILE, designOf(FILE, 'second'))).toThrow(
      /2 alkira_connector_azure_expressroute resources/,
    );
  });

  it('refuses a file whose structure is broken, without echoing its text', () => {
    const broken = FILE.replace('cidr_block = "10.0.0.0/16"', 'cidr_block = "10.0.0.0/16');
    expect(() => updateConnectorInHcl(broken, designOf(FILE, 'second'), { resource: 'second' })).toThrow(
      HclDocumentError,
    );
  });
});
