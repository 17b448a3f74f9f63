/**
 * Every design rule, as pure functions of a design. The zod schema runs the
 * error rules in its superRefine; the emulator and the HCL importer can call
 * the same functions. Rules read defensively, so they also run on raw form
 * state and on partially invalid input.
 */
import type { UncheckedBody, DesignIssue } from '../design';
import { enumeratedFieldsAllowed, requiredFieldsPresent, resourceNameIsIdentifier } from './required';
import { hasInstancesAndSegmentOptions, instanceNamesUnique, gatewayAndTunnelNamesUnique, segmentOptionsUnique } from './structure';
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

function runRules(rules: readonly DesignRule[], design: UncheckedBody): DesignIssue[] {
  return rules.flatMap((rule) => rule(design));
}

/** Every blocking finding of the rules (not the schema's type checks). */
export function collectDesignErrors(design: UncheckedBody): DesignIssue[] {
  return runRules(ERROR_RULES, design);
}

/** Every non-blocking finding. Works on raw form state and on invalid designs too. */
export function collectDesignWarnings(design: UncheckedBody): DesignIssue[] {
  return runRules(WARNING_RULES, design);
}
