/**
 * Values of literal syntax: the text a template without sequences stands
 * for (escapes decoded, heredoc indentation stripped, normalised to Unicode
 * NFC as Terraform normalises strings), and `"${x}"` seen as `x`.
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

/** `<<-`: the smallest indentation of the non-blank lines is removed from every line. */
function dedent(text: string): string {
  const lines = text.split(/(?<=\n)/);
  let strip = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.trim() === '') continue;
    strip = Math.min(strip, /^[ \t]*/.exec(line)![0].length);
  }
  if (!Number.isFinite(strip) || strip === 0) return text;
  return lines.map((line) => line.slice(Math.min(strip, /^[ \t]*/.exec(line)![0].length))).join('');
}

/** The string a template stands for when it has only literal parts; null when it has sequences. */
export function templateLiteral(text: string, template: Template): string | null {
  let out = '';
  for (const part of template.parts) {
    if (part.type !== 'literal') return null;
    const raw = text.slice(part.from, part.to);
    out += template.heredoc ? decodeHeredocLiteral(raw) : decodeQuoted(raw);
  }
  if (template.heredoc) {
    out = out.replace(/\r\n/g, '\n');
    if (text.startsWith('<<-', template.from)) out = dedent(out);
  }
  return out.normalize('NFC');
}

/** `"${x}"` (one interpolation, no strip markers) is `x` itself, as `terraform fmt` unwraps it; else null. */
export function soleInterpolation(template: Template): Expression | null {
  if (template.heredoc || template.parts.length !== 1) return null;
  const [part]: TemplatePart[] = template.parts;
  if (part.type !== 'interpolation' || part.stripLeft || part.stripRight) return null;
  return part.expression;
}
