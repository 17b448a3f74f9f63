import { describe, expect, it } from 'vitest';
import { checkDesign } from '@/components/designer/design-check';
import { DesignSnapshotStore, shareAlongPath } from '@/components/designer/design-snapshot';
import { toFieldErrors } from '@/components/designer/design-snapshot-context';
import { UndoHistory } from '@/components/designer/undo-history';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import type { ConnectorDesign } from '@/lib/connector/design';
import { largeIpsecDesign } from '../../scripts/bench-designs';

const OPTIONS = { omitDefaults: true, preSharedKeys: 'variable' } as const;

function template(id: string): ConnectorDesign {
  return structuredClone(DESIGN_TEMPLATES.find((t) => t.id === id)!.design);
}

describe('shareAlongPath', () => {
  it('copies only the objects on the changed path and shares the rest', () => {
    const previous = largeIpsecDesign(3, 2, 2, 1);
    const current = structuredClone(previous);
    current.instances[1].ipsec_customer_gateway![0].customer_gateway[1].name = 'renamed';
    const next = shareAlongPath(previous, current, 'instances.1.ipsec_customer_gateway.0.customer_gateway.1.name'.split('.')) as ConnectorDesign;
    expect(next).toEqual(current);
    expect(next.instances[0]).toBe(previous.instances[0]);
    expect(next.instances[2]).toBe(previous.instances[2]);
    expect(next.segment_options).toBe(previous.segment_options);
    expect(next.instances[1].ipsec_customer_gateway![1]).toBe(previous.instances[1].ipsec_customer_gateway![1]);
    expect(next.instances[1]).not.toBe(previous.instances[1]);
    // The snapshot does not alias the live form values.
    current.instances[1].ipsec_customer_gateway![0].customer_gateway[1].name = 'typed on';
    expect(next.instances[1].ipsec_customer_gateway![0].customer_gateway[1].name).toBe('renamed');
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

describe('DesignSnapshotStore', () => {
  function formOf(initial: ConnectorDesign) {
    let values = structuredClone(initial);
    return {
      form: { getValues: () => values, restore: (d: ConnectorDesign) => {
          values = structuredClone(d);
        },
      },
      edit(change: (v: ConnectorDesign) => void) {
        change(values);
      },
      get values() {
        return values;
      },
    };
  }

  it('checks each snapshot once, undoes a removal and redoes it', async () => {
    const start = template('multi-segment-ipsec');
    const f = formOf(start);
    const store = new DesignSnapshotStore(f.form, start, OPTIONS);
    expect(store.getState().check.errors).toEqual([]);

    f.edit((v) => v.instances.push({ ...structuredClone(v.instances[0]), name: 'second', loopback_subnet: '192.168.23.0/26' }));
    store.noteChange('instances');
    store.flush();
    f.edit((v) => v.instances.pop());
    store.labelNextStep('Instance 2 removed');
    store.noteChange('instances');
    const check = await store.whenChecked();
    expect(store.getState().design.instances).toHaveLength(1);
    expect(check.hcl).not.toContain('"second"');
    expect(store.getState().lastStep?.label).toBe('Instance 2 removed');

    expect(store.undo()).toBe(true);
    expect(f.values.instances.map((i) => i.name)).toEqual(['multi-segment-instance', 'second']);
    expect((await store.whenChecked()).hcl).toContain('"second"');
    expect(store.redo()).toBe(true);
    expect(f.values.instances).toHaveLength(1);
    store.dispose();
  });

  it('shows a field\'s findings once it was edited, and all of them after "reveal all"', async () => {
    const start = template('multi-segment-ipsec');
    const f = formOf(start);
    const store = new DesignSnapshotStore(f.form, start, OPTIONS);
    f.edit((v) => {
      v.instances[0].loopback_subnet = '10.132.0.0/30';
      v.name = '';
    });
    store.noteChange('instances.0.loopback_subnet', { visit: true });
    store.noteChange('name');
    await store.whenChecked();
    // Both rules broken by the loopback are listed at it; the untouched name stays quiet until revealed.
    expect(store.fieldIssues('instances.0.loopback_subnet').errors).toHaveLength(2);
    expect(store.fieldIssues('name').errors).toEqual([]);
    store.setRevealAll(true);
    expect(store.fieldIssues('name').errors.length).toBeGreaterThan(0);
    expect(store.errorCountUnder('instances.0')).toBe(2);
    store.dispose();
  });
});

describe('checkDesign', () => {
  it('neither validates nor renders the values of the protocol not in use', () => {
    const design = template('multi-segment-ipsec');
    design.instances[0].gateway_mac_address = ['00:1A:2B:3C:4D:5E'];
    const check = checkDesign(design, OPTIONS);
    expect(check.errors).toEqual([]);
    expect(check.hcl).not.toContain('00:1A:2B:3C:4D:5E');
    expect(checkDesign({ ...design, tunnel_protocol: 'VXLAN' }, OPTIONS).hcl).toContain('00:1A:2B:3C:4D:5E');
  });

  it('warns about a literal that looks like a reference, at its path', () => {
    const design = template('multi-segment-ipsec');
    design.segment_options[0].segment_id = 'alkira_segment.dmz.id';
    const check = checkDesign(design, OPTIONS);
    expect(check.referenceLiterals).toEqual(['segment_options.0.segment_id']);
    expect(check.warnings.map((w) => w.path)).toContain('segment_options.0.segment_id');
  });
});

describe('toFieldErrors', () => {
  it('nests errors by path and puts a list\'s own error under root', () => {
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
