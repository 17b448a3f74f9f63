/**
 * Defensive readers shared by the rules. Rules run on parsed designs, on raw
 * form state ('' for unset, numeric strings) and on partially invalid input
 * (so that every finding shows at once), hence no rule trusts the static type.
 */
import {
  expressionBody,
  isExpression,
  TUNNEL_PROTOCOLS,
  DEFAULTS,
  type DesignIssue,
  type TunnelProtocol,
} from '../design';
import { isRecord, type LooseRecord } from '@/lib/util/records';

// One definition of "a plain object" (the renderer's), re-exported for the rules.

/** The list, or [] when unset or not a list. */
export function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Whether a body generates `block` blocks with a `dynamic` block (their count is Terraform's to know). */
export function hasDynamic(body: unknown, block: string): boolean {
  if (!isRecord(body) || !isRecord(body.dynamic)) return false;
  const sources = body.dynamic[block];
  return Array.isArray(sources) && sources.length > 0;
}

/** Calls `visit` for each element that is an object, with its index. */
export function eachRecord(value: unknown, visit: (record: LooseRecord, index: number) => void): void {
  items(value).forEach((entry, index) => {
    if (isRecord(entry)) visit(entry, index);
  });
}

/** The string, or '' when unset or not a string. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Unset: undefined, null or a blank string (form state uses '' for unset). */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** How a numeric attribute reads: a number, an expression, unset, or something else. */
export type NumberReading =
  | { kind: 'unset' }
  | { kind: 'expression'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'invalid'; text: string };

export function readNumber(value: unknown): NumberReading {
  if (isUnset(value)) return { kind: 'unset' };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid', text: String(value) };
  if (isExpression(value)) return { kind: 'expression', text: value };
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return { kind: 'number', value: Number(value) };
  return { kind: 'invalid', text: printable(value) };
}

/**
 * Text for any value a caller may pass: strings as they are, objects and lists as JSON, anything else via
 * `String()`. In-memory callers can pass what JSON cannot carry (a BigInt, a cyclic object).
 */
function printable(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    try {
      // undefined when a toJSON answers undefined
      return JSON.stringify(value) ?? '(unprintable value)';
    } catch {
      return '(unprintable value)';
    }
  }
  return String(value);
}

/**
 * A value as the user wrote it, quoted, for messages. A reference reads as in
 * HCL (`alkira_segment.prod.id`, not the design's `${…}` form). Objects and
 * lists (API bodies may hold anything) are shown as JSON: `String()` of a JSON
 * object is "[object Object]", and throws for one with a `toString` key.
 */
export function quote(value: unknown): string {
  if (isExpression(value)) return expressionBody(value);
  return JSON.stringify(printable(value));
}

/** The tunnel protocol in force, or null when it is an expression or not a known protocol. */
export function knownTunnelProtocol(design: { tunnel_protocol?: unknown }): TunnelProtocol | null {
  const raw = isUnset(design.tunnel_protocol) ? DEFAULTS.tunnel_protocol : design.tunnel_protocol;
  return (TUNNEL_PROTOCOLS as readonly unknown[]).includes(raw) ? (raw as TunnelProtocol) : null;
}

/** `Instance "name"`, or `Instance #2` when the name is not filled in yet. */
export function instanceLabel(instance: LooseRecord, index: number): string {
  const name = text(instance.name);
  return name.trim() ? `Instance ${quote(name)}` : `Instance #${index + 1}`;
}

/** Collects issues with a short syntax: `report(path, message)`. */
export function issueCollector(): { issues: DesignIssue[]; report: (path: string, message: string) => void } {
  const issues: DesignIssue[] = [];
  return { issues, report: (path, message) => issues.push({ path, message }) };
}

/**
 * `${...}` test without type narrowing: design.ts's `isExpression` is a type
 * guard, which would narrow the negative branch of a string to `never`.
 */
export function isReference(value: unknown): boolean {
  return isExpression(value);
}
