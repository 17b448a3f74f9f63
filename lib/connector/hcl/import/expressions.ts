/**
 * Reads an HCL expression (a node of the syntax tree, ../../../hcl) into a
 * small value model: literals are decoded, anything Terraform would have to
 * evaluate (references, function calls, conditionals, templates with
 * interpolation) is kept as its source text.
 */
import type { Expression, Span } from '@/lib/hcl/syntax';
import { soleInterpolation, templateLiteral } from '@/lib/hcl/values';
import { isExpression, toExpression } from '../../design';
import { numberFromText } from './strings';

export type HclValue =
  | { kind: 'string'; value: string; source: string }
  | { kind: 'number'; value: number | string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'tuple'; items: { value: HclValue; range: Span }[] }
  | { kind: 'object' }
  /** Source text of an expression Terraform evaluates, e.g. `alkira_segment.prod.id`. */
  | { kind: 'expression'; source: string }
  /** A literal that does not decode; `range` points at the problem. */
  | { kind: 'invalid'; message: string; range: Span };

/**
 * Reads an expression. Lists are read one level deep: no attribute takes
 * nested lists.
 */
export function readExpression(node: Expression, text: string, depth = 0): HclValue {
  const source = () => text.slice(node.from, node.to);
  switch (node.type) {
    case 'number': {
      const value = numberFromText(node.raw);
      return value === null ? { kind: 'expression', source: source() } : { kind: 'number', value };
    }
    case 'bool':
      return { kind: 'bool', value: node.value };
    case 'null':
      return { kind: 'null' };
    case 'template': {
      const literal = templateLiteral(text, node);
      if (literal !== null) return { kind: 'string', value: literal, source: source() };
      const sole = soleInterpolation(node);
      return { kind: 'expression', source: sole ? text.slice(sole.from, sole.to) : source() };
    }
    case 'unary':
      if (node.op === '-' && node.operand.type === 'number') {
        const value = numberFromText(`-${node.operand.raw}`);
        if (value !== null) return { kind: 'number', value };
      }
      return { kind: 'expression', source: source() };
    case 'tuple':
      if (depth > 0) return { kind: 'tuple', items: [] };
      return {
        kind: 'tuple',
        items: node.items.map((item) => ({
          value: readExpression(item, text, depth + 1),
          range: { from: item.from, to: item.to },
        })),
      };
    case 'object':
      return { kind: 'object' };
    default:
      return { kind: 'expression', source: source() };
  }
}

/**
 * A literal string as a design value. The design model reads a string of the
 * exact form `${…}` as an expression, so a LITERAL string of that form (HCL
 * `"$${var.x}"`, meaning the text ${var.x}) is stored as an expression whose
 * body is the quoted literal: `${"$${var.x}"}`. It renders back unchanged and
 * Terraform evaluates it to the same text. Every other string is stored as is.
 */
export function literalStringDesignValue(value: string, source: string): string {
  return isExpression(value) ? toExpression(source) : value;
}
