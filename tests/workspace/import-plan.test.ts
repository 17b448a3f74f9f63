/**
 * planImport: whether a .tf file's chosen connectors can be saved, all of them
 * or none, and each refusal's reasons at their lines (the route's 422 body).
 */
import { describe, expect, it } from 'vitest';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { planImport } from '@/lib/connector/hcl/import-plan';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { basicDesign } from '../helpers/designs';
import { normalizeDesign } from '@/lib/connector/validate';

function block(label: string, name: string, prefix = '10.1.0.0/23'): string {
  const design = normalizeDesign({ ...basicDesign(name), resource_name: label, vhub_prefix: prefix });
  if (!design) throw new Error('basicDesign is not a valid design');
  return renderConnectorHcl(design);
}

describe('planImport', () => {
  it('accepts a file whose chosen connectors are all valid, in file order', () => {
    const file = `${block('a', 'conn-a')}\n${block('b', 'conn-b', '10.2.0.0/23')}\n${block('c', 'conn-c', '10.3.0.0/23')}`;
    const all = planImport(parseConnectorHcl(file));
    expect(all.ok && all.designs.map((d) => [d.resource_name, d.name])).toEqual([
      ['a', 'conn-a'],
      ['b', 'conn-b'],
      ['c', 'conn-c'],
    ]);
    const some = planImport(parseConnectorHcl(file), ['c', 'a']);
    expect(some.ok && some.designs.map((d) => d.resource_name)).toEqual(['a', 'c']);
  });

  it('refuses two connectors with the same connector name, naming the first one and its line', () => {
    const first = block('a', 'same-name');
    const file = `${first}\n${block('b', 'same-name', '10.2.0.0/23')}`;
    const plan = planImport(parseConnectorHcl(file));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.connectors).toEqual([
      {
        resource_name: 'b',
        name: 'same-name',
        line: first.split('\n').length + 1,
        problems: [
          expect.objectContaining({
            path: 'name',
            message: 'Connector name "same-name" is also used by a on line 1; connector names are unique in a tenant',
          }),
        ],
      },
    ]);
    expect(plan.summary).toBe('1 of 2 connectors has problems; nothing was saved');
  });

  it('refuses a syntax error anywhere, a label the file lacks, and a file without connectors, as problems of the file', () => {
    const broken = planImport(parseConnectorHcl(`${block('a', 'conn-a')}\nvariable "x" {\n  default = \n`));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.file_problems.length).toBeGreaterThan(0);

    const missing = planImport(parseConnectorHcl(block('a', 'conn-a')), ['a', 'nope']);
    expect(missing.ok || missing.file_problems.map((p) => p.message)).toEqual([
      'The file has no alkira_connector_azure_expressroute resource labelled "nope"',
    ]);

    const empty = planImport(parseConnectorHcl('variable "x" {}\n'));
    expect(empty.ok || empty.summary).toBe('The file has 1 problem; nothing was saved');
  });
});
