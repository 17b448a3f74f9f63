/**
 * The designer's one model, the file (components/designer/design-document.ts),
 * driven the way the form drives it: a plain values object stands in for
 * react-hook-form, every edit is a form event at a path. The file is judged
 * by the real `terraform fmt`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DesignDocument } from '@/components/designer/design-document';
import { withFormLists } from '@/components/designer/draft-storage';
import { withSecrets } from '@/components/designer/document-secrets';
import type { PreviewHclOptions } from '@/components/designer/preview-pane';
import type { ConnectorDesign } from '@/lib/connector/design';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { terraformFmt } from '../hcl/terraform-fmt';
import { instanceOf, segmentOptionOf, tunnelOf } from '../helpers/design-parts';
import { at, present, take } from '../helpers/present';

const EXAMPLE_3 = readFileSync(path.join(__dirname, '..', 'hcl-parse', 'fixtures', 'example-3.tf'), 'utf8');
const INLINE = { omitDefaults: true, preSharedKeys: 'inline' } as const;
const VARIABLES = { omitDefaults: true, preSharedKeys: 'variable' } as const;
const TUNNEL_KEY = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key';

const stores: DesignDocument[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.dispose();
});

/** Example 3 open in the designer, with a values object as the form. */
function openExample3(options: PreviewHclOptions = INLINE) {
  const design = withFormLists(at(parseConnectorHcl(EXAMPLE_3).designs, 0).design);
  let values = structuredClone(design);
  const store = new DesignDocument(
    { getValues: () => values, show: (d) => (values = structuredClone(d)) },
    design,
    options,
  );
  stores.push(store);
  store.load(EXAMPLE_3, structuredClone(design), { fresh: true });
  return {
    store,
    get values() {
      return values;
    },
    /** The user types a value into the field at `path` (its events arrive one per keystroke). */
    type(at: string, value: unknown) {
      const keys = at.split('.');
      let node: Record<string, unknown> = values as unknown as Record<string, unknown>;
      for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
      node[present(keys.at(-1), 'the last key')] = value;
      store.formChanged(at, { visit: true });
      store.flush();
    },
    text: () => store.getState().text,
  };
}

const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((line, i) => line !== a[i]);
};

