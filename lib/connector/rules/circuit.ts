/** ExpressRoute circuit resource IDs. */
import { type UncheckedBody, type DesignIssue } from '../design';
import { isGuid } from '../net';
import { eachRecord, instanceLabel, isUnset, issueCollector, quote, text, isReference } from './values';
import { captured } from '@/lib/util/indexing';

const CIRCUIT_ID_SHAPE =
  '/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.Network/expressRouteCircuits/<circuit-name>';

/** The fixed words match case-insensitively, as Azure resource IDs do. */
const CIRCUIT_ID_RE =
  /^\/subscriptions\/([^/\s]+)\/resourceGroups\/([^/\s]+)\/providers\/Microsoft\.Network\/expressRouteCircuits\/([^/\s]+)$/i;

export interface CircuitIdParts {
  subscriptionId: string;
  resourceGroup: string;
  circuitName: string;
}

export function parseCircuitId(value: string): CircuitIdParts | null {
  const m = CIRCUIT_ID_RE.exec(value.trim());
  return m ? { subscriptionId: captured(m, 1), resourceGroup: captured(m, 2), circuitName: captured(m, 3) } : null;
}

function whatIsWrong(written: string): string {
  if (isGuid(written))
    return 'it looks like the circuit service key; the connector needs the resource ID (Azure portal → circuit → Properties → Resource ID)';
  if (!written.includes('/'))
    return 'it looks like a bare circuit name; give the full resource ID (Azure portal → circuit → Properties → Resource ID)';
  if (written.endsWith('/')) return 'remove the trailing slash';
  if (/\/(?:peerings|authorizations|connections)\//i.test(written))
    return 'it is the ID of a child resource; use the circuit itself, ending at expressRouteCircuits/<circuit-name>';
  if (!/providers\/Microsoft\.Network\/expressRouteCircuits\//i.test(written))
    return 'it is not a Microsoft.Network/expressRouteCircuits resource';
  return 'it does not have that shape';
}

/** `expressroute_circuit_id` is the Azure resource ID of an ExpressRoute circuit. */
export function circuitIdsWellFormed(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  eachRecord(design.instances, (instance, i) => {
    const value = instance.expressroute_circuit_id;
    if (isUnset(value) || isReference(value) || parseCircuitId(text(value))) return;
    report(
      `instances.${i}.expressroute_circuit_id`,
      `${instanceLabel(instance, i)}: expressroute_circuit_id must look like ${CIRCUIT_ID_SHAPE}: ${quote(value)} — ${whatIsWrong(text(value).trim())}`,
    );
  });
  return issues;
}

/** WARNING: Azure subscription IDs are GUIDs; anything else is most likely a placeholder or a typo. */
export function circuitSubscriptionIsGuid(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  eachRecord(design.instances, (instance, i) => {
    const parts =
      typeof instance.expressroute_circuit_id === 'string' ? parseCircuitId(instance.expressroute_circuit_id) : null;
    if (!parts || isGuid(parts.subscriptionId)) return;
    report(
      `instances.${i}.expressroute_circuit_id`,
      `${instanceLabel(instance, i)}: subscription ${quote(parts.subscriptionId)} in expressroute_circuit_id is not a GUID (8-4-4-4-12 hex digits) — is it a placeholder? Azure will not find the circuit`,
    );
  });
  return issues;
}

/** WARNING: two instances on the same circuit give no path diversity and will compete for its authorizations. */
export function circuitIdsDistinct(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  const firstUse = new Map<string, string>();
  eachRecord(design.instances, (instance, i) => {
    const value = text(instance.expressroute_circuit_id).trim();
    if (!value) return;
    // Azure IDs compare case-insensitively.
    const key = isReference(value) ? value : value.toLowerCase();
    const earlier = firstUse.get(key);
    if (earlier) {
      report(
        `instances.${i}.expressroute_circuit_id`,
        `${instanceLabel(instance, i)} uses the same ExpressRoute circuit as ${earlier}; separate instances normally terminate separate circuits`,
      );
    } else firstUse.set(key, instanceLabel(instance, i));
  });
  return issues;
}
