/**
 * Pure checks on a design that decide what the designer says about
 * provisioning it: which values are Terraform expressions (they export as HCL
 * but the API can't take them), and whether stored pre-shared keys are still
 * represented by the design route's placeholder.
 */
import { isExpression, type ConnectorDesign } from '@/lib/connector/design';
import { hasStoredSecretPlaceholder } from '@/lib/connector/resource';

/**
 * What `GET /api/connectors/<id>/design` puts in place of every stored
 * secret (pre-shared keys, remote auth values). Sent back unchanged, a PUT
 * keeps the stored value; it must never be exported as if it were the value.
 */

/** Dotted paths of every `${...}` value in the design, in document order. */
export function expressionPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionPaths(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => expressionPaths(v, path ? `${path}.${k}` : k));
  return isExpression(value) ? [path] : [];
}

/** True when any sensitive attribute of the design still holds the stored-secret placeholder. */
export function hasStoredKeyPlaceholder(design: ConnectorDesign): boolean {
  return hasStoredSecretPlaceholder(design);
}
