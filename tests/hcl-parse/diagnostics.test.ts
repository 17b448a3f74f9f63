/** What the importer tells the user about a .tf file, and what it makes of the values. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { connector, errorsOf, parseOne, positionOf } from './helpers';

describe('whole files', () => {
  it('imports every connector resource and notes each other block it ignores', () => {
    const text = `terraform {
  required_providers {
    alkira = { source = "alkira-net/alkira" }
  }
}

provider "alkira" {}

variable "psk" {
  sensitive = true
}

data "alkira_group" "core" {
  name = "core"
}

locals {
  region = "west"
}

resource "aws_vpc" "main" {}

import {
  to = alkira_connector_azure_expressroute.first
  id = "42"
}

moved {
  from = alkira_connector_azure_expressroute.old
  to   = alkira_connector_azure_expressroute.first
}

${connector('first')}
// a comment
/* and another */
${connector('second')}`;
    const { designs, diagnostics } = parseConnectorHcl(text);
    expect(designs.map((d) => d.resource_name)).toEqual(['first', 'second']);
    expect(designs.map((d) => d.line)).toEqual([positionOf(text, '"first" {').line, positionOf(text, '"second" {').line]);
    expect(errorsOf(diagnostics)).toEqual([]);
    const notes = diagnostics.filter((d) => d.severity === 'info');
    expect(notes.map((d) => d.line)).toEqual([1, 7, 9, 13, 17, 21, 23, 28]);
    expect(notes.map((d) => d.message.split(':')[0])).toEqual([
      'Ignored terraform block',
      'Ignored provider block "alkira"',
      'Ignored variable block "psk"',
      'Ignored data source "alkira_group" "core"',
      'Ignored locals block',
      'Ignored resource "aws_vpc" "main"',
      'Ignored import block',
      'Ignored moved block',
    ]);
  });

  it('reports a resource without a name label at its header, and a duplicate name at the second', () => {
    const text = `resource "alkira_connector_azure_expressroute" {\n}\n${connector('dup')}${connector('dup')}`;
    const { designs, diagnostics } = parseConnectorHcl(text);
    expect(designs).toHaveLength(3);
    const missing = diagnostics.find((d) => d.message.includes('needs a name label'))!;
    expect(missing).toMatchObject({ severity: 'error', line: 1, column: 1, path: 'resource_name' });
    const duplicate = diagnostics.find((d) => d.message.startsWith('Duplicate resource'))!;
    expect(duplicate.line).toBe(text.split('\n').findLastIndex((l) => l.includes('"dup"')) + 1);
  });
});

describe('values', () => {
  it('converts numbers and bools written as strings, as Terraform does', () => {
    const { design, diagnostics } = parseOne(
      connector('s', '  enabled = "false"\n  billing_tag_ids = ["12", 13]', '    disable_internet_exit = "true"').replace('customer_asn = 65001', 'customer_asn = "65001"'),
    );
    expect(errorsOf(diagnostics)).toEqual([]);
    expect(design.enabled).toBe(false);
    expect(design.billing_tag_ids).toEqual([12, 13]);
    expect(design.segment_options).toEqual([expect.objectContaining({ customer_asn: 65001, disable_internet_exit: true })]);
  });

  it('reports a string that is not a number at its value', () => {
    const text = connector('n').replace('customer_asn = 65001', 'customer_asn = "65oo1"');
    const { diagnostics } = parseConnectorHcl(text);
    const errors = errorsOf(diagnostics);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'segment_options.0.customer_asn', ...positionOf(text, '"65oo1"') });
    expect(errors[0].message).toMatch(/^customer_asn must be a number/);
  });

  it('keeps references, function calls, conditionals and templates verbatim as ${…}', () => {
    const { design, diagnostics } = parseOne(
      connector(
        'e',
        [
          '  description     = "${var.env}-connector"',
          '  group           = data.alkira_group.core.name',
          '  tunnel_protocol = var.ha ? "VXLAN" : "VXLAN_GPE"',
          '  billing_tag_ids = [alkira_billing_tag.prod.id, 7]',
        ].join('\n'),
      ).replace('name        = "c-e"', 'name        = lower("C-E")'),
    );
    expect(design).toMatchObject({
      name: '${lower("C-E")}',
      description: '${"${var.env}-connector"}',
      group: '${data.alkira_group.core.name}',
      tunnel_protocol: '${var.ha ? "VXLAN" : "VXLAN_GPE"}',
      billing_tag_ids: ['${alkira_billing_tag.prod.id}', 7],
    });
    expect(design.instances).toEqual([expect.objectContaining({ credential_id: '${alkira_credential_azure_vnet.prod.id}' })]);
    expect(errorsOf(diagnostics)).toEqual([]);
  });

  it('decodes escapes, and keeps a literal ${…} text distinct from an expression', () => {
    const { design } = parseOne(connector('x', '  description = "say \\"hi\\"\\t\\\\ \\u00e9 $${var.not_a_ref} %%{x}"'));
    expect(design.description).toBe('say "hi"\t\\ é ${var.not_a_ref} %{x}');
    const whole = parseOne(connector('y', '  description = "$${var.literal}"')).design;
    // The design model reads a bare "${…}" string as an expression, so the literal is stored as the quoted template.
    expect(whole.description).toBe('${"$${var.literal}"}');
    expect(renderConnectorHcl(parseOne(connector('y', '  description = "$${var.literal}"')).design as never)).toContain('description = "$${var.literal}"');
  });
});

describe('diagnostics', () => {
  it('points a syntax error at the offending token', () => {
    const text = connector('bad').replace('size        = "SMALL"', 'size        = = "SMALL"');
    const { diagnostics } = parseConnectorHcl(text);
    const syntax = diagnostics.filter((d) => d.message.startsWith('Syntax error'));
    expect(syntax).toHaveLength(1);
    expect(syntax[0].message).toBe('Syntax error: unexpected "="');
    const line = positionOf(text, 'size').line;
    expect(syntax[0]).toMatchObject({ severity: 'error', line, column: 17 });
  });

  it('reports a duplicate attribute at the second occurrence', () => {
    const text = connector('d', '  cxp = "EUWEST-AZURE-1"');
    const { design, diagnostics } = parseOne(text);
    const dup = errorsOf(diagnostics);
    expect(dup).toHaveLength(1);
    expect(dup[0].message).toContain(`already set on line ${positionOf(text, 'cxp').line}`);
    expect(dup[0].line).toBe(positionOf(text, 'cxp = "EUWEST').line);
    expect(design.cxp).toBe('USWEST-AZURE-1');
  });

  it('reports wrong types without echoing secrets', () => {
    const text = connector('w', '  enabled = "maybe"\n  description = ["a", "b"]').replace(
      '    credential_id',
      '    gateway_mac_address = "00:1A:2B:3C:4D:5E"\n    credential_id',
    );
    const errors = errorsOf(parseConnectorHcl(text).diagnostics);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['enabled', 'enabled must be true or false: "maybe" is not'],
      ['description', 'description must be a string, not a list'],
      ['instances.0.gateway_mac_address', 'gateway_mac_address must be a list of strings, not "00:1A:2B:3C:4D:5E"'],
    ]);
    const psk = parseConnectorHcl(
      connector('p').replace('  instances {', '  instances {\n    ipsec_customer_gateway {\n      segment_id = "s"\n      customer_gateway {\n        name = "g"\n        tunnel {\n          name = "t"\n          pre_shared_key = 12345\n          pre_shared_key = ["hunter2-secret"]\n        }\n      }\n    }'),
    );
    for (const d of psk.diagnostics) expect(d.message).not.toMatch(/hunter2|12345/);
  });

  it('suggests the nearest name for unknown attributes and blocks, and says where misplaced ones belong', () => {
    const text = connector('u', '  vhub_prefx = "10.1.0.0/23"\n  customer_asn = 65001\n  segment_option {\n  }').replace('    loopback_subnet', '    gateway_mac_adress = []\n    loopback_subnet');
    const errors = errorsOf(parseConnectorHcl(text).diagnostics).map((e) => e.message);
    expect(errors).toEqual(
      expect.arrayContaining([
        'Unknown attribute vhub_prefx in the connector (did you mean vhub_prefix?)',
        'Unknown attribute customer_asn in the connector (it belongs in segment_options)',
        'Unknown block segment_option in the connector (did you mean segment_options?); its content is not imported',
        'Unknown attribute gateway_mac_adress in instances (did you mean gateway_mac_address?)',
      ]),
    );
  });

  it('tells attributes written as blocks from blocks written as attributes', () => {
    const text = connector('ab', '  description {\n  }\n  segment_options = [{ segment_id = "s", customer_asn = 1 }]');
    const errors = errorsOf(parseConnectorHcl(text).diagnostics);
    expect(errors.find((e) => e.path === 'description')?.message).toBe('description is an attribute, not a block: write description = …');
    expect(errors.find((e) => e.path === 'segment_options')?.message).toMatch(/^segment_options is a block, not an attribute/);
  });

  it('places a missing required attribute at its block header', () => {
    const text = connector('m').replace(/    loopback_subnet .*\n/, '');
    const missing = errorsOf(parseConnectorHcl(text).diagnostics);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ path: 'instances.0.loopback_subnet', ...positionOf(text, 'instances {') });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }).map((s) => connector('f', s))), (text) => {
        const { diagnostics } = parseConnectorHcl(text);
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.to).toBeGreaterThanOrEqual(d.from);
          expect(d.to).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
