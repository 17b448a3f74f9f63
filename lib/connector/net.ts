/**
 * Address and identifier helpers for the connector rules: IPv4/CIDR, MAC,
 * FQDN, GUID, ASN and Terraform identifiers. Pure functions, no zod.
 */

import { captured } from '@/lib/util/indexing';

export interface Ipv4Cidr {
  /** The address as written, as an unsigned 32-bit integer. */
  address: number;
  prefixLength: number;
}

const OCTET_RE = /^(0|[1-9]\d{0,2})$/;

/** Parses a dotted-quad IPv4 address; rejects leading zeros (ambiguous octal). */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!OCTET_RE.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Parses `a.b.c.d/n`. Host bits may be set; see {@link cidrHasHostBits}. */
export function parseCidr(text: string): Ipv4Cidr | null {
  const m = /^([^/]+)\/(0|[1-9]\d?)$/.exec(text);
  if (!m) return null;
  const address = parseIpv4(captured(m, 1));
  const prefixLength = Number(captured(m, 2));
  if (address === null || prefixLength > 32) return null;
  return { address, prefixLength };
}

/** Number of addresses in a prefix of this length. */
function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

/** The network address (host bits cleared). Arithmetic, not bitwise, to stay unsigned. */
export function networkAddress(cidr: Ipv4Cidr): number {
  const size = blockSize(cidr.prefixLength);
  return Math.floor(cidr.address / size) * size;
}

export function cidrHasHostBits(cidr: Ipv4Cidr): boolean {
  return networkAddress(cidr) !== cidr.address;
}

/** `a.b.c.d/n` with host bits cleared. */
export function alignedCidr(cidr: Ipv4Cidr): string {
  return `${formatIpv4(networkAddress(cidr))}/${cidr.prefixLength}`;
}

/** True when the two blocks share at least one address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  const aStart = networkAddress(a);
  const bStart = networkAddress(b);
  const aEnd = aStart + blockSize(a.prefixLength) - 1;
  const bEnd = bStart + blockSize(b.prefixLength) - 1;
  return aStart <= bEnd && bStart <= aEnd;
}

const MAC_RE = /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/;

/** `XX:XX:XX:XX:XX:XX` with hex digits. */
export function isMacAddress(text: string): boolean {
  return MAC_RE.test(text);
}

/** Multicast (and broadcast) MACs have the least significant bit of the first octet set. */
export function isMulticastMac(text: string): boolean {
  return isMacAddress(text) && (parseInt(text.slice(0, 2), 16) & 1) === 1;
}

const FQDN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** Two or more labels, one optional trailing dot (one pass, no split). */
const FQDN_RE = new RegExp(`^(?:${FQDN_LABEL}\\.)+${FQDN_LABEL}\\.?$`);
/** The top-level label (before an optional trailing dot) is all digits. */
const NUMERIC_TOP_LABEL_RE = /(?:^|\.)\d+\.?$/;

/**
 * A fully qualified domain name: at least two labels of 1–63 letters, digits
 * and hyphens (not at either end), at most 253 characters, a top-level label
 * that is not all digits (else it is an IPv4 address); one trailing dot allowed.
 */
export function isFqdn(text: string): boolean {
  const length = text.endsWith('.') ? text.length - 1 : text.length;
  if (length === 0 || length > 253) return false;
  return FQDN_RE.test(text) && !NUMERIC_TOP_LABEL_RE.test(text);
}

const GUID_RE = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

export function isGuid(text: string): boolean {
  return GUID_RE.test(text);
}

/** Terraform resource label: a letter or underscore, then letters, digits, underscores, dashes. */
export function isTerraformIdentifier(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text);
}

export const MAX_ASN = 4294967295;

/** ASNs Azure reserves; a customer ASN must not use them (Azure ExpressRoute docs). */
export const AZURE_RESERVED_ASNS: ReadonlyArray<readonly [number, number]> = [
  [8074, 8075],
  [12076, 12076],
  [65515, 65520],
];

/** IANA-reserved ASNs (RFC 7607, RFC 6793 AS_TRANS, RFC 5398 documentation, RFC 7300 last ASNs). */
export const IANA_RESERVED_ASNS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [23456, 23456],
  [64496, 64511],
  [65535, 65551],
  [MAX_ASN, MAX_ASN],
];

function inRanges(asn: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([low, high]) => asn >= low && asn <= high);
}

export function isAzureReservedAsn(asn: number): boolean {
  return inRanges(asn, AZURE_RESERVED_ASNS);
}

export function isIanaReservedAsn(asn: number): boolean {
  return inRanges(asn, IANA_RESERVED_ASNS);
}

/** Private-use ASNs (RFC 6996): 64512–65534 and 4200000000–4294967294. */
export function isPrivateAsn(asn: number): boolean {
  return (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294);
}
