/** Customer ASNs in segment_options. */
import type { UncheckedBody, DesignIssue } from '../design';
import { MAX_ASN, isAzureReservedAsn, isIanaReservedAsn, isPrivateAsn } from '../net';
import { eachRecord, issueCollector, quote, readNumber } from './values';

/** Why a written ASN is unusable, or null when it is fine (or an expression, or unset). */
function asnProblem(value: unknown): string | null {
  const reading = readNumber(value);
  if (reading.kind === 'unset' || reading.kind === 'expression') return null;
  if (reading.kind === 'invalid') {
    const asPrefixed = /^\s*AS\s*(\d+)\s*$/i.exec(reading.text);
    if (asPrefixed)
      return `customer_asn takes the bare number: write ${asPrefixed[1]} instead of ${quote(reading.text)}`;
    return `customer_asn must be an integer from 1 to ${MAX_ASN}: ${quote(reading.text)} is not a number`;
  }
  const asn = reading.value;
  const asdot = typeof value === 'string' ? /^\s*(\d+)\.(\d+)\s*$/.exec(value) : null;
  if (asdot && Number(asdot[1]) <= 65535 && Number(asdot[2]) <= 65535) {
    return `customer_asn must be written as a plain integer: ${value} looks like asdot notation — did you mean ${Number(asdot[1]) * 65536 + Number(asdot[2])}?`;
  }
  if (!Number.isInteger(asn) || asn < 0 || asn > MAX_ASN)
    return `customer_asn must be an integer from 1 to ${MAX_ASN}: ${asn} is not`;
  if (isAzureReservedAsn(asn))
    return `customer_asn ${asn} is reserved by Azure (8074, 8075, 12076, 65515–65520); choose another ASN`;
  if (isIanaReservedAsn(asn))
    return `customer_asn ${asn} is reserved by IANA (0, 23456, 64496–64511, 65535–65551, ${MAX_ASN}); choose a private ASN such as 65001`;
  return null;
}

/** `customer_asn` is an integer 1–4294967295 that neither Azure nor IANA reserves. */
export function customerAsnsUsable(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  eachRecord(design.segment_options, (option, s) => {
    const problem = asnProblem(option.customer_asn);
    if (problem)
      report(
        `segment_options.${s}.customer_asn`,
        `segment_options #${s + 1} (segment ${quote(option.segment_id)}): ${problem}`,
      );
  });
  return issues;
}

/** WARNING: a public ASN is fine only if the customer owns it; private peering usually uses a private ASN. */
export function customerAsnsPrivate(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  eachRecord(design.segment_options, (option, s) => {
    const reading = readNumber(option.customer_asn);
    if (reading.kind !== 'number' || asnProblem(option.customer_asn) !== null || isPrivateAsn(reading.value)) return;
    report(
      `segment_options.${s}.customer_asn`,
      `customer_asn ${reading.value} is a public ASN; use it only if your organisation owns it, otherwise pick a private ASN (64512–65534 or 4200000000–4294967294)`,
    );
  });
  return issues;
}
