/**
 * Reads an HCL expression node (from the Lezer tree of codemirror-lang-hcl)
 * into a small value model: literals are decoded, anything Terraform would
 * have to evaluate (references, function calls, conditionals, templates with
 * interpolation) is kept as its source text.
 */
import type { SyntaxNode } from '@lezer/common';
import { isExpression, toExpression } from '../../design';
import type { SourceRange } from './diagnostics';
import { isMaskedString } from './lezer-input';
import { decodeHeredoc, decodeQuotedLiteral, numberFromText } from './strings';

export type HclValue =
  | { kind: 'string'; value: string; source: string }
  | { kind: 'number'; value: number | string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'tuple'; items: { value: HclValue; range: SourceRange }[] }
  | { kind: 'object' }
  /** Source text of an expression Terraform evaluates, e.g. `alkira_segment.prod.id`. */
  | { kind: 'expression'; source: string }
  /** A literal that does not decode (bad escape); `range` points at the problem. */
  | { kind: 'invalid'; message: string; range: SourceRange };

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'Comment') out.push(child);
  }
  return out;
}

const TEMPLATE_DELIMITERS = new Set(['QuotedTemplateStart', 'QuotedTemplateEnd']);

/** A quoted string whose parts are all literal text: decoded; else null. */
function readQuotedLiteral(node: SyntaxNode, text: string): HclValue | null {
  const parts = children(node).filter((c) => !TEMPLATE_DELIMITERS.has(c.name));
  if (!parts.every((p) => p.name === 'TemplateLiteral')) return null;
  const start = node.firstChild?.name === 'QuotedTemplateStart' ? node.firstChild.to : node.from;
  const end = node.lastChild?.name === 'QuotedTemplateEnd' ? node.lastChild.from : node.to;
  const decoded = decodeQuotedLiteral(text.slice(start, end));
  if (!decoded.ok) {
    const at = start + decoded.offset;
    return { kind: 'invalid', message: decoded.message, range: { from: at, to: Math.min(at + 2, end) } };
  }
  return { kind: 'string', value: decoded.value, source: text.slice(node.from, node.to) };
}

/** `"${expr}"` alone is the expression itself (terraform fmt unwraps it the same way). */
function soleInterpolation(node: SyntaxNode, text: string): string | null {
  const parts = children(node).filter((c) => !TEMPLATE_DELIMITERS.has(c.name));
  if (parts.length !== 1 || parts[0].name !== 'TemplateInterpolation') return null;
  const inner = children(parts[0]);
  const expr = inner.find((c) => c.name === 'Expression');
  // `${~ x ~}` strip markers change whitespace handling: keep those verbatim.
  if (!expr || /[~]/.test(text.slice(parts[0].from, expr.from) + text.slice(expr.to, parts[0].to))) return null;
  return text.slice(expr.from, expr.to).trim();
}

function readTemplate(node: SyntaxNode, text: string): HclValue {
  const source = text.slice(node.from, node.to);
  const inner = node.firstChild;
  if (inner?.name === 'QuotedTemplate') {
    const literal = readQuotedLiteral(inner, text);
    if (literal) return literal;
    const sole = soleInterpolation(inner, text);
    return { kind: 'expression', source: sole ?? source };
  }
  if (inner?.name === 'HeredocTemplate') {
    const dynamic = children(inner).some((c) => c.name === 'TemplateInterpolation' || c.name === 'TemplateDirective');
    return dynamic ? { kind: 'expression', source } : { kind: 'string', value: decodeHeredoc(source), source };
  }
  return { kind: 'expression', source };
}

/** A plain quoted string the grammar saw as a number (see ./lezer-input.ts). */
function readMaskedString(node: SyntaxNode, text: string): HclValue {
  const start = node.from + 1;
  const decoded = decodeQuotedLiteral(text.slice(start, node.to - 1));
  if (!decoded.ok) {
    const at = start + decoded.offset;
    return { kind: 'invalid', message: decoded.message, range: { from: at, to: Math.min(at + 2, node.to - 1) } };
  }
  return { kind: 'string', value: decoded.value, source: text.slice(node.from, node.to) };
}

function readLiteral(node: SyntaxNode, text: string): HclValue {
  const inner = node.firstChild;
  const source = text.slice(node.from, node.to);
  switch (inner?.name) {
    case 'NumericLit': {
      if (isMaskedString(source)) return readMaskedString(node, text);
      const value = numberFromText(source);
      return value === null ? { kind: 'expression', source } : { kind: 'number', value };
    }
    case 'BoolLit':
      return { kind: 'bool', value: source === 'true' };
    case 'NullLit':
      return { kind: 'null' };
    case 'StringLit':
      return readQuotedLiteral(inner, text) ?? { kind: 'expression', source };
    default:
      return { kind: 'expression', source };
  }
}

/** `-5`: HCL parses it as unary minus on a literal; for import it is just a number. */
function readNegativeNumber(node: SyntaxNode, text: string): HclValue | null {
  const unary = node.firstChild;
  if (unary?.name !== 'UnaryOperation') return null;
  const [op, operand] = children(unary);
  if (op?.name !== 'ArithOp' || text.slice(op.from, op.to) !== '-' || operand?.name !== 'LiteralValue') return null;
  if (operand.firstChild?.name !== 'NumericLit') return null;
  const value = numberFromText('-' + text.slice(operand.from, operand.to));
  return value === null ? null : { kind: 'number', value };
}

/**
 * Reads an `Expression` node. Lists are read one level deep: no attribute
 * takes nested lists, and a hostile `[[[[…` must not exhaust the stack.
 */
export function readExpression(node: SyntaxNode, text: string, depth = 0): HclValue {
  const source = text.slice(node.from, node.to);
  const parts = children(node);
  if (parts.length === 1) {
    const [only] = parts;
    switch (only.name) {
      case 'LiteralValue':
        return readLiteral(only, text);
      case 'TemplateExpr':
        return readTemplate(only, text);
      case 'Operation':
        return readNegativeNumber(only, text) ?? { kind: 'expression', source };
      case 'CollectionValue': {
        const collection = only.firstChild;
        if (collection?.name === 'Tuple') {
          if (depth > 0) return { kind: 'tuple', items: [] };
          const items = children(collection)
            .filter((c) => c.name === 'Expression')
            .map((c) => ({ value: readExpression(c, text, depth + 1), range: { from: c.from, to: c.to } }));
          return { kind: 'tuple', items };
        }
        if (collection?.name === 'Object') return { kind: 'object' };
        break;
      }
    }
  }
  return { kind: 'expression', source };
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
