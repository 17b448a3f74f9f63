/** Block counts and uniqueness of names and segments. */
import type { UncheckedDesign, DesignIssue } from '../design';
import { eachRecord, instanceLabel, isUnset, issueCollector, items, quote, text } from './values';

/** The provider requires at least one `instances` and one `segment_options` block. */
export function hasInstancesAndSegmentOptions(design: UncheckedDesign): DesignIssue[] {
  const { issues, report } = issueCollector();
  if (items(design.instances).length === 0) {
    report('instances', 'Add at least one instance (an ExpressRoute circuit) — the connector needs one');
  }
  if (items(design.segment_options).length === 0) {
    report('segment_options', 'Add at least one segment_options block (segment and customer ASN) — the connector needs one');
  }
  return issues;
}

/**
 * Reports each value seen before in the same scope: `key` returns the
 * comparable value of an entry (or null to skip it).
 */
function duplicates(
  list: unknown,
  key: (entry: Record<string, unknown>) => string | null,
  onDuplicate: (index: number, firstIndex: number, value: string) => void,
): void {
  const firstIndex = new Map<string, number>();
  eachRecord(list, (entry, index) => {
    const value = key(entry);
    if (value === null) return;
    const first = firstIndex.get(value);
    if (first === undefined) firstIndex.set(value, index);
    else onDuplicate(index, first, value);
  });
}

const nameOf = (entry: Record<string, unknown>): string | null => (isUnset(entry.name) ? null : text(entry.name));

export function instanceNamesUnique(design: UncheckedDesign): DesignIssue[] {
  const { issues, report } = issueCollector();
  duplicates(design.instances, nameOf, (i, first, name) =>
    report(`instances.${i}.name`, `Instance name ${quote(name)} is already used by instance #${first + 1}; instance names must be unique`),
  );
  return issues;
}

/** Customer gateway names are unique within an instance (across its segments); tunnel names within a gateway. */
export function gatewayAndTunnelNamesUnique(design: UncheckedDesign): DesignIssue[] {
  const { issues, report } = issueCollector();
  eachRecord(design.instances, (instance, i) => {
    const label = instanceLabel(instance, i);
    const seenGateways = new Map<string, string>();
    eachRecord(instance.ipsec_customer_gateway, (gateway, g) => {
      eachRecord(gateway.customer_gateway, (customerGateway, c) => {
        const at = `instances.${i}.ipsec_customer_gateway.${g}.customer_gateway.${c}`;
        const name = text(customerGateway.name);
        if (!isUnset(name)) {
          const earlier = seenGateways.get(name);
          if (earlier) report(`${at}.name`, `${label}: customer gateway name ${quote(name)} is already used (${earlier}); customer gateway names must be unique within an instance`);
          else seenGateways.set(name, `ipsec_customer_gateway #${g + 1}, customer_gateway #${c + 1}`);
        }
        duplicates(customerGateway.tunnel, nameOf, (t, first, tunnelName) =>
          report(
            `${at}.tunnel.${t}.name`,
            `${label}: customer gateway ${quote(name)} already has a tunnel named ${quote(tunnelName)} (tunnel #${first + 1}); tunnel names must be unique within a gateway`,
          ),
        );
      });
    });
  });
  return issues;
}

/** One `segment_options` block per segment; segments compare as written (identical expressions are one segment). */
export function segmentOptionsUnique(design: UncheckedDesign): DesignIssue[] {
  const { issues, report } = issueCollector();
  duplicates(
    design.segment_options,
    (option) => (isUnset(option.segment_id) ? null : text(option.segment_id).trim()),
    (s, first, segment) =>
      report(`segment_options.${s}.segment_id`, `Segment ${quote(segment)} already has segment_options (block #${first + 1}); merge them into one block per segment`),
  );
  return issues;
}
