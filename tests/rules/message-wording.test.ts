/**
 * What users read speaks HCL: references as `alkira_segment.prod.id` (not the
 * design's `${…}` form), attribute paths as `segment_options[0].customer_asn`,
 * counts and articles in plain English.
 */
import { describe, expect, it } from 'vitest';
import { updateSummary } from '@/lib/audit/summary';
import { countOf, withArticle } from '@/lib/client/format';
import { hclPath } from '@/lib/connector/hcl-path';
import { designToAlkiraConnector } from '@/lib/connector/mapping';
import { validateDesign } from '@/lib/connector/validate';
import { ipsecDesign, mutable } from './fixtures';

describe('paths as HCL reads them', () => {
  it('list positions go in brackets, names stay', () => {
    expect(hclPath('segment_options.0.customer_asn')).toBe('segment_options[0].customer_asn');
    expect(hclPath('instances.1.ipsec_customer_gateway.0.customer_gateway.2.tunnel.0.pre_shared_key')).toBe(
      'instances[1].ipsec_customer_gateway[0].customer_gateway[2].tunnel[0].pre_shared_key',
    );
    expect(hclPath('billing_tag_ids.3')).toBe('billing_tag_ids[3]');
    expect(hclPath('name')).toBe('name');
    expect(hclPath('')).toBe('');
  });

  it("the audit trail's change summary names attributes the HCL way", () => {
    const design = ipsecDesign();
    const changed = mutable(design);
    changed.segment_options[0].customer_asn = 65077;
    changed.instances[1].loopback_subnet = '192.168.30.0/26';
    const summary = updateSummary(designToAlkiraConnector(design), designToAlkiraConnector(changed));
    expect(summary).toContain('segment_options[0].customer_asn');
    expect(summary).toContain('instances[1].loopback_subnet');
    expect(summary).not.toMatch(/\.\d+\./);
  });
});

describe('references in messages', () => {
  it('a reference is quoted as written in HCL, never as ${…}', () => {
    const design = mutable(ipsecDesign());
    // The same segment twice: the message names it.
    design.segment_options.push({ ...design.segment_options[0] });
    const all = validateDesign(design).errors.map((e) => e.message);
    const duplicate = all.find((m) => m.includes('already has segment_options'));
    expect(duplicate).toBeDefined();
    const reference = design.segment_options[0].segment_id;
    expect(reference.startsWith('${')).toBe(true);
    expect(duplicate).toContain(reference.slice(2, -1));
    for (const message of all) expect(message).not.toContain('${');
  });
});

describe('counts and articles', () => {
  it('one is singular, other counts plural', () => {
    expect(countOf(1, 'circuit')).toBe('1 circuit');
    expect(countOf(0, 'circuit')).toBe('0 circuits');
    expect(countOf(3, 'customer gateway')).toBe('3 customer gateways');
  });

  it('the article follows the sound, acronyms included', () => {
    expect(withArticle('IPsec tunnel profile')).toBe('an IPsec tunnel profile');
    expect(withArticle('CXP')).toBe('a CXP');
    expect(withArticle('segment')).toBe('a segment');
    expect(withArticle('Azure VNET credential')).toBe('an Azure VNET credential');
    expect(withArticle('billing tag')).toBe('a billing tag');
  });
});

describe('help text speaks HCL too', () => {
  it("no field's help shows a reference in the design's ${…} form", async () => {
    const { allAttributes } = await import('@/lib/connector/resource');
    const withInterpolation = allAttributes().filter(({ spec }) => (spec.doc ?? '').includes('${'));
    expect(withInterpolation.map((a) => a.path)).toEqual([]);
  });
});
