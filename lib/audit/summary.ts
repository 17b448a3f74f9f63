/**
 * The audit trail's change summaries: which attributes changed, never their
 * values (so no pre-shared key or other secret can end up in the trail).
 * Pure.
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { diffDesigns } from '@/lib/connector/diff';
import { hclPath } from '@/lib/connector/hcl-path';
import { alkiraConnectorToDesign } from '@/lib/connector/mapping';

const MAX_LISTED = 6;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function shape(c: AlkiraConnector): string {
  return [
    c.size,
    c.tunnelProtocol,
    plural(c.instances?.length ?? 0, 'instance'),
    plural(c.segmentOptions?.length ?? 0, 'segment'),
  ]
    .filter(Boolean)
    .join(', ');
}

export function createSummary(created: AlkiraConnector, provisioned: boolean): string {
  return `Created (${shape(created)})${provisioned ? '' : ', not provisioned'}`;
}

export function deleteSummary(deleted: AlkiraConnector): string {
  return `Deleted (${shape(deleted)})`;
}

/** "Changed size, instances[0].loopback_subnet and 2 more"; both sides compared as designs (segments by name). */
export function updateSummary(before: AlkiraConnector, after: AlkiraConnector): string {
  const asDesign = (c: AlkiraConnector) =>
    alkiraConnectorToDesign(c, { segmentId: (name) => name, resourceName: 'audit' });
  // Attributes as HCL names them, list positions in brackets (not the app's internal dotted paths).
  const paths = [...new Set(diffDesigns(asDesign(before), asDesign(after)).map((c) => hclPath(c.path)))];
  if (paths.length === 0) return 'Re-provisioned without changes';
  const listed = paths.slice(0, MAX_LISTED).join(', ');
  const more = paths.length > MAX_LISTED ? ` and ${paths.length - MAX_LISTED} more` : '';
  return `Changed ${listed}${more}`;
}
