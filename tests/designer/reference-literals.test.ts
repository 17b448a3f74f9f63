import { describe, expect, it } from 'vitest';
import { looksLikeReference, referenceLikeLiterals } from '@/lib/connector/reference-literals';
import { keepInactiveProtocolValues, withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { instanceOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

describe('looksLikeReference', () => {
  it.each([
    'alkira_segment.dmz.id',
    'var.x',
    'local.segments',
    'data.alkira_segment.prod.id',
    'module.net.segment_id',
    'lookup(var.m, "k")',
    ' var.psk ',
  ])('flags %s', (value) => expect(looksLikeReference(value)).toBe(true));
  it.each([
    '${alkira_segment.dmz.id}',
    'dmz-gateway.example.com',
    'gw0-seg0-i0.example.com',
    'prod',
    '10.0.0.0/24',
    'Multi segment (prod)',
    '',
    42,
  ])('leaves %s alone', (value) => expect(looksLikeReference(value)).toBe(false));
  it('lists the paths of such literals in a design', () => {
    const design = structuredClone(DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design);
    expect(referenceLikeLiterals(design)).toEqual([]);
    design.group = 'alkira_group.security.name';
    expect(referenceLikeLiterals(design)).toEqual(['group']);
  });
});

describe('inactive protocol values', () => {
  const ipsec = () => structuredClone(DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design);

  it('drops them from the design that counts, and returns the design itself when there are none', () => {
    const design = ipsec();
    expect(withoutInactiveProtocolValues(design)).toBe(design);
    instanceOf(design).gateway_mac_address = ['00:1A:2B:3C:4D:5E'];
    expect(at(withoutInactiveProtocolValues(design).instances, 0).gateway_mac_address).toEqual([]);
    expect(instanceOf(design).gateway_mac_address).toEqual(['00:1A:2B:3C:4D:5E']);
    const vxlan = withoutInactiveProtocolValues({ ...design, tunnel_protocol: 'VXLAN' });
    expect(instanceOf(vxlan).ipsec_customer_gateway).toEqual([]);
    expect(instanceOf(vxlan).gateway_mac_address).toEqual(['00:1A:2B:3C:4D:5E']);
  });

  it('puts them back into a design parsed from HCL that could not show them', () => {
    const form = ipsec();
    instanceOf(form).gateway_mac_address = ['00:1A:2B:3C:4D:5E'];
    const parsed = withoutInactiveProtocolValues(form);
    const kept = at(keepInactiveProtocolValues(parsed, form).instances, 0).gateway_mac_address;
    expect(kept).toEqual(['00:1A:2B:3C:4D:5E']);
    // A copy: a form changes its own values in place, and a version must not change with them.
    (instanceOf(form).gateway_mac_address as string[]).push('00:1A:2B:3C:4D:5F');
    expect(kept).toEqual(['00:1A:2B:3C:4D:5E']);
  });
});
