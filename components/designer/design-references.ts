/**
 * Pure checks on a design that decide what the designer says about
 * provisioning it: which values are Terraform expressions (they export as HCL
 * but the API can't take them), and whether stored pre-shared keys are still
 * the server's (stored secrets).
 */
import { isExpression, type ConnectorDesign } from '@/lib/connector/design';
import { hasStoredSecret } from '@/lib/connector/resource';

/** Dotted paths of every `${...}` value in the design, in document order. */
export function expressionPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionPaths(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => expressionPaths(v, path ? `${path}.${k}` : k));
  return isExpression(value) ? [path] : [];
}

/**
 * True when any sensitive attribute of the design is still a stored secret (what `GET /api/connectors/<id>/design`
 * puts in place of every key): sent back unchanged, a PUT keeps the stored value; an export writes a variable.
 */
export function hasStoredKey(design: ConnectorDesign): boolean {
  return hasStoredSecret(design);
}
