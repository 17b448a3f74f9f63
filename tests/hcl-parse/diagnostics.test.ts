/** What the importer tells the user about a .tf file, and what it makes of the values. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { judgeEditorParse } from '@/components/designer/editor-design';
import { emptyDesign } from '@/lib/connector/design';
import { connector, errorsOf, parseOne, positionOf } from './helpers';
import { instanceOf, segmentOptionOf } from '../helpers/design-parts';
import { at, only } from '../helpers/present';

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
    expect(designs.map((d) => d.line)).toEqual([
      positionOf(text, '"first" {').line,
      positionOf(text, '"second" {').line,
    ]);
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
      connector(
        's',
        '  enabled = "false"\n  billing_tag_ids = ["12", 13]',
        '    disable_internet_exit = "true"',
      ).replace('customer_asn = 65001', 'customer_asn = "65001"'),
    );
    expect(errorsOf(diagnostics)).toEqual([]);
    expect(design.enabled).toBe(false);
    expect(design.billing_tag_ids).toEqual([12, 13]);
    expect(design.segment_options).toEqual([
      expect.objectContaining({ customer_asn: 65001, disable_internet_exit: true }),
    ]);
  });

  it('reports a string that is not a number at its value', () => {
    const text = connector('n').replace('customer_asn = 65001', 'customer_asn = "65oo1"');
    const { diagnostics } = parseConnectorHcl(text);
    const errors = errorsOf(diagnostics);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'segment_options.0.customer_asn', ...positionOf(text, '"65oo1"') });
    expect(at(errors, 0).message).toMatch(/^customer_asn must be a number/);
  });

  it('reads an empty string for a number as unset, reported once as required (the empty form renders customer_asn = "")', () => {
    const text = connector('blank').replace('customer_asn = 65001', 'customer_asn = ""');
    const { design, diagnostics } = parseOne(text);
    expect(design.segment_options).toEqual([expect.objectContaining({ customer_asn: '' })]);
    const asn = diagnostics.filter((d) => d.path === 'segment_options.0.customer_asn');
    expect(asn.map((d) => d.message)).toEqual(['segment_options #1: customer_asn is required']);
    // The designer's empty state: every finding is the validator's "required", none "must be a number".
    const empty = parseConnectorHcl(renderConnectorHcl(emptyDesign()));
    expect(empty.diagnostics.filter((d) => /must be a number/.test(d.message))).toEqual([]);
    expect(empty.diagnostics.filter((d) => d.path === 'segment_options.0.customer_asn').map((d) => d.message)).toEqual([
      'segment_options #1: customer_asn is required',
    ]);
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
    expect(design.instances).toEqual([
      expect.objectContaining({ credential_id: '${alkira_credential_azure_vnet.prod.id}' }),
    ]);
    expect(errorsOf(diagnostics)).toEqual([]);
  });

  it('decodes escapes, and keeps a literal ${…} text distinct from an expression', () => {
    const { design } = parseOne(
      connector('x', '  description = "say \\"hi\\"\\t\\\\ \\u00e9 $${var.not_a_ref} %%{x}"'),
    );
    expect(design.description).toBe('say "hi"\t\\ é ${var.not_a_ref} %{x}');
    const whole = parseOne(connector('y', '  description = "$${var.literal}"')).design;
    // The design model reads a bare "${…}" string as an expression, so the literal is stored as the quoted template.
    expect(whole.description).toBe('${"$${var.literal}"}');
    expect(renderConnectorHcl(parseOne(connector('y', '  description = "$${var.literal}"')).design as never)).toContain(
      'description = "$${var.literal}"',
    );
  });
});

describe('diagnostics', () => {
  it('points a syntax error at the offending token', () => {
    const text = connector('bad').replace('size        = "SMALL"', 'size        = = "SMALL"');
    const { diagnostics } = parseConnectorHcl(text);
    const syntax = diagnostics.filter((d) => d.message.startsWith('Syntax error'));
    expect(syntax).toHaveLength(1);
    expect(at(syntax, 0).message).toBe(
      'Syntax error: Expected the start of an expression (a value or a reference), but found "=".',
    );
    const line = positionOf(text, 'size').line;
    expect(syntax[0]).toMatchObject({ severity: 'error', line, column: 17 });
  });

  it('reports a duplicate attribute at the second occurrence', () => {
    const text = connector('d', '  cxp = "EUWEST-AZURE-1"');
    const { design, diagnostics } = parseOne(text);
    const dup = errorsOf(diagnostics);
    expect(dup).toHaveLength(1);
    expect(at(dup, 0).message).toContain(`already set on line ${positionOf(text, 'cxp').line}`);
    expect(at(dup, 0).line).toBe(positionOf(text, 'cxp = "EUWEST').line);
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
      connector('p').replace(
        '  instances {',
        '  instances {\n    ipsec_customer_gateway {\n      segment_id = "s"\n      customer_gateway {\n        name = "g"\n        tunnel {\n          name = "t"\n          pre_shared_key = 12345\n          pre_shared_key = ["hunter2-secret"]\n        }\n      }\n    }',
      ),
    );
    for (const d of psk.diagnostics) expect(d.message).not.toMatch(/hunter2|12345/);
  });

  it('suggests the nearest name for unknown attributes and blocks, and says where misplaced ones belong', () => {
    const text = connector(
      'u',
      '  vhub_prefx = "10.1.0.0/23"\n  customer_asn = 65001\n  segment_option {\n  }',
    ).replace('    loopback_subnet', '    gateway_mac_adress = []\n    loopback_subnet');
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
    expect(errors.find((e) => e.path === 'description')?.message).toBe(
      'description is an attribute, not a block: write description = …',
    );
    expect(errors.find((e) => e.path === 'segment_options')?.message).toMatch(
      /^segment_options is a block, not an attribute/,
    );
  });

  it('places a missing required attribute at its block header', () => {
    const text = connector('m').replace(/    loopback_subnet .*\n/, '');
    const missing = errorsOf(parseConnectorHcl(text).diagnostics);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ path: 'instances.0.loopback_subnet', ...positionOf(text, 'instances {') });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }).map((s) => connector('f', s)),
        ),
        (text) => {
          const { diagnostics } = parseConnectorHcl(text);
          for (const d of diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(d.to).toBeGreaterThanOrEqual(d.from);
            expect(d.to).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The syntax errors of a parse, and whether the editor would take the design (it must not). */
