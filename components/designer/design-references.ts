/**
 * Pure checks on a design that decide what the designer says about
 * provisioning it: which values are Terraform expressions (they export as HCL
 * but the API can't take them), and whether stored pre-shared keys are still
 * the server's (stored secrets).
 */
import { isExpression, type ConnectorDesign } from '@/lib/connector/design';
import { hasStoredSecret } from '@/lib/connector/resource';

/**
 * Dotted paths of every `${...}` value in the design, in document order. `memo`: each object's paths within it, for
 * designs whose objects never change (the designer's versions: only an edit's path is walked again).
 */
export function expressionPaths(value: unknown, memo?: WeakMap<object, readonly string[]>): string[] {
  return [...expressionsWithin(value, memo)];
}

const NONE: readonly string[] = [];

function expressionsWithin(value: unknown, memo: WeakMap<object, readonly string[]> | undefined): readonly string[] {
  if (typeof value !== 'object' || value === null) return isExpression(value) ? [''] : NONE;
  const known = memo?.get(value);
  if (known) return known;
  let found: string[] | undefined;
  const add = (key: string, child: unknown) => {
    const paths = expressionsWithin(child, memo);
    if (paths.length === 0) return;
    found ??= [];
    for (const path of paths) found.push(path ? `${key}.${path}` : key);
  };
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) add(String(i), value[i]);
  else for (const key in value) add(key, (value as Record<string, unknown>)[key]);
  const result = found ?? NONE;
  memo?.set(value, result);
  return result;
}

/**
 * True when any sensitive attribute of the design is still a stored secret (what `GET /api/connectors/<id>/design`
 * puts in place of every key): sent back unchanged, a PUT keeps the stored value; an export writes a variable.
 */
export function hasStoredKey(design: ConnectorDesign): boolean {
  return hasStoredSecret(design);
}
