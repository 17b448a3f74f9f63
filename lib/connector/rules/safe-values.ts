/**
 * Values a design may not hold whatever the field (ERRORS), checked per
 * attribute from the resource description so the designer and the API agree:
 * - text with NUL or a bidirectional override/isolate (U+202A–U+202E,
 *   U+2066–U+2069): invisible, they make a name, key or description display
 *   differently from what it holds (a "Trojan Source" name) or cut it short
 *   in C-based tools;
 * - whole numbers beyond ±(2^53 − 1): JSON and JavaScript cannot hold them
 *   exactly, so `profile_id` 9007199254740993 would silently become
 *   9007199254740992 (numbers as numeric text are checked before they are read).
 */
import {
  CONNECTOR_RESOURCE,
  RESOURCE_LABEL,
  blocksOf,
  designAttributes,
  type AttributeSpec,
  type BodySpec,
} from '../resource';
import type { DesignIssue, UncheckedBody } from '../design';
import { isRecord } from '@/lib/util/records';
import { eachRecord, issueCollector } from './values';

const CONTROL_NAMES: Record<number, string> = {
  0x0000: 'a NUL character (U+0000)',
  0x202a: 'the invisible bidirectional control U+202A (LEFT-TO-RIGHT EMBEDDING)',
  0x202b: 'the invisible bidirectional control U+202B (RIGHT-TO-LEFT EMBEDDING)',
  0x202c: 'the invisible bidirectional control U+202C (POP DIRECTIONAL FORMATTING)',
  0x202d: 'the invisible bidirectional control U+202D (LEFT-TO-RIGHT OVERRIDE)',
  0x202e: 'the invisible bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)',
  0x2066: 'the invisible bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE)',
  0x2067: 'the invisible bidirectional control U+2067 (RIGHT-TO-LEFT ISOLATE)',
  0x2068: 'the invisible bidirectional control U+2068 (FIRST STRONG ISOLATE)',
  0x2069: 'the invisible bidirectional control U+2069 (POP DIRECTIONAL ISOLATE)',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters refused
const FORBIDDEN_TEXT = /[\u0000\u202a-\u202e\u2066-\u2069]/;

/** Why `value` may not be held as text, or null. */
export function forbiddenTextReason(value: string): string | null {
  const found = FORBIDDEN_TEXT.exec(value);
  if (!found) return null;
  const code = found[0].charCodeAt(0);
  const effect =
    code === 0
      ? 'which many tools read as the end of the text'
      : 'which makes the text display differently from what it holds';
  return `contains ${CONTROL_NAMES[code]}, ${effect}; remove it`;
}

const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** Why `value` (a number, or a number written as text) cannot be held exactly, or null. */
export function unsafeNumberReason(value: unknown): string | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) > MAX_EXACT
      ? `is beyond ${MAX_EXACT} (2^53 − 1), the largest whole number that can be kept exactly`
      : null;
  }
  if (typeof value !== 'string') return null;
  const digits = /^\s*-?0*(\d+)\s*$/.exec(value)?.[1];
  if (digits === undefined) return null;
  const tooLong =
    digits.length > String(MAX_EXACT).length ||
    (digits.length === String(MAX_EXACT).length && digits > String(MAX_EXACT));
  return tooLong ? `is beyond ${MAX_EXACT} (2^53 − 1), the largest whole number that can be kept exactly` : null;
}

function checkAttribute(
  spec: AttributeSpec,
  value: unknown,
  path: string,
  name: string,
  report: (path: string, message: string) => void,
): void {
  const values = Array.isArray(value) ? value.map((v, i) => [v, `${path}.${i}`] as const) : [[value, path] as const];
  const numeric = spec.type === 'number' || spec.type === 'list(number)' || spec.type === 'set(number)';
  for (const [v, at] of values) {
    if (typeof v === 'string') {
      const reason = forbiddenTextReason(v);
      if (reason) {
        report(at, `${name} ${reason}`);
        continue;
      }
    }
    if (numeric || typeof v === 'number') {
      const reason = unsafeNumberReason(v);
      if (reason) report(at, `${name} ${reason}`);
    }
  }
}

function checkBody(
  body: BodySpec,
  value: Record<string, unknown>,
  prefix: string,
  report: (path: string, message: string) => void,
): void {
  for (const [name, spec] of designAttributes(body)) {
    if (value[name] !== undefined) checkAttribute(spec, value[name], `${prefix}${name}`, name, report);
  }
  for (const [name, block] of blocksOf(body)) {
    eachRecord(value[name], (item, index) => checkBody(block.body, item, `${prefix}${name}.${index}.`, report));
  }
}

/** ERROR: text with NUL or bidirectional controls, whole numbers beyond 2^53 − 1, at the field that holds them. */
export function valuesAreExact(design: UncheckedBody): DesignIssue[] {
  const { issues, report } = issueCollector();
  if (!isRecord(design)) return issues;
  const label = design[RESOURCE_LABEL.key];
  if (typeof label === 'string') {
    const reason = forbiddenTextReason(label);
    if (reason) report(RESOURCE_LABEL.key, `${RESOURCE_LABEL.key} ${reason}`);
  }
  checkBody(CONNECTOR_RESOURCE, design, '', report);
  return issues;
}
