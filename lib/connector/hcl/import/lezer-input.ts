/**
 * The text handed to the Lezer grammar, adjusted where codemirror-lang-hcl
 * 0.2.0 tokenizes differently from HCL itself.
 *
 * HCL reads a run of `$` before `{` from the right: `$${` is the escape for a
 * literal `${`, any `$` before it are literal (`"$$${"` is the text `$${`,
 * as terraform confirms). The grammar pairs them from the left and sees
 * `$$` + `${`, an interpolation that swallows the rest of the file. Same for
 * `%`. Replacing all but the last two characters of such a run with `_` keeps
 * every offset and gives the grammar a plain literal; values are always
 * decoded from the original text, so nothing else changes.
 */
export function textForLezer(text: string): string {
  return text.replace(/(\$\$\$+|%%%+)(?=\{)/g, (run) => '_'.repeat(run.length - 2) + run.slice(-2));
}
