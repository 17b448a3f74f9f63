/**
 * Literal strings that read like Terraform references. `segment_id =
 * "alkira_segment.dmz.id"` is valid HCL and passes every service rule as a
 * name, yet it is almost always a reference typed in the wrong mode: the
 * designer warns at the field and offers to make it an expression.
 */
import { isExpression } from './design';

const IDENT = '[A-Za-z_][A-Za-z0-9_-]*';
/** `var.x`, `local.x`, `module.m.out`, `data.alkira_segment.prod.id`. */
const NAMESPACED = new RegExp(`^(var|local|module|data)\\.${IDENT}(\\.${IDENT}|\\[[0-9]+\\])*$`);
/** `alkira_segment.dmz.id`: a provider resource type (`<provider>_<type>`), a label and an attribute. */
const RESOURCE = new RegExp(`^alkira_[a-z0-9_]+\\.${IDENT}(\\[[0-9]+\\])?(\\.${IDENT})+$`);
/** `tolist(...)`, `lookup(var.m, "k")`: a function call. */
const FUNCTION_CALL = /^[a-z][a-z0-9_]*\(.*\)$/s;

/** True when a literal string value would make more sense as a Terraform expression. */
export function looksLikeReference(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (isExpression(value)) return false;
  return NAMESPACED.test(text) || RESOURCE.test(text) || FUNCTION_CALL.test(text);
}

/** Dotted paths of every literal string in the design that looks like a reference, in document order. */
export function referenceLikeLiterals(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => referenceLikeLiterals(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => referenceLikeLiterals(v, path ? `${path}.${k}` : k));
  return looksLikeReference(value) ? [path] : [];
}

export const REFERENCE_LITERAL_MESSAGE =
  'This literal text looks like a Terraform reference; as written it is sent as the string itself. Use it as an expression?';

/** The id the warning carries (DesignIssue.ruleId). */
export const REFERENCE_LITERAL_RULE_ID = 'reference-like-literal';
