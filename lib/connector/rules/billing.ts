/** Billing tag references. */
import type { UncheckedBody, DesignIssue } from '../design';
import { issueCollector, items, quote, readNumber } from './values';

/** `billing_tag_ids` is a set: each a positive integer ID or a reference, no duplicates. */
export function billingTagIdsValid(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  const firstIndex = new Map<string, number>();
  items(design.billing_tag_ids).forEach((tag, k) => {
    const path = `billing_tag_ids.${k}`;
    const reading = readNumber(tag);
    if (
      reading.kind === 'unset' ||
      reading.kind === 'invalid' ||
      (reading.kind === 'number' && (!Number.isInteger(reading.value) || reading.value < 1))
    ) {
      report(
        path,
        `billing_tag_ids entry ${quote(tag ?? '')} must be a positive integer billing tag ID or a reference such as alkira_billing_tag.prod.id`,
      );
      return;
    }
    // 7 and "7" are the same tag; expressions compare as written.
    const key = reading.kind === 'number' ? String(reading.value) : reading.text.trim();
    const first = firstIndex.get(key);
    if (first !== undefined)
      report(
        path,
        `billing tag ${quote(tag)} is listed twice (also entry #${first + 1}); billing_tag_ids is a set — remove the duplicate`,
      );
    else firstIndex.set(key, k);
  });
  return issues;
}
