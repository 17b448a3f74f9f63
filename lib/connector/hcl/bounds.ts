/**
 * The input limits of HCL text, checked on the one scanner's tokens
 * (lib/hcl/scanner.ts) before anything is imported: text no connector file
 * resembles (10,000 `{`, a 100,000-character string) gets a clear diagnostic
 * at once. Brackets inside strings, comments and heredocs are not brackets to
 * the scanner, so they do not count.
 */
import { Lines } from '@/lib/hcl/lines';
import { scan, T } from '@/lib/hcl/scanner';
import { INPUT_LIMITS } from '../limits';
import type { HclDiagnostic } from './import/diagnostics';
import { itemAt, lastItem } from '@/lib/util/indexing';

function diagnostic(text: string, from: number, to: number, message: string): HclDiagnostic {
  return { severity: 'error', message, ...new Lines(text).position(from), from, to };
}

/** The first limit `text` breaks, as an error diagnostic; null when within them. */
export function hclBoundsProblem(text: string, limits = INPUT_LIMITS): HclDiagnostic | null {
  const tokens = scan(text);
  const { types, from, to } = tokens;
  let depth = 0;
  /** Open quoted strings (a `${…}` inside one may hold another): where each starts and its length so far. */
  const strings: { start: number; length: number }[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const type = types[i];
    if (type === T.OBrace || type === T.OBrack || type === T.OParen) {
      if (++depth > limits.hclDepth) {
        return diagnostic(
          text,
          itemAt(from, i, 'token'),
          itemAt(to, i, 'token'),
          `Brackets are nested deeper than ${limits.hclDepth} levels here; a connector needs fewer than 10`,
        );
      }
    } else if (type === T.CBrace || type === T.CBrack || type === T.CParen) {
      if (depth > 0) depth--;
    } else if (type === T.OQuote) {
      strings.push({ start: itemAt(from, i, 'token'), length: 0 });
    } else if (type === T.TemplateLiteral && strings.length > 0) {
      const current = lastItem(strings, 'open string');
      const end = itemAt(to, i, 'token');
      current.length += end - itemAt(from, i, 'token');
      if (current.length > limits.stringLength) {
        // The whole string, as far as it goes on its line.
        let stringEnd = end;
        while (stringEnd < text.length && text.charCodeAt(stringEnd) !== 34 && text.charCodeAt(stringEnd) !== 10)
          stringEnd++;
        const length = stringEnd - current.start - 1;
        return diagnostic(
          text,
          current.start,
          Math.min(stringEnd + 1, text.length),
          `This string is ${length.toLocaleString('en-US')} characters long; at most ${limits.stringLength.toLocaleString('en-US')} are accepted`,
        );
      }
    } else if (type === T.CQuote || type === T.Newline) {
      if (type === T.CQuote || strings.length > 0) strings.pop();
    }
  }
  return null;
}
