/**
 * HCL string literals and identifiers.
 *
 * Quoted HCL strings are templates, so besides the usual backslash escapes a
 * literal `${` / `%{` must be doubled (`$${`, `%%{`), or Terraform would try to
 * interpolate what the user typed.
 */
import { trimChar } from '@/lib/util/trim';

const SIMPLE_ESCAPES = new Map<string, string>([
  ['"', '\\"'],
  ['\\', '\\\\'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);

/**
 * Characters written as `\uXXXX`: C0/C1 controls, DEL and the Unicode line and
 * paragraph separators (invisible, and some editors treat them as line breaks).
 */
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Anything the loop below would change: an escape, `${`/`%{`, a control or separator, a surrogate. */
const NEEDS_ESCAPE_RE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]|[$%]\{/;

function hex4(code: number): string {
  return code.toString(16).padStart(4, '0');
}

/**
 * Escapes text for the inside of a quoted HCL string (without the quotes).
 * Lone UTF-16 surrogates cannot be encoded in UTF-8 (Terraform rejects
 * `\ud800`), so they become U+FFFD.
 */
export function escapeHclString(text: string): string {
  if (!NEEDS_ESCAPE_RE.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text.charAt(i + 1);
        i++;
      } else {
        out += '\ufffd';
      }
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      out += '\ufffd';
      continue;
    }
    const escaped = SIMPLE_ESCAPES.get(ch);
    if (escaped !== undefined) {
      out += escaped;
    } else if ((ch === '$' || ch === '%') && text[i + 1] === '{') {
      out += ch + ch;
    } else if (CONTROL_RE.test(ch)) {
      out += '\\u' + hex4(code);
    } else {
      out += ch;
    }
  }
  return out;
}

/** A complete quoted HCL string literal. */
export function quoteHclString(text: string): string {
  return '"' + escapeHclString(text) + '"';
}

const IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** True for a name Terraform accepts as a resource/variable name (ASCII subset). */
export function isHclIdentifier(name: string): boolean {
  return IDENTIFIER_RE.test(name);
}

/**
 * Turns arbitrary text into a Terraform identifier: lower-case ASCII letters,
 * digits and single underscores, never starting with a digit. Returns
 * `fallback` when nothing usable is left.
 */
export function toHclIdentifier(text: string, fallback: string): string {
  let cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_');
  cleaned = trimChar(cleaned, '_');
  if (cleaned === '') return fallback;
  return /^[0-9]/.test(cleaned) ? '_' + cleaned : cleaned;
}
