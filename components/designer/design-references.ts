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
export function expressionPaths(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(v[i], `${path}.${i}`);
    else if (v && typeof v === 'object') for (const k in v) walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    else if (isExpression(v)) found.push(path);
  };
  walk(value, '');
  return found;
}

/** True when any sensitive attribute of the design still holds the stored-secret placeholder. */
export function hasStoredKeyPlaceholder(design: ConnectorDesign): boolean {
  return hasStoredSecretPlaceholder(design);
}