describe('the file is the design', () => {
  it('a form edit changes exactly its line; comments and layout stay', () => {
    const d = openExample3();
    d.type('name', 'renamed-connector');
    d.type('instances.0.loopback_subnet', '192.168.30.0/26');
    expect(changedLines(EXAMPLE_3, d.text())).toEqual([
      '  name            = "renamed-connector"',
      '    loopback_subnet         = "192.168.30.0/26"',
    ]);
    expect(terraformFmt(d.text())).toBe(d.text());
  });

  it('a half-typed expression is an error at its field: the file keeps the last value that parses, and takes other edits', () => {
    const d = openExample3();
    for (const typed of ['alkira_group.', 'alkira_group.security.', 'alkira_group.security.na('])
      d.type('group', '${' + typed + '}');
    expect(d.store.getState().fieldErrors.get('group')).toMatch(/not a complete expression/i);
    expect(d.text()).toContain('group           = alkira_group.security.name');
    // The value the file keeps is marked where it is written.
    const [held] = take(d.store.getState().held, 1);
    expect(d.text().slice(held.from, held.to)).toBe('group           = alkira_group.security.name');
    d.type('name', 'still-editable');
    expect(d.text()).toContain('name            = "still-editable"');
    expect(d.store.exportProblem()).toMatch(/Group/);
    expect(terraformFmt(d.text())).toBe(d.text());
    d.type('group', '${alkira_group.security.id}');
    expect(d.store.getState().fieldErrors.size).toBe(0);
    expect(d.store.getState().held).toEqual([]);
    expect(d.text()).toContain('group           = alkira_group.security.id');
    expect(d.store.exportProblem()).toBeNull();
  });

  it('a changed pre-shared key alone reaches the file (inline), or the tab (kept in a variable)', () => {
    const inline = openExample3(INLINE);
    inline.type(TUNNEL_KEY, 'rotated-key-1');
    expect(changedLines(EXAMPLE_3, inline.text())).toEqual(['          pre_shared_key    = "rotated-key-1"']);

    const asVariable = openExample3(VARIABLES);
    asVariable.type(TUNNEL_KEY, '');
    asVariable.type(TUNNEL_KEY, 'new-key');
    // Removed, then written anew: in variable mode a new key goes into a new sensitive variable.
    expect(asVariable.text()).toMatch(/pre_shared_key\s+= var\.multi_segment_psk_1/);
    expect(asVariable.text()).toContain('variable "multi_segment_psk_1" {');
    expect(asVariable.text()).not.toContain('new-key');
    expect(asVariable.store.secrets.get('multi_segment_psk_1')).toBe('new-key');
    asVariable.type(TUNNEL_KEY, 'rotated');
    expect(asVariable.store.secrets.get('multi_segment_psk_1')).toBe('rotated');
    expect(terraformFmt(asVariable.text())).toBe(asVariable.text());
  });

  it('a stored key is never text: kept, it is a variable standing for it; replaced, the variable takes the new key', () => {
    const d = openExample3(INLINE);
    d.type(TUNNEL_KEY, '');
    d.type(TUNNEL_KEY, STORED_SECRET);
    const variable = /pre_shared_key\s+= var\.(\w+)/.exec(d.text())?.[1];
    expect(variable).toBeDefined();
    expect(d.text()).toContain(`variable "${variable}" {`);
    expect(d.text()).not.toContain('stored');
    expect(d.store.secrets.get(variable!)).toEqual(STORED_SECRET);
    expect(terraformFmt(d.text())).toBe(d.text());

    // The file read back shows the stored key, never the variable's name or text standing for it.
    expect(
      tunnelOf(withSecrets(at(parseConnectorHcl(d.text()).designs, 0).design, d.store.secrets)).pre_shared_key,
    ).toEqual(STORED_SECRET);

    d.type(TUNNEL_KEY, 'replaced-key');
    expect(d.store.secrets.get(variable!)).toBe('replaced-key');
    expect(d.text()).not.toContain('replaced-key');
  });

  it('removing an instance and undoing it gives the file back byte for byte', () => {
    const d = openExample3();
    const second = { ...structuredClone(instanceOf(d.values)), name: 'second' };
    d.values.instances.push(second);
    d.store.listChanged({ kind: 'insert-block', path: ['instances', 1], value: second });
    const withTwo = d.text();
    expect(withTwo).toContain('name                    = "second"');
    d.values.instances.splice(0, 1);
    d.store.labelNextStep('Instance 1 removed');
    d.store.listChanged({ kind: 'remove-block', path: ['instances', 0] });
    expect(d.text()).not.toContain('multi-segment-instance');
    expect(d.store.getState().lastStep?.label).toBe('Instance 1 removed');
    expect(d.store.undo()).toBe(true);
    expect(d.text()).toBe(withTwo);
    expect(d.values.instances.map((i) => i.name)).toEqual(['multi-segment-instance', 'second']);
    expect(d.store.undo()).toBe(true);
    expect(d.text()).toBe(EXAMPLE_3);
    expect(d.store.redo()).toBe(true);
    expect(d.text()).toBe(withTwo);
  });

  it('IPSEC → VXLAN → IPSEC gives the file back byte for byte, and VXLAN leaves no IPsec block behind', () => {
    const d = openExample3();
    d.type('tunnel_protocol', 'VXLAN');
    expect(d.text()).toContain('tunnel_protocol = "VXLAN"');
    expect(d.text()).not.toContain('ipsec_customer_gateway');
    // Comments that belong to the removed blocks go with them; everything else stays.
    expect(d.text()).toContain('# Global segment options for DMZ');
    expect(terraformFmt(d.text())).toBe(d.text());
    d.type('tunnel_protocol', 'IPSEC');
    expect(d.text()).toBe(EXAMPLE_3);
  });

  it('VXLAN → IPSEC → VXLAN gives example 2 back byte for byte', () => {
    const example2 = readFileSync(path.join(__dirname, '..', 'hcl-parse', 'fixtures', 'example-2.tf'), 'utf8');
    const design = withFormLists(at(parseConnectorHcl(example2).designs, 0).design);
    let values = structuredClone(design);
    const store = new DesignDocument(
      { getValues: () => values, show: (d) => (values = structuredClone(d)) },
      design,
      INLINE,
    );
    stores.push(store);
    const label = at(parseConnectorHcl(example2).designs, 0).resource_name;
    store.load(example2, structuredClone(design), { fresh: true, resource: label });
    values.tunnel_protocol = 'IPSEC';
    store.formChanged('tunnel_protocol');
    store.flush();
    expect(store.getState().text).not.toContain('gateway_mac_address');
    values.tunnel_protocol = 'VXLAN';
    store.formChanged('tunnel_protocol');
    store.flush();
    expect(store.getState().text).toBe(example2);
  });

  it('a protocol switch with an edit in between brings the kept values back as blocks', () => {
    const d = openExample3();
    d.type('tunnel_protocol', 'VXLAN');
    d.type('description', 'changed meanwhile');
    d.type('tunnel_protocol', 'IPSEC');
    const reread = at(parseConnectorHcl(d.text()).designs, 0).design;
    expect(instanceOf(reread).ipsec_customer_gateway).toHaveLength(2);
    expect(reread.description).toBe('changed meanwhile');
    expect(terraformFmt(d.text())).toBe(d.text());
  });

  it('typing in the editor is the file; the form follows once it reads', async () => {
    const d = openExample3();
    d.store.editorChanged(EXAMPLE_3.replace('"multi-segment-ipsec"', '"typed-in-hcl"'));
    expect(d.text()).toContain('"typed-in-hcl"');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.values.name).toBe('typed-in-hcl');
    // One history for both: undo takes the typing back.
    expect(d.store.undo()).toBe(true);
    expect(d.text()).toBe(EXAMPLE_3);
    expect(d.values.name).toBe('multi-segment-ipsec');
  });

  it("the editor's reading keeps the objects of the version before it wherever the file says the same", async () => {
    const d = openExample3();
    const before = d.store.getState().design;
    d.store.editorChanged(EXAMPLE_3.replace('"multi-segment-ipsec"', '"typed-in-hcl"'));
    await vi.waitFor(() => expect(d.store.getState().design.name).toBe('typed-in-hcl'), { timeout: 3000 });
    const after = d.store.getState().design;
    expect(after).not.toBe(before);
    // The instance and segment options, untouched by the edit, are the very objects of the version before.
    expect(after.instances).toBe(before.instances);
    expect(after.segment_options).toBe(before.segment_options);
    expect(before.name).toBe('multi-segment-ipsec');

    // The file replaced by another connector (another resource, as a paste brings): a new design, sharing nothing.
    const other = EXAMPLE_3.replace(/^(resource "alkira_connector_azure_expressroute" )"[^"]+"/m, '$1"pasted"');
    d.store.editorChanged(other);
    await vi.waitFor(() => expect(d.store.getState().resource).toBe('pasted'), { timeout: 3000 });
    await vi.waitFor(() => expect(d.store.getState().design.name).toBe('multi-segment-ipsec'), { timeout: 3000 });
    expect(d.store.getState().design.segment_options).not.toBe(after.segment_options);
    expect(d.store.getState().design.segment_options).toEqual(after.segment_options);
  });

  it('keys typed in the editor, then a form edit: the edit lands on its own line of the text as typed', async () => {
    const d = openExample3();
    let text = EXAMPLE_3;
    // A comment line added above the first instance, then the name typed on one key at a time.
    const instances = text.indexOf('  instances {');
    text = `${text.slice(0, instances)}  # reviewed by the network team\n${text.slice(instances)}`;
    d.store.editorChanged(text);
    let caret = text.indexOf('"multi-segment-ipsec"') + '"multi-segment-ipsec'.length;
    for (const key of '-v2') {
      const before = text;
      text = text.slice(0, caret) + key + text.slice(caret);
      // As the editor reports a keystroke: the change itself, against the text it changed.
      d.store.editorChanged(text, { before, change: { from: caret, to: caret, insert: key } });
      caret++;
    }
    // A change reported against a text the document no longer holds is not trusted: the texts are compared instead.
    const before = text;
    text = text.replace('"10.132.0.0/23"', '"10.133.0.0/23"');
    d.store.editorChanged(text, { before: `${before} `, change: { from: 0, to: 0, insert: 'bogus' } });
    expect(d.text()).toBe(text);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.values.name).toBe('multi-segment-ipsec-v2');
    d.type('instances.0.loopback_subnet', '192.168.30.0/26');
    d.type('description', 'edited after typing');
    expect(changedLines(text, d.text())).toEqual([
      '  description     = "edited after typing"',
      '    loopback_subnet         = "192.168.30.0/26"',
    ]);
    expect(d.text()).toContain('  # reviewed by the network team\n');
    expect(terraformFmt(d.text())).toBe(d.text());
  });

  it('a large paste is read at once: its connectors first, then the form — never a design the file no longer says', async () => {
    const d = openExample3();
    // 12 connectors (about 40 KB): the example, renamed, then copies under other labels.
    const copies = Array.from({ length: 11 }, (_, i) =>
      EXAMPLE_3.replace('"multi_segment"', `"copy_${i}"`).replace('"multi-segment-ipsec"', `"copy-${i}"`),
    );
    const pasted = [EXAMPLE_3.replace('"multi-segment-ipsec"', '"pasted-er"'), ...copies].join('\n');
    expect(pasted.length).toBeGreaterThan(32_768);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    d.store.editorChanged(pasted, { before: EXAMPLE_3, change: { from: 0, to: EXAMPLE_3.length, insert: pasted } });
    await tick();
    // No typing pause is waited for: the file has been read, and the form's turn is the next task.
    expect(d.store.getState().resources).toHaveLength(12);
    expect(d.values.name).toBe('multi-segment-ipsec');
    await tick();
    expect(d.values.name).toBe('pasted-er');

    // Another paste (one connector renamed), then typing between its reading and the form's turn: the form waits
    // for the typed text's own reading.
    const again = pasted.replace('"copy_10"', '"copy_ten"');
    d.store.editorChanged(again.replace('"pasted-er"', '"pasted-er-2"'), {
      before: pasted,
      change: { from: 0, to: pasted.length, insert: again.replace('"pasted-er"', '"pasted-er-2"') },
    });
    await tick();
    d.store.editorChanged(again.replace('"pasted-er"', '"pasted-er-3"'));
    await tick();
    expect(d.values.name).toBe('pasted-er');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.values.name).toBe('pasted-er-3');
    expect(d.store.getState().resources).toContain('copy_ten');
  });

  it('a syntax error in the file holds form edits back and says so; the file is never rewritten behind the user', async () => {
    const d = openExample3();
    const broken = EXAMPLE_3.replace('"multi-segment-ipsec"', '"multi-segment-ipsec" =');
    d.store.editorChanged(broken);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.store.getState().status).toBe('syntax');
    d.type('description', 'edited while broken');
    expect(d.text()).toBe(broken);
    expect(d.store.getState().formAhead).toBe(true);
    expect(d.store.exportProblem()).toMatch(/syntax/);
    d.store.replaceWithFormHcl();
    expect(d.text()).toContain('"edited while broken"');
    expect(d.store.exportProblem()).toBeNull();
  });

  it("a version taken from the form's values is a copy: the form changing its values in place leaves it as it was", () => {
    const design = withFormLists(at(parseConnectorHcl(EXAMPLE_3).designs, 0).design);
    let values = structuredClone(design);
    // As react-hook-form does: a version equal to what the form holds changes nothing there, and typing changes
    // the form's values object in place.
    const store = new DesignDocument(
      {
        getValues: () => values,
        show: (d) => {
          if (JSON.stringify(d) !== JSON.stringify(values)) values = structuredClone(d);
        },
      },
      design,
      INLINE,
    );
    stores.push(store);
    store.load(EXAMPLE_3, structuredClone(design), { fresh: true });
    const typeInPlace = (name: string) => {
      instanceOf(values).name = name;
      store.formChanged('instances.0.name');
      store.flush();
    };

    store.replaceWithFormHcl();
    const replaced = store.getState().design;
    typeInPlace('typed-after-replace');
    expect(instanceOf(replaced).name).toBe(instanceOf(design).name);

    // The options change re-renders the form's own file from its values: that version is a copy too.
    store.replaceWithFormHcl();
    store.setOptions(VARIABLES);
    const rerendered = store.getState().design;
    expect(instanceOf(rerendered).name).toBe('typed-after-replace');
    typeInPlace('typed-after-options');
    expect(instanceOf(rerendered).name).toBe('typed-after-replace');
    expect(store.undo()).toBe(true);
    expect(instanceOf(store.getState().design).name).toBe('typed-after-replace');
  });

  it('a clean file read again keeps the same (empty) marks, so nothing that shows them redraws', async () => {
    const d = openExample3();
    const design = withFormLists(structuredClone(DESIGN_TEMPLATES.find((t) => t.id === 'ha-vxlan')!.design));
    const clean = renderConnectorHcl(design, INLINE);
    d.store.load(clean, design, { fresh: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { shown, diagnostics } = d.store.getState();
    expect(shown).toEqual([]);
    const renamed = clean.replace(`"${design.name}"`, `"${design.name}-2"`);
    d.store.editorChanged(renamed);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.store.getState().text).toBe(renamed);
    expect(d.store.getState().shown).toBe(shown);
    expect(d.store.getState().diagnostics).toBe(diagnostics);
    // A broken file's marks are new, and fixing it brings back none.
    d.store.editorChanged(renamed.replace(`"${design.name}-2"`, `"${design.name}-2" =`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.store.getState().shown.length).toBeGreaterThan(0);
    d.store.editorChanged(renamed);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.store.getState().shown).toBe(shown);
  });

  it("every form edit tells its change: the views holding the earlier text apply it and get the file's exact bytes", () => {
    const d = openExample3();
    const told: string[] = [];
    let seen = d.text();
    d.store.subscribe(() => {
      const { text, textChange } = d.store.getState();
      if (text === seen) return;
      // A new text is told with its change from the text before, or with none (then views compare the texts).
      if (textChange) {
        expect(textChange.before).toBe(seen);
        const { from, to, insert } = textChange.change;
        expect(seen.slice(0, from) + insert + seen.slice(to)).toBe(text);
        told.push(insert);
      }
      seen = text;
    });
    d.type('name', 'renamed-connector');
    const second = { ...structuredClone(instanceOf(d.values)), name: 'second' };
    d.values.instances.push(second);
    d.store.listChanged({ kind: 'insert-block', path: ['instances', 1], value: second });
    d.type('instances.1.loopback_subnet', '192.168.31.0/26');
    d.values.instances.splice(0, 1);
    d.store.listChanged({ kind: 'remove-block', path: ['instances', 0] });
    d.type('segment_options.1.customer_asn', '65010');
    // Every one of those edits was told (a value on its line; whole blocks, re-aligned), none left to a comparison.
    expect(told).toHaveLength(5);
    expect(told[0]).toBe('"renamed-connector"');
    expect(seen).toBe(d.text());
    // Undo is told without a change: the editor compares the texts, and still gets the exact bytes back.
    expect(d.store.undo()).toBe(true);
    expect(d.store.getState().textChange).toBeNull();
  });

  it('every design the form can reach through these edits is the file read back', () => {
    const d = openExample3();
    d.type('size', '5LARGE');
    d.type('segment_options.1.customer_asn', '65010');
    d.type('instances.0.ipsec_customer_gateway.1.customer_gateway.1.tunnel.0.initiator', true);
    const reread = at(parseConnectorHcl(d.text()).designs, 0).design as ConnectorDesign;
    expect(reread.size).toBe('5LARGE');
    expect(String(segmentOptionOf(reread, 1).customer_asn)).toBe('65010');
    expect(tunnelOf(reread, { gateway: 1, customerGateway: 1 }).initiator).toBe(true);
  });
});
