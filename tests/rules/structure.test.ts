import { describe, expect, it } from 'vitest';
import { errorsAt, ipsecDesign, mutable, vxlanGpeDesign } from './fixtures';

describe('block counts', () => {
  it('one instance and one segment option are enough', () => {
    expect(errorsAt(vxlanGpeDesign(), 'instances')).toEqual([]);
    expect(errorsAt(vxlanGpeDesign(), 'segment_options')).toEqual([]);
  });

  it('no instance is an error at instances', () => {
    const design = mutable(vxlanGpeDesign());
    design.instances = [];
    expect(errorsAt(design, 'instances')[0]).toContain('at least one instance');
  });

  it('no segment option is an error at segment_options', () => {
    const design = mutable(vxlanGpeDesign());
    design.segment_options = [];
    expect(errorsAt(design, 'segment_options')[0]).toContain('at least one segment_options');
  });
});

describe('uniqueness', () => {
  it('distinct instance names are fine; a repeated one is an error on the later instance', () => {
    expect(errorsAt(ipsecDesign(), 'instances.1.name')).toEqual([]);
    const design = mutable(ipsecDesign());
    design.instances[1].name = 'primary';
    expect(errorsAt(design, 'instances.0.name')).toEqual([]);
    expect(errorsAt(design, 'instances.1.name')[0]).toContain('"primary" is already used by instance #1');
  });

  it('customer gateway names repeat across instances but not within one (even across segments)', () => {
    const design = mutable(ipsecDesign());
    design.instances[1].ipsec_customer_gateway[0].customer_gateway[0].name = 'primary-dmz-gw';
    expect(errorsAt(design, 'instances.1.ipsec_customer_gateway.0.customer_gateway.0.name')).toEqual([]);
    design.instances[0].ipsec_customer_gateway[1].customer_gateway[0].name = 'primary-dmz-gw';
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.customer_gateway.0.name')[0]).toContain(
      'customer gateway name "primary-dmz-gw" is already used',
    );
  });

  it('tunnel names repeat across gateways but not within one', () => {
    const design = mutable(ipsecDesign());
    // Both gateways of instance 0 already have a "tunnel-1": fine.
    expect(errorsAt(design, 'instances.0.ipsec_customer_gateway.1.customer_gateway.0.tunnel.0.name')).toEqual([]);
    const tunnels = design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel;
    tunnels.push({ ...tunnels[0], pre_shared_key: '${var.other}' });
    const at = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.1.name';
    expect(errorsAt(design, at)[0]).toContain('already has a tunnel named "tunnel-1"');
  });

  it('segment options are unique per segment; the duplicate is flagged at its segment_id', () => {
    expect(errorsAt(ipsecDesign(), 'segment_options.1.segment_id')).toEqual([]);
    const design = mutable(vxlanGpeDesign());
    design.segment_options.push({ segment_id: '${alkira_segment.prod.id}', customer_asn: 65009 });
    expect(errorsAt(design, 'segment_options.0.segment_id')).toEqual([]);
    expect(errorsAt(design, 'segment_options.1.segment_id')[0]).toContain(
      'alkira_segment.prod.id already has segment_options',
    );
  });
});

describe('values no JSON can carry', () => {
  // In-memory callers (the form, the workers) can hand the validator anything; a BigInt once threw out of it.
  it('a BigInt in a number field is an error at that field, not an exception', () => {
    const design = mutable(ipsecDesign());
    design.segment_options[0].customer_asn = 65001n;
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].profile_id = 7n;
    expect(errorsAt(design, 'segment_options.0.customer_asn')[0]).toContain('number');
    expect(
      errorsAt(design, 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.profile_id')[0],
    ).toContain('number');
  });
});
