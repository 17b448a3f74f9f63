/**
 * Pure checks on a design that decide what the designer says about
 * provisioning it: which values are Terraform expressions (they export as HCL
 * but the API can't take them), and whether stored pre-shared keys are still
 * the server's (stored secrets).
 */
import { isExpression, type ConnectorDesign } from '@/lib/connector/design';
import { hasStoredSecret } from '@/lib/connector/resource';

/** Dotted paths of every `${...}` value in the design, in document order. */
export function expressionPaths(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(v[i], `${path}.${i}`);
    else if (v && typeof v === 'object')
      for (const k in v) walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    else if (isExpression(v)) found.push(path);
  };
  walk(value, '');
  return found;
}

/**
 * True when any sensitive attribute of the design is still a stored secret (what `GET /api/connectors/<id>/design`
 * puts in place of every key): sent back unchanged, a PUT keeps the stored value; an export writes a variable.
 */
export function hasStoredKey(design: ConnectorDesign): boolean {
  return hasStoredSecret(design);
}
