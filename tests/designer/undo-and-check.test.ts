import { describe, expect, it } from 'vitest';
import { checkDesign } from '@/components/designer/design-check';
import { shareAlongPath } from '@/components/designer/design-document';
import { toFieldErrors } from '@/components/designer/design-document-context';
import { UndoHistory } from '@/components/designer/undo-history';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import type { ConnectorDesign } from '@/lib/connector/design';
import { largeIpsecDesign } from '../../scripts/bench-designs';
import { gatewayOf, gatewaysOf, instanceOf, segmentOptionOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

const OPTIONS = { omitDefaults: true, preSharedKeys: 'variable' } as const;

function template(id: string): ConnectorDesign {
  return structuredClone(DESIGN_TEMPLATES.find((t) => t.id === id)!.design);
}

describe('shareAlongPath', () => {
  it('copies only the objects on the changed path and shares the rest', () => {
    const previous = largeIpsecDesign(3, 2, 2, 1);
    const current = structuredClone(previous);
    at(gatewayOf(current, 0, 1).customer_gateway, 1).name = 'renamed';
    const next = shareAlongPath(
      previous,
      current,
      'instances.1.ipsec_customer_gateway.0.customer_gateway.1.name'.split('.'),
    ) as ConnectorDesign;
    expect(next).toEqual(current);
    expect(next.instances[0]).toBe(previous.instances[0]);
    expect(next.instances[2]).toBe(previous.instances[2]);
    expect(next.segment_options).toBe(previous.segment_options);
    expect(gatewaysOf(next, 1)[1]).toBe(gatewaysOf(previous, 1)[1]);
    expect(next.instances[1]).not.toBe(previous.instances[1]);
    // The snapshot does not alias the live form values.
    at(gatewayOf(current, 0, 1).customer_gateway, 1).name = 'typed on';
    expect(at(gatewayOf(next, 0, 1).customer_gateway, 1).name).toBe('renamed');
  });

  it('takes a whole copy of a list whose length changed', () => {
    const previous = template('multi-segment-ipsec');
    const current = structuredClone(previous);
    current.segment_options.push({ segment_id: 'x', customer_asn: 65010 });
    const next = shareAlongPath(previous, current, ['segment_options']) as ConnectorDesign;
    expect(next.segment_options).toHaveLength(previous.segment_options.length + 1);
    expect(next.instances).toBe(previous.instances);
  });
});

describe('UndoHistory', () => {
  it('merges quick typing in one field into one step and keeps other steps apart', () => {
    const h = new UndoHistory('');
    h.record('a', 'name', 0);
    h.record('ab', 'name', 100);
    h.record('abc', 'name', 200);
    h.record('abc!', null, 300);
    expect(h.undo()).toBe('abc');
    expect(h.undo()).toBe('');
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe('abc');
    expect(h.redo()).toBe('abc!');
    expect(h.canRedo).toBe(false);
  });

  it('starts a new step after a pause, and a new change drops the redo branch', () => {
    const h = new UndoHistory('');
    h.record('a', 'name', 0);
    h.record('ab', 'name', 5000);
    expect(h.undo()).toBe('a');
    h.record('ax', 'name', 6000);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe('a');
  });

  it('does not record a value equal to the present one (a restored snapshot echoed back)', () => {
    const h = new UndoHistory({ n: 1 });
    h.record({ n: 2 }, null);
    expect(h.undo()).toEqual({ n: 1 });
    h.record({ n: 1 }, null);
    expect(h.canRedo).toBe(true);
  });
});

describe('checkDesign', () => {
  it('does not validate the values of the protocol not in use', () => {
    const design = template('multi-segment-ipsec');
    instanceOf(design).gateway_mac_address = ['not-a-mac'];
    expect(checkDesign(design, OPTIONS).errors).toEqual([]);
    expect(checkDesign({ ...design, tunnel_protocol: 'VXLAN' }, OPTIONS).errors.map((e) => e.path)).toContain(
      'instances.0.gateway_mac_address.0',
    );
  });

  it('warns about a literal that looks like a reference, at its path', () => {
    const design = template('multi-segment-ipsec');
    segmentOptionOf(design).segment_id = 'alkira_segment.dmz.id';
    const check = checkDesign(design, OPTIONS);
    expect(check.referenceLiterals).toEqual(['segment_options.0.segment_id']);
    expect(check.warnings.map((w) => w.path)).toContain('segment_options.0.segment_id');
  });
});

describe('toFieldErrors', () => {
  it("nests errors by path and puts a list's own error under root", () => {
    const errors = toFieldErrors([
      { path: 'instances.0.name', message: 'name is required' },
      { path: 'instances', message: 'too many' },
      { path: '', message: 'whole design' },
    ]);
    expect(errors).toMatchObject({
      instances: { 0: { name: { message: 'name is required' } }, root: { message: 'too many' } },
      root: { message: 'whole design' },
    });
  });
});
