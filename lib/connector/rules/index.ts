/**
 * Every design rule, as pure functions of a design. The zod schema runs the
 * error rules in its superRefine; the emulator and the HCL importer can call
 * the same functions. Rules read defensively, so they also run on raw form
 * state and on partially invalid input.
 */
import type { UncheckedBody, DesignIssue } from '../design';
import { enumeratedFieldsAllowed, requiredFieldsPresent, resourceNameIsIdentifier } from './required';
import {
  hasInstancesAndSegmentOptions,
  instanceNamesUnique,
  gatewayAndTunnelNamesUnique,
  segmentOptionsUnique,
} from './structure';
import { loopbackSubnetsAreAligned26, loopbackSubnetsDoNotOverlap, vhubPrefixIsAligned23 } from './addressing';
import { circuitIdsDistinct, circuitIdsWellFormed, circuitSubscriptionIsGuid } from './circuit';
import { gatewayMacAddressesValid, virtualNetworkInterfacesValid } from './vxlan';
import { ipsecGatewaysMatchProtocol, ipsecSegmentsMatchSegmentOptions, tunnelSettingsSupported } from './ipsec';
import { customerAsnsPrivate, customerAsnsUsable } from './asn';
import { billingTagIdsValid } from './billing';
import { descriptionLength, preSharedKeysDistinct, preSharedKeysNotInline, tunnelsHavePreSharedKeys } from './hygiene';
import { valuesAreExact } from './safe-values';

export * from './required';
export * from './structure';
export * from './addressing';
export * from './circuit';
export * from './vxlan';
export * from './ipsec';
export * from './asn';
export * from './billing';
export * from './hygiene';
export * from './safe-values';

export type DesignRule = (design: UncheckedBody) => DesignIssue[];

/**
 * Each rule's stable id (kebab case), shown with its findings: `[vhub-prefix-aligned-23]`
 * in the CLI, SARIF's `ruleId`. An id is part of the CLI's output contract: keep it when
 * a rule's code is renamed.
 */
export const RULE_IDS: ReadonlyMap<DesignRule, string> = new Map<DesignRule, string>([
  [resourceNameIsIdentifier, 'resource-name-identifier'],
  [requiredFieldsPresent, 'required-fields'],
  [enumeratedFieldsAllowed, 'enumerated-values'],
  [hasInstancesAndSegmentOptions, 'instances-and-segment-options'],
  [instanceNamesUnique, 'instance-names-unique'],
  [gatewayAndTunnelNamesUnique, 'gateway-tunnel-names-unique'],
  [segmentOptionsUnique, 'segment-options-unique'],
  [vhubPrefixIsAligned23, 'vhub-prefix-aligned-23'],
  [loopbackSubnetsAreAligned26, 'loopback-subnet-aligned-26'],
  [loopbackSubnetsDoNotOverlap, 'loopback-subnets-overlap'],
  [circuitIdsWellFormed, 'circuit-id-format'],
  [gatewayMacAddressesValid, 'gateway-mac-addresses'],
  [virtualNetworkInterfacesValid, 'virtual-network-interfaces'],
  [ipsecGatewaysMatchProtocol, 'ipsec-gateways-protocol'],
  [ipsecSegmentsMatchSegmentOptions, 'ipsec-segments-match-options'],
  [tunnelSettingsSupported, 'tunnel-settings-supported'],
  [customerAsnsUsable, 'customer-asn-usable'],
  [billingTagIdsValid, 'billing-tag-ids'],
  [circuitSubscriptionIsGuid, 'circuit-subscription-guid'],
  [circuitIdsDistinct, 'circuit-ids-distinct'],
  [customerAsnsPrivate, 'customer-asn-private'],
  [preSharedKeysNotInline, 'pre-shared-key-inline'],
  [tunnelsHavePreSharedKeys, 'pre-shared-key-missing'],
  [preSharedKeysDistinct, 'pre-shared-keys-distinct'],
  [descriptionLength, 'description-length'],
]);

/** Rules whose findings block apply. */
export const ERROR_RULES: readonly DesignRule[] = [
  resourceNameIsIdentifier,
  requiredFieldsPresent,
  enumeratedFieldsAllowed,
  hasInstancesAndSegmentOptions,
  instanceNamesUnique,
  gatewayAndTunnelNamesUnique,
  segmentOptionsUnique,
  vhubPrefixIsAligned23,
  loopbackSubnetsAreAligned26,
  loopbackSubnetsDoNotOverlap,
  circuitIdsWellFormed,
  gatewayMacAddressesValid,
  virtualNetworkInterfacesValid,
  ipsecGatewaysMatchProtocol,
  ipsecSegmentsMatchSegmentOptions,
  tunnelSettingsSupported,
  customerAsnsUsable,
  billingTagIdsValid,
  valuesAreExact,
];

/** Rules whose findings are advice only. */
export const WARNING_RULES: readonly DesignRule[] = [
  circuitSubscriptionIsGuid,
  circuitIdsDistinct,
  customerAsnsPrivate,
  preSharedKeysNotInline,
  tunnelsHavePreSharedKeys,
  preSharedKeysDistinct,
  descriptionLength,
];

/** Every finding of `rules`, each tagged with its rule's id. */
function runRules(rules: readonly DesignRule[], design: UncheckedBody): DesignIssue[] {
  const out: DesignIssue[] = [];
  for (const rule of rules) {
    const ruleId = RULE_IDS.get(rule);
    for (const issue of rule(design)) out.push(ruleId === undefined ? issue : { ...issue, ruleId });
  }
  return out;
}

/** Every blocking finding of the rules (not the schema's type checks). */
export function collectDesignErrors(design: UncheckedBody): DesignIssue[] {
  return runRules(ERROR_RULES, design);
}

/** Every non-blocking finding. Works on raw form state and on invalid designs too. */
export function collectDesignWarnings(design: UncheckedBody): DesignIssue[] {
  return runRules(WARNING_RULES, design);
}
