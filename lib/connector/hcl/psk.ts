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
import { toHclIdentifier } from './strings';
import { CONNECTOR_RESOURCE, STORED_SECRET_PLACEHOLDER } from '../resource';

/** The tunnel's sensitive attributes, in description order (pre_shared_key first). */
const TUNNEL_SENSITIVE: readonly string[] = Object.entries(
  CONNECTOR_RESOURCE.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks.tunnel.body.attributes,
).flatMap(([name, spec]) => ('sensitive' in spec ? [name] : []));
import { isPlausibleExpression, isUnset } from './values';

export interface PskVariable {
  /** Terraform variable name, e.g. `multi_instance_primary_circuit_prod_gateway_prod_tunnel_psk`. */
  name: string;
  /** Dotted design path of the key, e.g. `instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key`. */
  path: string;
}

export interface PskNameParts {
  resourceName: string;
  instanceName: string;
  gatewayName: string;
  tunnelName: string;
}

/** The (not yet de-duplicated) variable name for one tunnel's key. */
export function pskVariableName(parts: PskNameParts): string {
  const pieces = [
    toHclIdentifier(parts.resourceName, 'connector'),
    toHclIdentifier(parts.instanceName, 'instance'),
    toHclIdentifier(parts.gatewayName, 'gateway'),
    toHclIdentifier(parts.tunnelName, 'tunnel'),
  ];
  // A piece starting with a digit got a leading '_'; inside the name that would double the separator.
  return `${pieces.join('_')}_psk`.replace(/_+/g, '_');
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

/**
 * Every literal pre-shared key in the design, in document order, with a unique
 * variable name. Blank names fall back to their 1-based position
 * (`instance_2`) so two unnamed rows still get distinct, readable names.
 */
export function listPskVariables(design: ConnectorDesign | unknown): PskVariable[] {
  if (!isRecord(design)) return [];
  const resourceName = stringField(design, 'resource_name');
  const taken = new Set<string>();
  const out: PskVariable[] = [];
  for (const { item: instance, index: i } of recordsOf(design.instances)) {
    for (const { item: ipsecGateway, index: g } of recordsOf(instance.ipsec_customer_gateway)) {
      for (const { item: gateway, index: c } of recordsOf(ipsecGateway.customer_gateway)) {
        for (const { item: tunnel, index: t } of recordsOf(gateway.tunnel)) {
          const pskBase = pskVariableName({
            resourceName,
            instanceName: stringField(instance, 'name') || `instance_${i + 1}`,
            gatewayName: stringField(gateway, 'name') || `gateway_${c + 1}`,
            tunnelName: stringField(tunnel, 'name') || `tunnel_${t + 1}`,
          });
          for (const attribute of TUNNEL_SENSITIVE) {
            const value = tunnel[attribute];
            // Keys always; other sensitive values when they are a stored value the user cannot see (the placeholder).
            if (attribute === 'pre_shared_key' ? !isLiteralPsk(value) : value !== STORED_SECRET_PLACEHOLDER) continue;
            const base = attribute === 'pre_shared_key' ? pskBase : pskBase.replace(/_psk$/, `_${attribute}`);
            let name = base;
            for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
            taken.add(name);
            out.push({ name, path: `instances.${i}.ipsec_customer_gateway.${g}.customer_gateway.${c}.tunnel.${t}.${attribute}` });
          }
        }
      }
    }
  }
  return out;
}
