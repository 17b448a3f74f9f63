/**
 * shareUnchanged (components/designer/document-state.ts): a fresh reading of the file, shared with the version
 * before it — equal to the reading, sharing exactly the parts that are equal, never changing either.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shareUnchanged } from '@/components/designer/document-state';

const json = fc.jsonValue({ maxDepth: 4 });

/** `value` with one place inside it changed (or itself, when it has no place). */
const edited = (value: unknown, pick: number, to: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return to;
  const keys = Object.keys(value);
  if (keys.length === 0) return to;
  const key = keys[pick % keys.length] as string;
  const inner = (value as Record<string, unknown>)[key];
  const changed = edited(inner, Math.floor(pick / keys.length), to);
  return Array.isArray(value)
    ? value.map((v, i) => (String(i) === key ? changed : v))
    : { ...(value as object), [key]: changed };
};

/** Every object in `a` at a place where `b` has an equal part is that very part. */
function sharesEqualParts(result: unknown, previous: unknown): void {
  if (typeof result !== 'object' || result === null || typeof previous !== 'object' || previous === null) return;
  if (JSON.stringify(result) === JSON.stringify(previous) && Array.isArray(result) === Array.isArray(previous)) {
    expect(result).toBe(previous);
    return;
  }
  for (const key of Object.keys(result))
    sharesEqualParts((result as Record<string, unknown>)[key], (previous as Record<string, unknown>)[key]);
}

describe('shareUnchanged', () => {
  it('gives the reading, with each part it says the same as before being the earlier part itself', () => {
    fc.assert(
      fc.property(json, fc.nat(), json, (previous, pick, to) => {
        const next = structuredClone(edited(previous, pick, to));
        const frozen = JSON.stringify([previous, next]);
        const result = shareUnchanged(previous, next);
        expect(result).toEqual(next);
        sharesEqualParts(result, previous);
        expect(JSON.stringify([previous, next])).toBe(frozen);
      }),
      { numRuns: 500 },
    );
  });

  it('tells an absent key from one holding undefined, and an array from an object', () => {
    const previous = { a: { x: 1 }, b: [1, 2] };
    expect(shareUnchanged(previous, { a: { x: 1 }, b: [1, 2], c: undefined })).not.toBe(previous);
    expect(shareUnchanged(previous, { a: { x: 1 }, b: { 0: 1, 1: 2 } }).b).toEqual({ 0: 1, 1: 2 });
    expect(shareUnchanged(previous, { a: { x: 1 }, b: [1, 2] })).toBe(previous);
    expect(shareUnchanged(previous, { a: { x: 2 }, b: [1, 2] }).b).toBe(previous.b);
  });

  it('reads and writes only own keys: an inherited `toString` is no key, an own `__proto__` is one', () => {
    expect(shareUnchanged({}, { toString: [] })).toEqual({ toString: [] });
    expect(shareUnchanged({ toString: [] }, {})).toEqual({});
    const next = JSON.parse('{"__proto__": {"a": 2}, "b": [1]}') as Record<string, unknown>;
    const result = shareUnchanged(JSON.parse('{"__proto__": {"a": 1}, "b": [1]}'), next) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.stringify(result)).toBe(JSON.stringify(next));
  });
});
