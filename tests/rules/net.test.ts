import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignedCidr, cidrHasHostBits, cidrsOverlap, formatIpv4, parseCidr, parseIpv4 } from '@/lib/connector/net';

const cidrArb = fc.record({
  address: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  prefixLength: fc.integer({ min: 0, max: 32 }),
});

describe('IPv4 helpers', () => {
  it('parse and format round-trip every address', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => parseIpv4(formatIpv4(n)) === n));
  });

  it('the aligned block has no host bits and overlaps the original', () => {
    fc.assert(
      fc.property(cidrArb, (cidr) => {
        const aligned = parseCidr(alignedCidr(cidr))!;
        return !cidrHasHostBits(aligned) && cidrsOverlap(aligned, cidr) && aligned.prefixLength === cidr.prefixLength;
      }),
    );
  });

  it('overlap is symmetric', () => {
    fc.assert(fc.property(cidrArb, cidrArb, (a, b) => cidrsOverlap(a, b) === cidrsOverlap(b, a)));
  });

  it('rejects out-of-range octets and prefixes', () => {
    expect(parseCidr('10.0.0.256/23')).toBeNull();
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('255.255.255.255/32')).toEqual({ address: 2 ** 32 - 1, prefixLength: 32 });
  });
});
