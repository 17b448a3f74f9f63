/**
 * The text handed to the Lezer grammar, adjusted where codemirror-lang-hcl
 * 0.2.0 tokenizes differently from HCL itself. Every adjustment keeps every
 * offset, and values are always decoded from the original text, so nothing
 * else changes.
 *
 * - HCL reads a run of `$` before `{` from the right: `$${` is the escape for
 *   a literal `${`, any `$` before it are literal (`"$$${"` is the text `$${`,
 *   as terraform confirms). The grammar pairs them from the left and sees
 *   `$$` + `${`, an interpolation that swallows the rest of the file. Same for
 *   `%`. All but the last two characters of such a run become `_`, a plain
 *   literal to the grammar.
 * - The grammar takes the template and `for` keywords as keywords everywhere,
 *   so `alkira_segment.in.id` (a valid traversal: `in` is only a keyword in a
 *   `for` expression) is a syntax error to it. After a `.` such a word becomes
 *   an identifier of the same length (`in` → `i_`).
 * - The grammar reads a quoted string one character per token (each through
 *   an external tokenizer), which made the import slow in proportion to the
 *   string text and worse than linear on long strings. A plain string in
 *   value position (no `${`/`%{`) becomes a number literal of the same
 *   length (`"abc"` → `11111`): one token, the same place in the tree.
 *   The importer decodes it from the original text (isMaskedString).
 */
import type { Token } from './structure-lexer';

const KEYWORD_ATTRIBUTE = /(?<=[\p{L}\p{N}_\])]\.)(in|if|for|else|endif|endfor)(?![\p{L}\p{N}_-])/gu;

/** After these, a string is a value (not a block label). */
const VALUE_POSITION = new Set(['=', '[', ',', '(', ':', '?', '=>', '==', '!=']);

function maskPlainStrings(text: string, tokens: readonly Token[]): string {
  const parts: string[] = [];
  let at = 0;
  let previous: Token | undefined;
  for (const t of tokens) {
    if (t.to > text.length) break;
    if (t.type === 'string' && previous?.type === 'punct' && VALUE_POSITION.has(previous.value!) && t.to - t.from >= 2) {
      const body = text.slice(t.from + 1, t.to - 1);
      if (!body.includes('${') && !body.includes('%{')) {
        parts.push(text.slice(at, t.from), '1'.repeat(t.to - t.from));
        at = t.to;
      }
    }
    if (t.type !== 'nl') previous = t;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A number literal in the tree that is a masked quoted string in the original text. */
export function isMaskedString(source: string): boolean {
  return source.startsWith('"');
}

/** The text for the grammar; `tokens` (from the structure lexer) enable the string masking. */
export function textForLezer(text: string, tokens?: readonly Token[]): string {
  return (tokens ? maskPlainStrings(text, tokens) : text)
    .replace(/(\$\$\$+|%%%+)(?=\{)/g, (run) => '_'.repeat(run.length - 2) + run.slice(-2))
    .replace(KEYWORD_ATTRIBUTE, (word) => word[0] + '_'.repeat(word.length - 1));
}
