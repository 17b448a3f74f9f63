/**
 * Incremental re-parsing (lib/hcl/incremental.ts) is judged against a full
 * parse: for random edits — single ones and chains of 20, each applied to the
 * previous result — `reparseHcl(parseHcl(old), change)` must give what
 * `parseHcl(new)` gives (tree, comments, diagnostics, all offsets). Inputs: the
 * 640-tunnel benchmark file, tricky hand-written texts (templates, heredocs,
 * one-line blocks, CRLF, broken files), and a sample of HashiCorp's corpus
 * (`../shared/corpora`; that part is skipped, saying so, when it is absent).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import type { TextEdit } from '@/lib/hcl/edit';
import { type ReparseStats, reparseHcl } from '@/lib/hcl/incremental';
import { parseHcl } from '@/lib/hcl/parser';
import type { HclFile } from '@/lib/hcl/syntax';
import { largeIpsecDesign } from '@/scripts/bench-designs';
import { corporaPresent, readCorpusFile, verdicts, warnSkipped } from '../helpers/corpora';
import { at } from '../helpers/present';

warnSkipped('Incremental re-parse corpus tests');
const corpusPresent = corporaPresent;

/** What an edit inserts: identifier characters, blanks, newlines, quotes, braces, `=`, `#`, and some template/comment punctuation. */
const PIECES = [
  'a',
  'b',
  'z',
  '_',
  '-',
  '1',
  '0',
  ' ',
  ' ',
  '\t',
  '\n',
  '\n',
  '"',
  '{',
  '}',
  '=',
  '#',
  '$',
  '%',
  '<',
  '/',
  '*',
  '[',
  ']',
  '(',
  ')',
  ',',
  '.',
  '~',
  '\\',
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.integer({ min: 0, max: 3 }),
  insert: fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 3 }).map((chars) => chars.join('')),
});

/** The edit as a change of `text` (its position taken modulo the text's length). */
function changeOf(text: string, edit: Edit): TextEdit {
  const from = edit.at % (text.length + 1);
  return { from, to: Math.min(text.length, from + edit.remove), insert: edit.insert };
}

function applied(text: string, change: TextEdit): string {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}

function serialised(file: HclFile): string {
  return JSON.stringify({ text: file.text, body: file.body, comments: file.comments, diagnostics: file.diagnostics });
}

/** Throws, showing where they part, unless the re-parse equals the full parse. */
function expectSameAsFullParse(got: HclFile, text: string, change: TextEdit): void {
  const a = serialised(got);
  const b = serialised(parseHcl(text));
  if (a === b) return;
  let i = 0;
  while (a[i] === b[i]) i++;
  throw new Error(
    `re-parse after ${JSON.stringify(change)} differs from a full parse at\n  got:      …${a.slice(Math.max(0, i - 120), i + 120)}…\n  expected: …${b.slice(Math.max(0, i - 120), i + 120)}…`,
  );
}

/** One edit of a fresh tree of `text`. */
function checkEdit(text: string, edit: Edit): void {
  const change = changeOf(text, edit);
  expectSameAsFullParse(reparseHcl(parseHcl(text), change), applied(text, change), change);
}

/** Edits one after another, each re-parsing the previous result. */
function checkChain(text: string, edits: Edit[]): void {
  let file = parseHcl(text);
  for (const edit of edits) {
    const change = changeOf(file.text, edit);
    const next = applied(file.text, change);
    file = reparseHcl(file, change);
    expectSameAsFullParse(file, next, change);
  }
}

const TRICKY = [
  'a = 1 ( "${ )\nb = 2\nc {\n  d = 3\n}\ne = "x" }"\nf = 4\n',
  'r "a" {\n  x = <<EOT\n  hello ${name}\n  EOT\n  y {\n    z = "${a} %{ if b }c%{ endif }"\n  }\n  w = <<-EOF\n    ${x}\n    EOF\n  v = 1\n}\n',
  'o {\n  i {\n    a = [1,\n    b = 2\n  }\n  c = { k = 1\n    m = 2 }\n  one { v = 1 }\n  /* c\n  */ d = 3\n}\n',
  'b {\r\n  a = 1\r\n  c {\r\n    d = "x"\r\n  }\r\n  # com\r\n  e = f(1, 2)\r\n}\r\n',
  'x {\n  y {\n    a = "${ { b = 1 } }"\n    c = 1\n  }\n  d = 2\n}\n}\n',
  'x {\n  a = 1\n  a = 2\n  b {\n    c = a ? b\n    d = 1\n  }\n  e = [for k, v in m : v if k != ""]\n}\n',
  'x "l" {\n  y = "${\n  z = 1\n  }"\n  w = 2\n}\nv {\n  q = 1 // note\n}\n',
  `${'n {\n'.repeat(205)}  x = 1\n${'}\n'.repeat(205)}`,
];

