/**
 * Pre-shared keys as Terraform variables.
 *
 * A literal key in a .tf file ends up in version control; by default the
 * exported HCL declares one sensitive variable per tunnel key instead and the
 * UI tells the user which variables to set (names and paths only, never the
 * values).
 */
import type { ConnectorDesign } from '../design';
import { expressionBody, isExpression } from '../design';
import { isRecord, recordsOf, stringField } from './loose';
import { isHclIdentifier, toHclIdentifier } from './strings';
import { CONNECTOR_RESOURCE, STORED_SECRET_PLACEHOLDER } from '../resource';

/** The tunnel's sensitive attributes, in description order (pre_shared_key first). */
export const TUNNEL_SENSITIVE_ATTRIBUTES: readonly string[] = Object.entries(
  CONNECTOR_RESOURCE.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks.tunnel.body.attributes,
).flatMap(([name, spec]) => ('sensitive' in spec ? [name] : []));
import { isPlausibleExpression, isUnset } from './values';

export interface PskVariable {
  /** Terraform variable name, e.g. `multi_instance_psk_3`. */
  name: string;
  /** Dotted design path of the key, e.g. `instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key`. */
  path: string;
}

/**
 * True when a pre_shared_key holds a literal secret (as opposed to nothing,
 * or an expression such as `${var.psk}` that already keeps it out of the file).
 * A malformed `${...}` would be written as a quoted string, so it counts as a
 * literal: whatever ends up quoted in the file must be a variable instead.
 */
export function isLiteralPsk(value: unknown): boolean {
  if (isUnset(value)) return false;
  if (isExpression(value)) return !isPlausibleExpression(expressionBody(value));
  return ['string', 'number', 'boolean', 'bigint'].includes(typeof value);
}

/** A variable with its design path as segments (block names and list indices), for walking alongside the design. */
export interface PskVariableAt extends PskVariable {
  segments: readonly (string | number)[];
}

/** listPskVariables, each variable also with its path as segments (the renderer follows them down without parsing paths). */
export function listPskVariablesAt(design: ConnectorDesign | unknown): PskVariableAt[] {
  if (!isRecord(design)) return [];
  const resourceName = stringField(design, 'resource_name');
  const label = isHclIdentifier(resourceName) ? resourceName : toHclIdentifier(resourceName, 'connector');
  const counters = new Map<string, number>();
  const out: PskVariableAt[] = [];
  for (const { item: instance, index: i } of recordsOf(design.instances)) {
    for (const { item: ipsecGateway, index: g } of recordsOf(instance.ipsec_customer_gateway)) {
      for (const { item: gateway, index: c } of recordsOf(ipsecGateway.customer_gateway)) {
        for (const { item: tunnel, index: t } of recordsOf(gateway.tunnel)) {
          for (const attribute of TUNNEL_SENSITIVE_ATTRIBUTES) {
            const value = tunnel[attribute];
            // Keys always; other sensitive values when they are a stored value the user cannot see (the placeholder).
            if (attribute === 'pre_shared_key' ? !isLiteralPsk(value) : value !== STORED_SECRET_PLACEHOLDER) continue;
            const stem = attribute === 'pre_shared_key' ? 'psk' : attribute;
            const n = (counters.get(stem) ?? 0) + 1;
            counters.set(stem, n);
            out.push({
              name: `${label}_${stem}_${n}`,
              path: `instances.${i}.ipsec_customer_gateway.${g}.customer_gateway.${c}.tunnel.${t}.${attribute}`,
              segments: ['instances', i, 'ipsec_customer_gateway', g, 'customer_gateway', c, 'tunnel', t, attribute],
            });
          }
        }
      }
    }
  }
  return out;
}

/**
 * Every literal pre-shared key in the design, in document order, with a unique
 * variable name: the resource label plus a counter (`<label>_psk_<n>`), the
 * same scheme the document editor uses for a key it moves into a variable, so
 * the preview, the variables list and an export agree, and renaming a gateway
 * or tunnel never renames a variable (existing tfvars keep working).
 */
export function listPskVariables(design: ConnectorDesign | unknown): PskVariable[] {
  return listPskVariablesAt(design).map(({ name, path }) => ({ name, path }));
}
