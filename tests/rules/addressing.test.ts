import { describe, expect, it } from 'vitest';
import { errorsAt, ipsecDesign, mutable, vxlanGpeDesign } from './fixtures';

describe('vhub_prefix', () => {
  it('an aligned /23 is valid', () => {
    const design = mutable(vxlanGpeDesign());
    design.vhub_prefix = '172.16.2.0/23';
    expect(errorsAt(design, 'vhub_prefix')).toEqual([]);
  });

  it('host bits set: suggests the aligned network', () => {
    const design = mutable(vxlanGpeDesign());
    design.vhub_prefix = '10.130.1.0/23';
    expect(errorsAt(design, 'vhub_prefix')).toEqual([
      'vhub_prefix must be a /23 with host bits zero: 10.130.1.0/23 has host bits set — did you mean 10.130.0.0/23?',
    ]);
  });

  it('a different prefix length is an error with the /23 that contains it', () => {
    const design = mutable(vxlanGpeDesign());
    design.vhub_prefix = '10.130.1.0/24';
    expect(errorsAt(design, 'vhub_prefix')[0]).toContain('is a /24 — did you mean 10.130.0.0/23?');
  });

  it.each(['10.130.0/23', '256.1.1.0/23', 'ten.0.0.0/23', '010.130.0.0/23'])('%s is not a CIDR block', (value) => {
    const design = mutable(vxlanGpeDesign());
    design.vhub_prefix = value;
    expect(errorsAt(design, 'vhub_prefix')[0]).toContain('not an IPv4 CIDR block');
  });

  it('a bare address is missing its prefix length', () => {
    const design = mutable(vxlanGpeDesign());
    design.vhub_prefix = '10.130.0.0';
    expect(errorsAt(design, 'vhub_prefix')[0]).toContain('has no prefix length — did you mean 10.130.0.0/23?');
  });

  it('an expression is not evaluated', () => {
    const design = mutable(vxlanGpeDesign());
    design.vhub_prefix = '${var.vhub_prefix}';
    expect(errorsAt(design, 'vhub_prefix')).toEqual([]);
  });
});

describe('loopback_subnet', () => {
  it('an aligned /26 is valid', () => {
    const design = mutable(vxlanGpeDesign());
    design.instances[0].loopback_subnet = '192.168.20.192/26';
    expect(errorsAt(design, 'instances.0.loopback_subnet')).toEqual([]);
  });

  it('host bits set: suggests the aligned /26', () => {
    const design = mutable(vxlanGpeDesign());
    design.instances[0].loopback_subnet = '192.168.20.10/26';
    expect(errorsAt(design, 'instances.0.loopback_subnet')).toEqual([
      'loopback_subnet must be a /26 with host bits zero: 192.168.20.10/26 has host bits set — did you mean 192.168.20.0/26?',
    ]);
  });

  it('a /24 is the wrong size', () => {
    const design = mutable(vxlanGpeDesign());
    design.instances[0].loopback_subnet = '192.168.20.0/24';
    expect(errorsAt(design, 'instances.0.loopback_subnet')[0]).toContain('must be a /26: 192.168.20.0/24 is a /24');
  });
});

describe('loopback overlaps', () => {
  it('adjacent /26 blocks do not overlap', () => {
    const design = ipsecDesign(); // 192.168.22.0/26 and 192.168.22.64/26
    expect(errorsAt(design, 'instances.1.loopback_subnet')).toEqual([]);
  });

  it('the later instance gets the error, naming the earlier one', () => {
    const design = mutable(ipsecDesign());
    design.instances[1].loopback_subnet = '192.168.22.0/26';
    expect(errorsAt(design, 'instances.0.loopback_subnet')).toEqual([]);
    const [message] = errorsAt(design, 'instances.1.loopback_subnet');
    expect(message).toContain('overlaps Instance "primary"');
    expect(message).toContain('192.168.22.0/26');
  });

  it('a loopback inside the vHub prefix is an error', () => {
    const design = mutable(vxlanGpeDesign());
    design.instances[0].loopback_subnet = '10.130.1.64/26';
    expect(errorsAt(design, 'instances.0.loopback_subnet')[0]).toContain('overlaps vhub_prefix 10.130.0.0/23');
  });
});