let largeFile: string | undefined;
/** The 640-tunnel benchmark file (~260 KB, mostly one resource block with deeply nested blocks). */
function large(): string {
  largeFile ??= renderConnectorHcl(largeIpsecDesign());
  return largeFile;
}

let corpusFiles: string[] | undefined;
/** Every 8th corpus file that is UTF-8. */
function corpusSample(): string[] {
  if (corpusFiles) return corpusFiles;
  corpusFiles = verdicts()
    .filter((_, k) => k % 8 === 0)
    .flatMap((v) => {
      const text = readCorpusFile(v.file);
      return text === null ? [] : [text]; // not UTF-8
    });
  return corpusFiles;
}

describe('reparseHcl gives what parseHcl gives', () => {
  it('after one edit of the 640-tunnel file', () => {
    fc.assert(
      fc.property(editArb, (edit) => checkEdit(large(), edit)),
      { numRuns: 60 },
    );
  }, 120_000);

  it('after 20 edits in a row of the 640-tunnel file', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 20, maxLength: 20 }), (edits) => checkChain(large(), edits)),
      { numRuns: 5 },
    );
  }, 120_000);

  it('after one edit, and 20 in a row, of texts with templates, heredocs, comments, one-line blocks, CRLF and errors', () => {
    const textArb = fc.constantFrom(...TRICKY);
    fc.assert(
      fc.property(textArb, editArb, (text, edit) => checkEdit(text, edit)),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 20, maxLength: 20 }), (text, edits) =>
        checkChain(text, edits),
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  describe.skipIf(!corpusPresent)('over a sample of the corpus', () => {
    it('after one edit', () => {
      const files = corpusSample();
      expect(files.length).toBeGreaterThan(200);
      fc.assert(
        fc.property(fc.nat(), editArb, (k, edit) => checkEdit(at(files, k % files.length), edit)),
        { numRuns: 3000 },
      );
    }, 120_000);

    it('after 20 edits in a row', () => {
      const files = corpusSample();
      fc.assert(
        fc.property(fc.nat(), fc.array(editArb, { minLength: 20, maxLength: 20 }), (k, edits) =>
          checkChain(at(files, k % files.length), edits),
        ),
        { numRuns: 400 },
      );
    }, 120_000);
  });
});

describe('reparseHcl reuses the tree', () => {
  it('re-reads only the edited line when a character is typed into a value deep in the 640-tunnel file', () => {
    let file = parseHcl(large());
    const marks = ['remote_auth_value = "gw', 'profile_id        = 1', 'name              = "tunnel-'];
    for (const mark of marks) {
      const at = file.text.lastIndexOf(mark) + mark.length;
      const change = { from: at, to: at, insert: '7' };
      const next = applied(file.text, change);
      const stats: ReparseStats = { incremental: false };
      file = reparseHcl(file, change, stats);
      expect(stats.incremental).toBe(true);
      expect(stats.to! - stats.from!).toBeLessThan(120);
      expectSameAsFullParse(file, next, change);
    }
  });

  it('parses in full, leaving the previous tree as it was, when the edit leaves a block unclosed', () => {
    const text = 'a {\n  b {\n    c = 1\n  }\n}\n';
    const previous = parseHcl(text);
    const before = serialised(previous);
    const change = { from: text.indexOf('  }'), to: text.indexOf('  }') + 3, insert: '' };
    const stats: ReparseStats = { incremental: true };
    const file = reparseHcl(previous, change, stats);
    expect(stats.incremental).toBe(false);
    expect(serialised(previous)).toBe(before);
    expectSameAsFullParse(file, applied(text, change), change);
  });
});
