/**
 * Reading arrays where an index is in range by construction (an invariant the type checker cannot see, under
 * `noUncheckedIndexedAccess`): a broken invariant fails loudly with what was read, instead of carrying `undefined`
 * on into a wrong result.
 */

/** The item at `index` of `items`; throws an internal error when `index` is outside `items`. */
export function itemAt<T>(items: ArrayLike<T>, index: number, what = 'item'): T {
  if (index < 0 || index >= items.length || !Number.isInteger(index)) {
    throw new Error(`Internal error: ${what} ${index} read outside its list of ${items.length}`);
  }
  return items[index] as T;
}

/** The last item of `items`, which the caller knows is not empty; throws an internal error when it is. */
export function lastItem<T>(items: ArrayLike<T>, what = 'item'): T {
  return itemAt(items, items.length - 1, what);
}

/** Capture group `group` of a match, one the pattern always captures when it matches; throws when it did not. */
export function captured(match: RegExpMatchArray, group: number): string {
  const text = match[group];
  if (text === undefined)
    throw new Error(
      `Internal error: pattern ${match.length > 0 ? 'matched' : 'did not match'} without capture group ${group}`,
    );
  return text;
}

/** The text before the first `separator`, all of it when there is none (what `text.split(separator)[0]` always is). */
export function firstField(text: string, separator: string): string {
  const at = text.indexOf(separator);
  return at < 0 ? text : text.slice(0, at);
}
