/**
 * Linear-time trimming of a repeated character. Regexes like `/_+$/` or
 * `/^_+|_+$/g` retry the run from every position where it starts, so a name
 * of `x` + 200,000 `_` + `x` took 30 s; these scan each end once.
 */

/** `text` without leading and trailing `char` (a single UTF-16 unit). */
export function trimChar(text: string, char: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === char) start++;
  while (end > start && text[end - 1] === char) end--;
  return text.slice(start, end);
}

/** `text` without trailing `char`. */
export function trimCharEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

/** `text` without trailing white space (what `/\s*$/` removes, without its quadratic retries). */
export function trimWhitespaceEnd(text: string): string {
  return text.trimEnd();
}
