/**
 * Property: for random designs placed in a commented file beside other
 * blocks, a random single edit (a scalar changed, an optional attribute
 * removed, a block added or removed) keeps every byte outside the resource,
 * reads back as the edited design, and stays terraform fmt clean.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ConnectorDesign } from '@/lib/connector/design';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { updateConnectorInHcl } from '@/lib/connector/hcl/document/update';
import { slugArb, validDesignArb } from '../helpers/arbitraries';
import { terraformFmt } from './terraform-fmt';
import { instanceOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

const BEFORE = `# Managed by the network team
provider "alkira" {
  portal = "acme.portal.alkira.com" # tenant
}

`;
const AFTER = `
# Not a connector
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`;

type Edit = (d: ConnectorDesign) => void;

const edit = (what: string, apply: Edit) => ({ what, apply });

const editArb: fc.Arbitrary<{ what: string; apply: Edit }> = fc.oneof(
  slugArb.map((v) =>
    edit(`name=${v}`, (d) => {
      d.name = v;
    }),
  ),
  slugArb.map((v) =>
    edit(`description=${v}`, (d) => {
      d.description = v;
    }),
  ),
  fc.constant(
    edit('no description', (d) => {
      d.description = undefined;
    }),
  ),
  fc.constantFrom('SMALL', 'MEDIUM', 'LARGE', '2LARGE').map((v) =>
    edit(`size=${v}`, (d) => {
      d.size = v;
    }),
  ),
  fc.boolean().map((v) =>
    edit(`enabled=${v}`, (d) => {
      d.enabled = v;
    }),
  ),
  slugArb.map((v) =>
    edit(`instance name=${v}`, (d) => {
      instanceOf(d).name = v;
    }),
  ),
  fc.constant(
    edit('billing tags', (d) => {
      d.billing_tag_ids = [7, 8];
    }),
  ),
  fc.constant(
    edit('drop last instance', (d) => {
      if (d.instances.length > 1) d.instances.pop();
    }),
  ),
  fc.constant(
    edit('copy first instance', (d) => {
      d.instances.push({ ...structuredClone(instanceOf(d)), name: `${instanceOf(d).name}-copy` });
    }),
  ),
  fc.integer({ min: 64512, max: 65534 }).map((asn) =>
    edit(`asn=${asn}`, (d) => {
      if (d.segment_options[0]) d.segment_options[0].customer_asn = asn;
    }),
  ),
);

/** The design as the importer reads it back, rendered: equal renderings mean equal designs. */
const canonical = (text: string, label: string) => {
  const found = parseConnectorHcl(text).designs.find((d) => d.resource_name === label)!;
  return renderConnectorHcl(found.design, { preSharedKeys: 'inline' });
};

describe('single edits of a document', () => {
  it('keep the untouched bytes, read back as the edited design, and stay fmt clean', () => {
    fc.assert(
      fc.property(validDesignArb, editArb, (design, edit) => {
        const resource = renderConnectorHcl(design, { preSharedKeys: 'inline' });
        const source = BEFORE + resource + AFTER;
        const imported = at(parseConnectorHcl(source).designs, 0);
        const next = structuredClone(imported.design);
        edit.apply(next);
        const text = updateConnectorInHcl(source, next, { preSharedKeys: 'inline' });
        expect(text.startsWith(BEFORE), edit.what).toBe(true);
        expect(text.endsWith(AFTER), edit.what).toBe(true);
        expect(canonical(text, imported.resource_name)).toBe(
          renderConnectorHcl({ ...next, resource_name: imported.resource_name }, { preSharedKeys: 'inline' }),
        );
        expect(terraformFmt(text)).toBe(text);
      }),
      { numRuns: 40 },
    );
  });
});
