/**
 * Values of literal syntax: the text a template without sequences stands
 * for (escapes decoded, heredoc indentation stripped, normalised to Unicode
 * NFC as Terraform normalises strings), a block label's value (not
 * normalised), and `"${x}"` seen as `x`.
 */
import type { Expression, TemplateExpression, TemplatePart } from './syntax';

type Template = TemplateExpression;

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** The value of quoted-literal text (escapes checked by the parser; an invalid one is kept as written). */
export function decodeQuoted(raw: string): string {
  if (raw.indexOf('\\') < 0 && raw.indexOf('{') < 0) return raw;
  let out = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
      out += raw.slice(from, i) + ch;
      from = i + 2;
      i += 2;
      continue;
    }
    if (ch !== '\\') continue;
    const next = raw[i + 1];
    if (next !== undefined && Object.hasOwn(SIMPLE, next)) {
      out += raw.slice(from, i) + SIMPLE[next];
      from = i + 2;
      i++;
      continue;
    }
    const digits = next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = raw.slice(i + 2, i + 2 + digits);
    if (digits > 0 && hex.length === digits && /^[0-9A-Fa-f]+$/.test(hex)) {
      const code = parseInt(hex, 16);
      out += raw.slice(from, i) + (code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd');
      from = i + 2 + digits;
      i += 1 + digits;
    }
  }
  return out + raw.slice(from);
}

/** `$${` → `${` and `%%{` → `%{` (heredoc literals know no other escapes). */
function decodeHeredocLiteral(raw: string): string {
  return raw.indexOf('{') < 0 ? raw : raw.replace(/([$%])\1\{/g, '$1{');
}

/** Go's `unicode.IsSpace`: what hclsyntax counts as the indentation of a `<<-` heredoc line. */
const INDENTATION = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/** How many grapheme clusters `indentation` is (spaces and tabs: one each). */
function width(indentation: string): number {
  if (/^[ \t]*$/.test(indentation)) return indentation.length;
  let n = 0;
  for (const _ of graphemes(indentation)) n++;
  return n;
}

/** `line` without its first `count` grapheme clusters. */
function dropClusters(line: string, count: number): string {
  let from = 0;
  for (const { segment } of graphemes(line)) {
    if (count-- === 0) break;
    from += segment.length;
  }
  return line.slice(from);
}

/**
 * `<<-`, as hclsyntax's flushHeredocTemplateParts: the smallest indentation
 * (white space, Unicode spaces too, counted in grapheme clusters) of the
 * lines that are not blank is removed from each of those lines; a blank line
 * (white space only) stays as it is.
 */
function dedent(text: string): string {
  const lines = text.split(/(?<=\n)/);
  const isBlank = (line: string) => INDENTATION.exec(line)![0].length === line.length && line.endsWith('\n');
  let strip = Number.POSITIVE_INFINITY;
  for (const line of lines) if (!isBlank(line)) strip = Math.min(strip, width(INDENTATION.exec(line)![0]));
  if (!Number.isFinite(strip) || strip === 0) return text;
  return lines.map((line) => (isBlank(line) ? line : dropClusters(line, strip))).join('');
}

/** A template's literal text decoded (escapes, `<<-` indentation), not normalised; null when it has sequences. */
function literalText(text: string, template: Template): string | null {
  let out = '';
  for (const part of template.parts) {
    if (part.type !== 'literal') return null;
    const raw = text.slice(part.from, part.to);
    out += template.heredoc ? decodeHeredocLiteral(raw) : decodeQuoted(raw);
  }
  // A heredoc keeps its line ends as written (CRLF too), as hclsyntax does.
  if (template.heredoc && text.startsWith('<<-', template.from)) out = dedent(out);
  return out;
}

/** The string a template stands for when it has only literal parts; null when it has sequences. */
export function templateLiteral(text: string, template: Template): string | null {
  return literalText(text, template)?.normalize('NFC') ?? null;
}

/**
 * A quoted block label's value: decoded but not normalised, as hclsyntax
 * keeps a label (only string values go through cty, which normalises them
 * to NFC); null when it has sequences.
 */
export function labelValue(text: string, template: Template): string | null {
  return literalText(text, template);
}

/** `"${x}"` (one interpolation, no strip markers) is `x` itself, as `terraform fmt` unwraps it; else null. */
export function soleInterpolation(template: Template): Expression | null {
  if (template.heredoc || template.parts.length !== 1) return null;
  const [part] = template.parts;
  if (part === undefined || part.type !== 'interpolation' || part.stripLeft || part.stripRight) return null;
  return part.expression;
}
