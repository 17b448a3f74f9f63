/**
 * Regression tests of edits on blocks written on one line (`x {}`, `x { a = 1 }`)
 * and of alignment around heredocs, judged by the real `terraform fmt`.
 */
import { describe, expect, it } from 'vitest';
import { updateConnectorInHcl } from '@/lib/connector/hcl/document/update';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import type { ConnectorDesign } from '@/lib/connector/design';
import { terraformFmt } from '../hcl/terraform-fmt';
import { instanceOf, segmentOptionOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

const HEAD = 'resource "alkira_connector_azure_expressroute" "c"';

function edited(source: string, change: (d: ConnectorDesign) => void): string {
  const parsed = parseConnectorHcl(source);
  expect(parsed.diagnostics.filter((d) => d.message.startsWith('Syntax error'))).toEqual([]);
  const design = structuredClone(at(parsed.designs, 0).design);
  change(design);
  const out = updateConnectorInHcl(source, design);
  // The file still parses, and terraform fmt would not change a byte of it.
  expect(parseConnectorHcl(out).diagnostics.filter((d) => d.message.startsWith('Syntax error'))).toEqual([]);
  expect(terraformFmt(out)).toBe(out);
  return out;
}

describe('edits of one-line blocks', () => {
  it('opens an empty resource `{}` to add attributes inside it', () => {
    const out = edited(`${HEAD} {}\n`, (d) => {
      d.name = 'c';
    });
    expect(out.startsWith(`${HEAD} {\n  name `)).toBe(true);
    expect(out.trimEnd().endsWith('}')).toBe(true);
    expect(at(parseConnectorHcl(out).designs, 0).design.name).toBe('c');
  });

  it('opens `{ name = "c" }` and keeps its attribute', () => {
    const out = edited(`${HEAD} { name = "c" }\n`, (d) => {
      d.size = 'SMALL';
    });
    const design = at(parseConnectorHcl(out).designs, 0).design;
    expect([design.name, design.size]).toEqual(['c', 'SMALL']);
  });

  it('changes the value inside a one-line block in place, without opening it', () => {
    const source = `${HEAD} {\n  name = "c"\n  segment_options { segment_id = "seg" }\n}\n`;
    const out = updateConnectorInHcl(source, { ...at(parseConnectorHcl(source).designs, 0).design, name: 'd' });
    expect(out).toContain('  segment_options { segment_id = "seg" }\n');
  });

  it('adds customer_asn inside `segment_options { segment_id = "seg" }`, not in the resource body', () => {
    const out = edited(`${HEAD} {\n  name = "c"\n  segment_options { segment_id = "seg" }\n}\n`, (d) => {
      segmentOptionOf(d).customer_asn = 65001;
    });
    expect(out).toMatch(/segment_options \{\n {4}segment_id {3}= "seg"\n {4}customer_asn = 65001\n {2}\}/);
    expect(at(parseConnectorHcl(out).designs, 0).design.segment_options[0]).toMatchObject({
      segment_id: 'seg',
      customer_asn: 65001,
    });
  });

  it('fills an `instances {}` stub so that Terraform can read the file', () => {
    const out = edited(`${HEAD} {\n  name = "c"\n  instances {}\n}\n`, (d) => {
      instanceOf(d).name = 'primary';
      instanceOf(d).loopback_subnet = '192.168.1.0/26';
    });
    expect(at(parseConnectorHcl(out).designs, 0).design.instances[0]).toMatchObject({
      name: 'primary',
      loopback_subnet: '192.168.1.0/26',
    });
  });
});

describe('alignment around heredocs', () => {
  it('aligns a new attribute with a heredoc attribute, as terraform fmt does', () => {
    const source = `${HEAD} {\n  description = <<-EOT\n    multi\n  EOT\n  size        = "SMALL"\n}\n`;
    const out = edited(source, (d) => {
      d.name = 'x';
    });
    expect(out).toContain('  name        = "x"\n  description = <<-EOT\n');
  });
});

describe('blocks the provider schema does not have', () => {
  it('reports a timeouts block as an error, as terraform validate would', () => {
    const { diagnostics } = parseConnectorHcl(`${HEAD} {\n  name = "c"\n  timeouts {\n    create = "30m"\n  }\n}\n`);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        line: 3,
        message: expect.stringMatching(/^Unknown block timeouts/),
      }),
    );
  });
});
