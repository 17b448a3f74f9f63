/**
 * A catalog pick by name in the designer's document (components/designer/design-document.ts),
 * driven as the picker drives it: the pick asks the document for the field's value, then the
 * form changes. The data block and the value are one step of the history (one undo gives the
 * file back byte for byte), a second pick of the same name reuses the block, and the names the
 * file looks up are read for the pickers. Judged by the real `terraform fmt`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DesignDocument } from '@/components/designer/design-document';
import { withFormLists } from '@/components/designer/draft-storage';
import { DATA_SOURCE_KINDS } from '@/lib/connector/hcl/data-sources';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { terraformFmt } from '../hcl/terraform-fmt';
import { at, present } from '../helpers/present';

const EXAMPLE_3 = readFileSync(path.join(__dirname, '..', 'hcl-parse', 'fixtures', 'example-3.tf'), 'utf8');
const SEGMENT = DATA_SOURCE_KINDS.segment!;

const stores: DesignDocument[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.dispose();
});

function openExample3() {
  const design = withFormLists(at(parseConnectorHcl(EXAMPLE_3).designs, 0).design);
  let values = structuredClone(design);
  const store = new DesignDocument({ getValues: () => values, show: (d) => (values = structuredClone(d)) }, design, {
    omitDefaults: true,
    preSharedKeys: 'inline',
  });
  stores.push(store);
  store.load(EXAMPLE_3, structuredClone(design), { fresh: true });
  /** The picker's way: the document gives the value for the picked name, then the form's field changes. */
  const pick = (at: string, name: string | null) => {
    const keys = at.split('.');
    let node = values as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = present(keys.at(-1), 'the last key');
    node[last] = store.referencePicked(at, SEGMENT, name, node[last]) ?? '9';
    store.formChanged(at, { visit: true });
    store.flush();
  };
  return { store, pick, text: () => store.getState().text };
}

describe('a catalog pick by name in the designer', () => {
  it('adds the data block with the value as one undoable step; the same name again reuses it', async () => {
    const doc = openExample3();
    doc.pick('segment_options.0.segment_id', 'dmz zone');
    const once = doc.text();
    expect(once.startsWith('data "alkira_segment" "dmz_zone" {\n  name = "dmz zone"\n}\n\nresource')).toBe(true);
    expect(once).toMatch(/segment_id\s+= data\.alkira_segment\.dmz_zone\.id\n/);
    expect(once).toBe(terraformFmt(once));
    // The picker shows the picked item at once: the document knows the name the label looks up.
    expect(doc.store.dataSourceNames().get('data.alkira_segment.dmz_zone')).toBe('dmz zone');

    doc.pick('instances.0.ipsec_customer_gateway.0.segment_id', 'dmz zone');
    expect(doc.text().match(/data "alkira_segment"/g)).toHaveLength(1);
    expect(doc.text().match(/= data\.alkira_segment\.dmz_zone\.id/g)).toHaveLength(2);

    expect(doc.store.undo()).toBe(true);
    expect(doc.text()).toBe(once);
    expect(doc.store.undo()).toBe(true);
    expect(doc.text()).toBe(EXAMPLE_3);
  });

  it('a literal pick in place of a name releases the block nothing refers to any more', () => {
    const doc = openExample3();
    doc.pick('segment_options.0.segment_id', 'dmz zone');
    doc.pick('segment_options.0.segment_id', null);
    expect(doc.text()).not.toContain('data "alkira_segment"');
    expect(doc.text()).toBe(
      EXAMPLE_3.replace(/(segment_id\s+= )alkira_segment\.dmz\.id(\n\s+customer_asn\s+= "65003")/, '$1"9"$2'),
    );
  });
});
