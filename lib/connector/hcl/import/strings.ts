/**
 * Decoding of HCL string literals: the inverse of ../strings.ts.
 *
 * Quoted strings take backslash escapes (`\n \r \t \" \\ \uXXXX \UXXXXXXXX`)
 * and the template escapes `$${` → `${` and `%%{` → `%{`. Heredocs take only
 * the template escapes (HCL does not interpret backslashes there).
 */

export type DecodeResult = { ok: true; value: string } | { ok: false; message: string; offset: number };

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Decodes the raw text between the quotes of a quoted string (no interpolation in it). */
export function decodeQuotedLiteral(raw: string): DecodeResult {
  // Plain runs are copied whole: a long string must not be rebuilt one character at a time.
  const special = /[\n$%\\]/g;
  const parts: string[] = [];
  let from = 0;
  for (let m = special.exec(raw); m; m = special.exec(raw)) {
    const i = m.index;
    const ch = raw[i];
    if (ch === '\n') {
      return { ok: false, message: 'A quoted string cannot span lines; write \\n or use a heredoc (<<EOT)', offset: i };
    }
    if (ch === '$' || ch === '%') {
      if (raw[i + 1] === ch && raw[i + 2] === '{') {
        parts.push(raw.slice(from, i), ch + '{');
        from = i + 3;
        special.lastIndex = from;
      }
      continue;
    }
    const next = raw[i + 1];
    parts.push(raw.slice(from, i));
    if (next !== undefined && Object.hasOwn(SIMPLE, next)) {
      parts.push(SIMPLE[next]);
      from = i + 2;
      special.lastIndex = from;
      continue;
    }
    const digits = next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = raw.slice(i + 2, i + 2 + digits);
    if (digits > 0 && new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) {
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return { ok: false, message: `Invalid escape \\${next}${hex}: beyond the last Unicode code point`, offset: i };
      parts.push(String.fromCodePoint(code));
      from = i + 2 + digits;
      special.lastIndex = from;
      continue;
    }
    const shown = next === undefined ? '\\' : `\\${next}`;
    return { ok: false, message: `Invalid escape sequence ${shown}; the escapes are \\n \\r \\t \\" \\\\ \\uXXXX \\UXXXXXXXX`, offset: i };
  }
  parts.push(raw.slice(from));
  return { ok: true, value: parts.join('') };
}

/** `$${` and `%%{` stand for a literal `${` / `%{`. */
export function undoTemplateEscapes(text: string): string {
  return text.replace(/([$%])\1\{/g, '$1{');
}

/**
 * The value of a heredoc without interpolation, given its full source
 * (`<<EOT\n…\nEOT` or the indented `<<-EOT` form). Every line keeps its
 * newline, the last one too, as in Terraform.
 */
export function decodeHeredoc(source: string): string {
  const firstBreak = source.indexOf('\n');
  const lastBreak = source.lastIndexOf('\n');
  if (firstBreak < 0 || lastBreak <= firstBreak) return '';
  const lines = source.slice(firstBreak + 1, lastBreak + 1).split(/(?<=\n)/);
  const contentLines = source.startsWith('<<-') ? dedent(lines) : lines;
  return undoTemplateEscapes(contentLines.join('').replace(/\r\n/g, '\n'));
}

/** `<<-` strips the smallest indentation of the non-blank lines from every line. */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const strip = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)![0].length)));
}

/**
 * Terraform's string → number conversion: a decimal number, optional sign and
 * exponent, nothing else (no spaces, no hex).
 */
const DECIMAL_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The number a numeric text stands for: a JS number when it is exactly
 * representable, else the text itself (numeric strings are valid design
 * values, so a 30-digit literal is not silently rounded). Null when not a number.
 */
export function numberFromText(text: string): number | string | null {
  if (!DECIMAL_RE.test(text)) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return text;
  return n;
}

/** Terraform's string → bool conversion. */
export function boolFromText(text: string): boolean | null {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}
