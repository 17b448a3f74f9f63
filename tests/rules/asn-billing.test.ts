import { describe, expect, it } from 'vitest';
import { errorsAt, mutable, vxlanGpeDesign, vxlanHaDesign, warningsAt } from './fixtures';

const ASN = 'segment_options.0.customer_asn';

function withAsn(asn: unknown) {
  const design = mutable(vxlanGpeDesign());
  design.segment_options[0].customer_asn = asn;
  return design;
}

describe('customer_asn', () => {
  it.each([65001, '65001', 64512, 65534, 4200000000, '4294967294', '${var.asn}'])('%s is valid', (asn) => {
    expect(errorsAt(withAsn(asn), ASN)).toEqual([]);
  });

  it.each([12076, 8074, 8075, 65515, 65520])('%s is reserved by Azure', (asn) => {
    expect(errorsAt(withAsn(asn), ASN)[0]).toContain(`customer_asn ${asn} is reserved by Azure`);
  });

  it.each([0, 23456, 64496, 64511, 65535, 65551, 4294967295])('%s is reserved by IANA', (asn) => {
    expect(errorsAt(withAsn(asn), ASN)[0]).toContain(`customer_asn ${asn} is reserved by IANA`);
  });

  it.each([-1, 4294967296, 65001.5])('%s is out of range or not an integer', (asn) => {
    expect(errorsAt(withAsn(asn), ASN)[0]).toContain('must be an integer from 1 to 4294967295');
  });

  it('text is an error; an AS prefix gets a hint; asdot gets the asplain value', () => {
    expect(errorsAt(withAsn('sixty'), ASN)[0]).toContain('"sixty" is not a number');
    expect(errorsAt(withAsn('AS65001'), ASN)[0]).toContain('write 65001');
    expect(errorsAt(withAsn('1.10'), ASN)[0]).toContain('did you mean 65546?');
  });

  it('a private ASN raises no warning; a public one is a warning, not an error', () => {
    expect(warningsAt(withAsn(65001), ASN)).toEqual([]);
    const design = withAsn(3356);
    expect(errorsAt(design, ASN)).toEqual([]);
    expect(warningsAt(design, ASN)[0]).toContain('3356 is a public ASN');
  });
});

describe('billing_tag_ids', () => {
  it('numbers, numeric strings and references are valid', () => {
    const design = mutable(vxlanHaDesign());
    design.billing_tag_ids = [1, '2', '${alkira_billing_tag.x.id}'];
    expect(errorsAt(design, 'billing_tag_ids.0')).toEqual([]);
    expect(errorsAt(design, 'billing_tag_ids.1')).toEqual([]);
    expect(errorsAt(design, 'billing_tag_ids.2')).toEqual([]);
  });

  it('a duplicate is an error at the later entry (7 and "7" are the same tag)', () => {
    const design = mutable(vxlanHaDesign());
    design.billing_tag_ids = [7, '7'];
    expect(errorsAt(design, 'billing_tag_ids.0')).toEqual([]);
    expect(errorsAt(design, 'billing_tag_ids.1')[0]).toContain('listed twice');
  });

  it('duplicate references are an error', () => {
    const design = mutable(vxlanHaDesign());
    design.billing_tag_ids = ['${alkira_billing_tag.a.id}', '${alkira_billing_tag.a.id}'];
    expect(errorsAt(design, 'billing_tag_ids.1')[0]).toContain('listed twice');
  });

  it.each([0, -3, 'prod', ''])('%s is not a billing tag id', (tag) => {
    const design = mutable(vxlanHaDesign());
    design.billing_tag_ids = [tag];
    expect(errorsAt(design, 'billing_tag_ids.0')[0]).toContain('must be a positive integer billing tag ID');
  });
});
