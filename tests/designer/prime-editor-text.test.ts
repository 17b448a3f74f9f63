/**
 * The reading worker is primed with the document's file once the page is idle (primeEditorText): the first reading
 * after an edit then re-reads only the changed range of that tree. What it brings back to the form must be exactly
 * what a reading of the whole new text brings — wherever the edit is, whatever was primed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEditorText, primeEditorText } from '@/components/designer/editor-text-check';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { largeSampleDesign } from '@/lib/diagram/sample';

const choice = { label: undefined };
const files = [renderConnectorHcl(largeSampleDesign()), ...DESIGN_TEMPLATES.map((t) => renderConnectorHcl(t.design))];

/** A reading of `text` from nothing: the whole text parsed. */
function readWhole(text: string) {
  primeEditorText('');
  return checkEditorText(text, choice);
}

describe('priming the reading worker with the file', () => {
  it('a name typed after priming reads as the whole new file does (the large sample)', () => {
    const primed = files[0] as string;
    const edited = primed.replace(/name(\s*)= "([^"]*)"/, 'name$1= "$2-west"');
    expect(edited).not.toBe(primed);
    const expected = readWhole(edited);
    expect(expected.outcome.status).toBe('synced');
    primeEditorText(primed);
    expect(checkEditorText(edited, choice)).toEqual(expected);
  });

  it('any edit of any primed file (inserted, removed or replaced text, broken or not) reads as the whole new file does', () => {
    const edit = fc
      .tuple(fc.constantFrom(...files), fc.nat(), fc.nat(40), fc.string({ maxLength: 12 }), fc.boolean())
      .map(([file, at, removed, inserted, otherFile]) => {
        const from = at % (file.length + 1);
        const edited = file.slice(0, from) + inserted + file.slice(Math.min(file.length, from + removed));
        // Sometimes the file primed is another one altogether (a paste after the page was idle).
        return { primed: otherFile ? (files[(at % (files.length - 1)) + 1] as string) : file, edited };
      });
    fc.assert(
      fc.property(edit, ({ primed, edited }) => {
        const expected = readWhole(edited);
        primeEditorText(primed);
        expect(checkEditorText(edited, choice)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
