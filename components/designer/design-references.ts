/**
 * Pure checks on a design that decide what the designer says about
 * provisioning it: which values are Terraform expressions (they export as HCL
 * but the API can't take them), and whether stored pre-shared keys are still
 * represented by the design route's placeholder.
 */
import { isExpression, type ConnectorDesign } from '@/lib/connector/design';

/**
 * What `GET /api/connectors/<id>/design` puts in place of every stored
 * pre-shared key (the server's DESIGN_MASK). Sent back unchanged, a PUT keeps
 * the stored key; it must never be exported as if it were the key.
 */
export const STORED_KEY_PLACEHOLDER = '********';

/** Dotted paths of every `${...}` value in the design, in document order. */
export function expressionPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionPaths(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => expressionPaths(v, path ? `${path}.${k}` : k));
  return isExpression(value) ? [path] : [];
}

/** True when any tunnel of the design still holds the stored-key placeholder. */
export function hasStoredKeyPlaceholder(design: ConnectorDesign): boolean {
  return (design.instances ?? []).some((inst) =>
    (inst.ipsec_customer_gateway ?? []).some((g) =>
      (g.customer_gateway ?? []).some((c) => (c.tunnel ?? []).some((t) => t.pre_shared_key === STORED_KEY_PLACEHOLDER)),
    ),
  );
}
