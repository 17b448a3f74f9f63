/** vHub prefix and loopback subnets: sizes, alignment, overlaps. */
import { type UncheckedBody, type DesignIssue } from '../design';
import { alignedCidr, cidrHasHostBits, cidrsOverlap, parseCidr, parseIpv4, type Ipv4Cidr } from '../net';
import { eachRecord, instanceLabel, isUnset, issueCollector, quote, text, isReference } from './values';

/**
 * Checks one `a.b.c.d/n` attribute that must be a /`prefixLength` with host
 * bits zero; suggests the aligned block. Unset and expressions are skipped.
 */
function prefixIssues(
  path: string,
  attribute: string,
  value: unknown,
  prefixLength: number,
  example: string,
): DesignIssue[] {
  if (isUnset(value) || isReference(value)) return [];
  const written = text(value).trim();
  const cidr = parseCidr(written);
  if (!cidr) {
    const bare = parseIpv4(written);
    if (bare !== null) {
      const guess = alignedCidr({ address: bare, prefixLength });
      return [
        {
          path,
          message: `${attribute} must be an IPv4 /${prefixLength}: ${written} has no prefix length — did you mean ${guess}?`,
        },
      ];
    }
    return [
      {
        path,
        message: `${attribute} must be an IPv4 /${prefixLength} such as ${example}: ${quote(value)} is not an IPv4 CIDR block`,
      },
    ];
  }
  if (cidr.prefixLength !== prefixLength) {
    const guess = alignedCidr({ address: cidr.address, prefixLength });
    return [
      {
        path,
        message: `${attribute} must be a /${prefixLength}: ${written} is a /${cidr.prefixLength} — did you mean ${guess}?`,
      },
    ];
  }
  if (cidrHasHostBits(cidr)) {
    return [
      {
        path,
        message: `${attribute} must be a /${prefixLength} with host bits zero: ${written} has host bits set — did you mean ${alignedCidr(cidr)}?`,
      },
    ];
  }
  return [];
}

/** `vhub_prefix` is an IPv4 /23 with host bits zero. */
export function vhubPrefixIsAligned23(design: UncheckedBody): DesignIssue[] {
  return prefixIssues('vhub_prefix', 'vhub_prefix', design.vhub_prefix, 23, '10.130.0.0/23');
}

/** Each instance's `loopback_subnet` is an IPv4 /26 with host bits zero. */
export function loopbackSubnetsAreAligned26(design: UncheckedBody): DesignIssue[] {
  const issues: DesignIssue[] = [];
  eachRecord(design.instances, (instance, i) => {
    issues.push(
      ...prefixIssues(
        `instances.${i}.loopback_subnet`,
        'loopback_subnet',
        instance.loopback_subnet,
        26,
        '192.168.20.0/26',
      ),
    );
  });
  return issues;
}

function cidrOf(value: unknown): Ipv4Cidr | null {
  return typeof value === 'string' && !isReference(value) ? parseCidr(value.trim()) : null;
}

/**
 * Loopback subnets must not overlap each other (reported on the later
 * instance, naming the earlier) nor the vHub prefix.
 */
export function loopbackSubnetsDoNotOverlap(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  const vhub = cidrOf(design.vhub_prefix);
  const seen: { label: string; written: string; cidr: Ipv4Cidr }[] = [];
  eachRecord(design.instances, (instance, i) => {
    const cidr = cidrOf(instance.loopback_subnet);
    if (!cidr) return;
    const written = text(instance.loopback_subnet).trim();
    const label = instanceLabel(instance, i);
    const path = `instances.${i}.loopback_subnet`;
    if (vhub && cidrsOverlap(cidr, vhub)) {
      report(
        path,
        `${label}: loopback_subnet ${written} overlaps vhub_prefix ${text(design.vhub_prefix).trim()}; choose a /26 outside the vHub prefix`,
      );
    }
    const earlier = seen.find((other) => cidrsOverlap(other.cidr, cidr));
    if (earlier) {
      report(
        path,
        `${label}: loopback_subnet ${written} overlaps ${earlier.label}'s loopback_subnet ${earlier.written}; each instance needs its own /26`,
      );
    }
    seen.push({ label, written, cidr });
  });
  return issues;
}