function syntaxOf(text: string) {
  const parsed = parseConnectorHcl(text);
  return {
    ...parsed,
    syntax: parsed.diagnostics.filter((d) => d.message.startsWith('Syntax error')),
    outcome: judgeEditorParse(parsed),
  };
}

describe('syntax errors the grammar would read past', () => {
  it('reports an unclosed string at its opening quote, and imports nothing from that line on', () => {
    const text = connector('s').replace(
      'name                    = "i1"',
      'name                    = "primary-instance',
    );
    const { designs, diagnostics, syntax, outcome } = syntaxOf(text);
    const at = positionOf(text, '"primary-instance');
    expect(syntax).toEqual([
      expect.objectContaining({
        severity: 'error',
        ...at,
        resource: 's',
        message: `Syntax error: This string is not closed: add the closing " on line ${at.line} (a quoted string cannot span lines; write \\n, or use a heredoc).`,
      }),
    ]);
    expect(at).toEqual({ line: 8, column: 31 });
    // No follow-on findings about the lines the string swallowed.
    expect(errorsOf(diagnostics)).toHaveLength(1);
    expect(outcome.status).toBe('syntax');
    // The design is listed, with its error; the half-written value is not read into it, the lines after it are.
    expect(designs).toHaveLength(1);
    const { design } = only(designs);
    expect(JSON.stringify(design)).not.toMatch(/primary-instance/);
    expect(design.name).toBe('c-s');
    expect(instanceOf(design).loopback_subnet).toBe('192.168.1.0/26');
  });

  it('reports an unclosed string on the last line, in a block label, and inside an interpolation', () => {
    expect(syntaxOf('variable "x" {\n  default = "abc').syntax).toEqual([
      expect.objectContaining({ line: 2, column: 13 }),
    ]);
    expect(syntaxOf('resource "alkira_connector_azure_expressroute" "x {\n}\n').syntax[0]).toEqual(
      expect.objectContaining({ line: 1, column: 48, message: expect.stringContaining('not closed') }),
    );
    const nested = syntaxOf(connector('n', '  description = "${format("%s, var.x)}"'));
    expect(nested.syntax).toHaveLength(1);
    expect(at(nested.syntax, 0).line).toBe(6);
  });

  it('accepts strings that only look unclosed: escapes, template escapes, multi-line interpolations, heredocs', () => {
    const text = connector(
      'ok',
      [
        '  description = "a \\"quoted\\" word, $${literal} and %%{literal}"',
        '  group = "${lookup(var.groups,',
        '    "core")}"',
        '  tunnel_protocol = <<EOT',
        'say "hi',
        'EOT',
      ].join('\n'),
    );
    const { syntax, designs } = syntaxOf(text);
    expect(syntax).toEqual([]);
    expect(at(designs, 0).design.description).toBe('a "quoted" word, ${literal} and %{literal}');
  });

  it('reports a block left open at the end of the file at its header, naming it', () => {
    const text = connector('b').replace(/}\n$/, '');
    const { syntax, outcome } = syntaxOf(text);
    expect(syntax).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        resource: 'b',
        message:
          'Syntax error: The resource "alkira_connector_azure_expressroute" "b" block on line 1 is not closed: add its closing } at its end (the file ends first).',
      }),
    ]);
    expect(outcome.status).toBe('syntax');
  });

  it('blames the nested block whose } is missing, going by indentation', () => {
    const text = connector('i').replace('    customer_asn = 65001\n\n  }', '    customer_asn = 65001\n');
    const { syntax } = syntaxOf(text);
    const at = positionOf(text, 'segment_options {');
    const last = text.split('\n').length - 1; // the resource's }, which closes segment_options instead
    expect(syntax).toEqual([
      expect.objectContaining({
        ...at,
        message: `Syntax error: The segment_options block on line ${at.line} is not closed: add its closing } before line ${last}.`,
      }),
    ]);
  });

  it('reports an unclosed [ at the [, whether the next line or the end of the file comes first', () => {
    const text = connector('l', '  billing_tag_ids = [1, 2');
    const { syntax, diagnostics, outcome } = syntaxOf(text);
    const at = positionOf(text, '[1, 2');
    expect(syntax).toEqual([
      expect.objectContaining({
        ...at,
        resource: 'l',
        message: `Syntax error: The list opened with [ on line ${at.line} is not closed: add the closing ] before line ${at.line + 1}.`,
      }),
    ]);
    expect(errorsOf(diagnostics)).toHaveLength(1);
    expect(outcome.status).toBe('syntax');
    expect(syntaxOf('locals {\n  x = [1,\n    2').syntax).toEqual([
      expect.objectContaining({
        line: 2,
        column: 7,
        message: expect.stringMatching(/add the closing \] \(the file ends first\)\.$/),
      }),
    ]);
    // A list may span lines.
    expect(syntaxOf(connector('m', '  billing_tag_ids = [\n    1,\n    2,\n  ]')).syntax).toEqual([]);
  });

  it('reports a missing = at the attribute name', () => {
    const text = connector('e').replace('size        = "SMALL"', 'size "SMALL"');
    const { syntax, diagnostics, outcome } = syntaxOf(text);
    const at = positionOf(text, 'size "SMALL"');
    expect(syntax).toEqual([
      expect.objectContaining({
        ...at,
        resource: 'e',
        message: `Syntax error: Missing = after size on line ${at.line}: write size = <value>.`,
      }),
    ]);
    expect(errorsOf(diagnostics)).toHaveLength(1);
    expect(outcome.status).toBe('syntax');
    expect(syntaxOf(connector('f').replace('customer_asn = 65001', 'customer_asn 65001')).syntax[0]?.message).toMatch(
      /^Syntax error: Missing = after customer_asn on line \d+/,
    );
  });

  it('reports an attribute without a value at its name', () => {
    const text = connector('v').replace('size        = "SMALL"', 'size        =');
    const { syntax, diagnostics } = syntaxOf(text);
    const at = positionOf(text, 'size        =');
    expect(syntax).toEqual([
      expect.objectContaining({
        ...at,
        resource: 'v',
        message: `Syntax error: size on line ${at.line} has no value after =: write size = <value>.`,
      }),
    ]);
    expect(errorsOf(diagnostics)).toHaveLength(1);
  });

  it('reports a stray } where it is, also when it closes a block early', () => {
    const extra = `${connector('z')}}\n`;
    const last = extra.split('\n').length - 1;
    expect(syntaxOf(extra).syntax).toEqual([
      expect.objectContaining({
        line: last,
        column: 1,
        message: `Syntax error: This } on line ${last} has no { to close: remove it.`,
      }),
    ]);

    const early = connector('y').replace(
      '  cxp         = "USWEST-AZURE-1"\n',
      '  cxp         = "USWEST-AZURE-1"\n  }\n',
    );
    const { syntax, diagnostics, designs } = syntaxOf(early);
    const lines = early.split('\n');
    expect(syntax).toEqual([
      expect.objectContaining({
        line: 6,
        column: 3,
        resource: 'y',
        message: `Syntax error: This } closes the resource "alkira_connector_azure_expressroute" "y" block (line 1) early, so the } on line ${lines.length - 1} has nothing to close: remove the extra }.`,
      }),
    ]);
    // One error: the blocks the early } left outside are only noted as unknown top-level blocks.
    expect(errorsOf(diagnostics)).toHaveLength(1);
    expect(designs).toHaveLength(1);
  });

  it('reports the other openers left open, and a block brace on the wrong line', () => {
    const first = (text: string) => syntaxOf(text).syntax.map((d) => [d.line, d.column, d.message]);
    expect(first('locals {\n  a = [1, 2}\n}\n')).toEqual([
      [2, 7, 'Syntax error: The list opened with [ on line 2 is not closed: add the closing ] before the } on line 2.'],
    ]);
    expect(first('locals {\n  a = 1]\n}\n')).toEqual([
      [2, 8, 'Syntax error: This ] on line 2 has no [ to close: remove it.'],
    ]);
    expect(first('locals {\n  a = 1\n  /* note\n}\n')).toEqual([
      [3, 3, 'Syntax error: This comment is not closed: add */ where it should end (it starts on line 3).'],
    ]);
    expect(first('locals {\n  a = <<EOT\nfoo\n}\n')).toEqual([
      [
        2,
        7,
        'Syntax error: This heredoc is not closed: add a line containing only EOT where it should end (it starts on line 2).',
      ],
    ]);
    expect(first('provider "alkira"\n{\n}\n')).toEqual([
      [2, 1, 'Syntax error: The { of the provider "alkira" block must be on its header\'s line (line 1): move it up.'],
    ]);
  });

  it('keeps within the limit of syntax errors, one per line', () => {
    const text = `locals {\n${Array.from({ length: 30 }, (_, k) => `  a${k} "x"`).join('\n')}\n}\n`;
    const { syntax } = syntaxOf(text);
    expect(syntax).toHaveLength(10);
    expect(new Set(syntax.map((d) => d.line)).size).toBe(10);
    expect(syntax[0]).toMatchObject({
      line: 2,
      column: 3,
      message: 'Syntax error: Missing = after a0 on line 2: write a0 = <value>.',
    });
  });

  it('reads keywords as attribute names in references, as Terraform does', () => {
    const { syntax, designs } = syntaxOf(connector('k').replace('alkira_segment.prod.id', 'alkira_segment.in.id'));
    expect(syntax).toEqual([]);
    expect(segmentOptionOf(at(designs, 0).design).segment_id).toBe('${alkira_segment.in.id}');
  });

  it('names a number written with digit separators (65_001), on one line, with no follow-on error', () => {
    const text = connector('sep').replace('customer_asn = 65001', 'customer_asn = 65_001');
    const { design, diagnostics, syntax } = { ...syntaxOf(text), design: parseOne(text).design };
    // Terraform rejects it as a syntax error too.
    expect(syntax).toEqual([
      expect.objectContaining({
        message: 'Syntax error: 65_001 is not a number (HCL has no digit separators): write 65001.',
        resource: 'sep',
        ...positionOf(text, '65_001'),
      }),
    ]);
    expect(at(syntax, 0).to - at(syntax, 0).from).toBe('65_001'.length);
    expect(errorsOf(diagnostics)).toHaveLength(1);
    // Neither the truncated 65 nor a "block _001" is imported.
    expect(design.segment_options).toEqual([expect.objectContaining({ customer_asn: '' })]);
    expect(diagnostics.filter((d) => /public ASN|Unknown block/.test(d.message))).toEqual([]);
  });

  it('keeps every message on one line', () => {
    const text = connector('nl').replace('customer_asn = 65001', 'customer_asn = 65_x\n');
    const { diagnostics } = parseConnectorHcl(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.message).not.toMatch(/\n/);
    expect(syntaxOf(text).syntax.map((d) => d.line)).toEqual([positionOf(text, '65_x').line]);
  });

  it('does not take an object key lookup for a builtin (valueOf, constructor)', () => {
    const { designs, diagnostics } = parseConnectorHcl(
      connector('p', '  constructor = 1\n  toString {\n  }\n  valueOf "x" {\n  }'),
    );
    expect(designs).toHaveLength(1);
    expect(errorsOf(diagnostics).map((d) => d.message.split(' in ')[0])).toEqual([
      'Unknown attribute constructor',
      'Unknown block toString',
      'Unknown block valueOf',
    ]);
  });
});
