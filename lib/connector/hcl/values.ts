/**
 * Turns loosely-typed form values into HCL expression text.
 *
 * The preview renders while the user types, so every function accepts
 * `unknown` and never throws. `undefined` means "not set": the caller omits the
 * attribute (or fills in a default).
 */
import { expressionBody, isExpression } from '../design';
import { quoteHclString } from './strings';

/** HCL number literal (a leading minus is HCL's unary operator, which fmt leaves alone). */
const NUMBER_LITERAL_RE = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

const CLOSING = new Map<string, string>([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
]);
/** Characters HCL uses only inside string literals. */
const NEVER_OUTSIDE_STRINGS = "\\'`$@;^";

/**
 * A cheap plausibility check of an expression body: one line, brackets and
 * quotes balanced, no comment, no character HCL only allows inside strings. It catches half-typed references such as
 * `${lookup(var.x` so the preview stays parseable HCL; it is not a parser.
 */
export function isPlausibleExpression(body: string): boolean {
  if (body === '' || /[\r\n]/.test(body)) return false;
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    const closer = CLOSING.get(ch);
    if (ch === '"') inString = true;
    else if (NEVER_OUTSIDE_STRINGS.includes(ch)) return false;
    else if (ch === '#' || (ch === '/' && (body[i + 1] === '/' || body[i + 1] === '*'))) return false;
    else if (closer !== undefined) open.push(closer);
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (open.pop() !== ch) return false;
    }
  }
  return !inString && open.length === 0;
}

/**
 * A `${...}` value as bare HCL. A body that cannot stand as one attribute
 * value falls back to a quoted string of exactly what was typed (which also
 * reads back as the same design value).
 */
function renderExpression(value: string): string {
  const body = expressionBody(value);
  return isPlausibleExpression(body) ? body : quoteHclString(value);
}

/** True for values that count as "not set": undefined, null, '', NaN. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

function renderNumber(n: number): string {
  // Infinity has no HCL literal; quote it so the user sees it and the validator flags it.
  return Number.isFinite(n) ? String(n) : quoteHclString(String(n));
}

/** A string attribute: quoted literal, or bare expression. */
export function renderStringValue(value: unknown): string | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value === 'string') return isExpression(value) ? renderExpression(value) : quoteHclString(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return quoteHclString(String(value));
  }
  return undefined;
}

/**
 * A numeric attribute: a number or numeric string renders as a number; any
 * other string is quoted so the user sees what they typed.
 */
export function renderNumberValue(value: unknown): string | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value === 'number') return renderNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') {
    // Trim before the guard: isExpression narrows `value` to never on the false branch.
    const trimmed = value.trim();
    if (isExpression(value)) return renderExpression(value);
    return NUMBER_LITERAL_RE.test(trimmed) ? trimmed : quoteHclString(value);
  }
  if (typeof value === 'boolean') return quoteHclString(String(value));
  return undefined;
}

/** A boolean attribute: booleans and the strings "true"/"false" render bare. */
export function renderBoolValue(value: unknown): string | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    // Trim before the guard: isExpression narrows `value` to never on the false branch.
    const trimmed = value.trim();
    if (isExpression(value)) return renderExpression(value);
    return trimmed === 'true' || trimmed === 'false' ? trimmed : quoteHclString(value);
  }
  if (typeof value === 'number') return quoteHclString(String(value));
  return undefined;
}

/**
 * An inline list. Unset items (half-typed empty rows) are skipped; a list with
 * nothing left is unset. A whole list given as an expression is written as
 * that expression; any other non-array is unset.
 */
export function renderListValue(value: unknown, renderItem: (item: unknown) => string | undefined): string | undefined {
  if (isExpression(value)) return renderExpression(value);
  if (!Array.isArray(value)) return undefined;
  const items: string[] = [];
  for (const item of value) {
    const rendered = renderItem(item);
    if (rendered !== undefined) items.push(rendered);
  }
  return items.length === 0 ? undefined : `[${items.join(', ')}]`;
}
