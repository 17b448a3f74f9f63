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
 */
const KEYWORD_ATTRIBUTE = /(?<=[\p{L}\p{N}_\])]\.)(in|if|for|else|endif|endfor)(?![\p{L}\p{N}_-])/gu;

export function textForLezer(text: string): string {
  return text
    .replace(/(\$\$\$+|%%%+)(?=\{)/g, (run) => '_'.repeat(run.length - 2) + run.slice(-2))
    .replace(KEYWORD_ATTRIBUTE, (word) => word[0] + '_'.repeat(word.length - 1));
}
