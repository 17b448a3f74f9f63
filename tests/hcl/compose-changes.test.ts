/**
 * Two replacements in a row are told to the editor as one (lib/connector/hcl/document/run.ts): applied to the
 * first text, the composed one gives exactly what the two give one after the other.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { composeChanges } from '@/lib/connector/hcl/document/operations';
import type { TextEdit } from '@/lib/hcl/edit';

const apply = (text: string, { from, to, insert }: TextEdit) => text.slice(0, from) + insert + text.slice(to);

/** A replacement somewhere in `text` (possibly empty, possibly at either end). */
const editIn = (text: string) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }), fc.string({ maxLength: 6 }))
    .map(([a, b, insert]) => ({ from: Math.min(a, b), to: Math.max(a, b), insert }));

describe('composing replacements', () => {
  it('one replacement does what two did, wherever they fall (apart, touching, overlapping, nested)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).chain((text) =>
          editIn(text).chain((first) => {
            const middle = apply(text, first);
            return editIn(middle).map((second) => ({ text, first, middle, second }));
          }),
        ),
        ({ text, first, middle, second }) => {
          const after = apply(middle, second);
          const one = composeChanges(first, second, after);
          expect(apply(text, one)).toBe(after);
          // It spans no more than the two do: what both left alone before and after stays outside it.
          expect(one.from).toBe(Math.min(first.from, second.from));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
