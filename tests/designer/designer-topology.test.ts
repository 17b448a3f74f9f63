import { describe, expect, it } from 'vitest';
import { DesignDocument } from '@/components/designer/design-document';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { sharesObjects } from '@/components/designer/designer-topology';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { emptyDesign, type ConnectorDesign } from '@/lib/connector/design';
import { largeIpsecDesign } from '../../scripts/bench-designs';
import { instanceOf, tunnelOf } from '../helpers/design-parts';

const OPTIONS = { omitDefaults: true, preSharedKeys: 'variable' } as const;

/** The designer's document over a plain values object, as the form would hold them. */
function designerWith(initial: ConnectorDesign) {
  let values = structuredClone(initial);
  const store = new DesignDocument(
    {
      getValues: () => values,
      show: (d) => {
        values = structuredClone(d);
      },
    },
    initial,
    OPTIONS,
  );
  return {
    store,
    /** A form reset (restored draft, template, import): every value replaced. */
    load(design: ConnectorDesign) {
      store.load(renderConnectorHcl(design, OPTIONS), structuredClone(design));
      return store.getState().design;
    },
    /** Typing in one field. */
    type(path: string, change: (v: ConnectorDesign) => void) {
      change(values);
      store.formChanged(path, { visit: true });
      store.flush();
      return store.getState().design;
    },
  };
}

describe('sharesObjects: the topology tells a newly loaded design (drawn at once) from an edit (drawn after a pause)', () => {
  it('a restored draft or a template shares nothing with the design before it', () => {
    const designer = designerWith(emptyDesign());
    const before = designer.store.getState().design;
    const draft = designer.load(largeIpsecDesign(3, 2, 2, 2));
    expect(sharesObjects(before, draft)).toBe(false);
    const template = designer.load(DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design);
    expect(sharesObjects(draft, template)).toBe(false);
  });

  it('typing anywhere, even deep in the only instance, shares the rest of the design', () => {
    const designer = designerWith(DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design);
    const typed = [
      [
        'name',
        (v: ConnectorDesign) => {
          v.name = 'renamed';
        },
      ],
      [
        'instances.0.name',
        (v: ConnectorDesign) => {
          instanceOf(v).name = 'renamed';
        },
      ],
      [
        'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key',
        (v: ConnectorDesign) => {
          tunnelOf(v).pre_shared_key = 'another-key';
        },
      ],
    ] as const;
    for (const [path, change] of typed) {
      const before = designer.store.getState().design;
      const after = designer.type(path, change);
      expect(after, path).not.toBe(before);
      expect(sharesObjects(before, after), path).toBe(true);
    }
  });

  it('values that are not objects never count as shared', () => {
    expect(sharesObjects({ name: 'a', n: 1 }, { name: 'a', n: 1 })).toBe(false);
    expect(sharesObjects(null, null)).toBe(false);
  });
});
