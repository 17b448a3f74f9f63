import { describe, expect, it } from 'vitest';
import { formPatches } from '@/components/designer/form-patch';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { gatewayOf, instanceOf, tunnelOf } from '../helpers/design-parts';

const design = DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design;

describe('form patches', () => {
  it('change only the values that differ', () => {
    const next = structuredClone(design);
    tunnelOf(next, { gateway: 1, customerGateway: 1 }).name = 'renamed';
    next.description = 'new description';
    expect(formPatches(design, next)).toEqual([
      { path: 'description', value: 'new description' },
      { path: 'instances.0.ipsec_customer_gateway.1.customer_gateway.1.tunnel.0.name', value: 'renamed' },
    ]);
  });

  it('replace a list of blocks whose length changed, and a list of plain values as one value', () => {
    const next = structuredClone(design);
    gatewayOf(next).customer_gateway.pop();
    next.billing_tag_ids = [...(design.billing_tag_ids ?? []), 99];
    const patches = formPatches(design, next)!;
    expect(patches.map((p) => p.path).sort()).toEqual([
      'billing_tag_ids',
      'instances.0.ipsec_customer_gateway.0.customer_gateway',
    ]);
    expect(patches.find((p) => p.path === 'billing_tag_ids')!.value).toEqual(next.billing_tag_ids);
  });

  it('is empty for an equal design and null when a reset is better', () => {
    expect(formPatches(design, structuredClone(design))).toEqual([]);
    const everywhere = structuredClone(design);
    for (let i = 0; i < 300; i++)
      everywhere.instances.push({ ...structuredClone(instanceOf(design)), name: `extra-${i}` });
    const renamedAll = structuredClone(everywhere);
    renamedAll.instances.forEach((inst, i) => (inst.name = `renamed-${i}`));
    expect(formPatches(everywhere, renamedAll)).toBeNull();
    expect(formPatches(design, null)).toBeNull();
  });
});
