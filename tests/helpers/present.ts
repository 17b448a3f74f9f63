/**
 * Reading items a test expects to be there. Under `noUncheckedIndexedAccess`
 * an index or key may be missing; these fail the test at once with a message
 * naming what was missing, instead of a TypeError a few lines later. Plain
 * throws, so they work in vitest and Playwright alike.
 */

/** The item at `index` (a negative index counts from the end); fails when the list has no such item. */
export function at<T>(list: readonly T[], index: number, what = 'item'): T {
  const item = list.at(index);
  if (item === undefined)
    throw new Error(`expected ${what} at index ${index}, but the list has ${list.length} item(s)`);
  return item;
}

type Items<T, N extends number, R extends T[] = []> = R['length'] extends N ? R : Items<T, N, [...R, T]>;

/** The first `n` items, for destructuring (`const [a, b] = take(list, 2)`); fails when the list has fewer. */
export function take<T, N extends number>(list: readonly T[], n: N, what = 'item'): Items<T, N> {
  if (list.length < n) throw new Error(`expected at least ${n} ${what}(s), but the list has ${list.length}`);
  return list.slice(0, n) as Items<T, N>;
}

/** The one item of a list; fails when it has none or more than one. */
export function only<T>(list: readonly T[], what = 'item'): T {
  if (list.length !== 1) throw new Error(`expected exactly one ${what}, but the list has ${list.length}`);
  return list[0] as T;
}

/** A value the test expects to be there (a map entry, a regex group, a found item); fails naming `what` when it is not. */
export function present<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`expected ${what} to be present, but it is ${value}`);
  return value;
}
