/**
 * Conformance with Terraform over HashiCorp's own HCL files
 * (`../shared/corpora/`, see its README): every file `terraform fmt` accepts
 * parses without a syntax error, every file it rejects gets at least one; a
 * fmt-clean file needs no re-alignment; truncated and corrupted files never
 * throw and every diagnostic lies inside the text. Skipped, saying so, when the
 * corpora are absent (a fresh clone has no `../shared`).
 */
import { describe, expect, it } from 'vitest';
import { alignmentEdits } from '@/lib/hcl/align';
import { parseHcl } from '@/lib/hcl/parser';
import { seededRandom } from '@/lib/util/seeded-random';
import { corporaPresent, readCorpusFile, verdicts, warnSkipped } from '../helpers/corpora';
import { at } from '../helpers/present';

warnSkipped('HCL corpus tests');

describe.skipIf(!corporaPresent)('the HCL engine against Terraform’s verdicts', () => {
  it('reports no syntax error on any file terraform fmt accepts, and at least one on every file it rejects', () => {
    const wrong: string[] = [];
    let accepted = 0;
    let rejected = 0;
    for (const v of verdicts()) {
      const text = readCorpusFile(v.file);
      const errors = text === null ? ['not UTF-8'] : parseHcl(text).diagnostics.map((d) => `${d.summary} at ${d.from}`);
      if (v.accepted) accepted++;
      else rejected++;
      if (v.accepted && errors.length > 0) wrong.push(`${v.file}: false error ${errors[0]}`);
      if (!v.accepted && errors.length === 0) wrong.push(`${v.file}: Terraform rejects it, no error reported`);
    }
    expect(accepted).toBeGreaterThan(2000);
    expect(rejected).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it('leaves the alignment of every fmt-clean file (and every hclwrite format result) as it is', () => {
    const changed: string[] = [];
    const files = verdicts()
      .filter((v) => v.accepted && v.clean)
      .map((v) => v.file);
    for (const file of files) {
      const text = readCorpusFile(file);
      if (text !== null && alignmentEdits(text).length > 0) changed.push(file);
    }
    expect(files.length).toBeGreaterThan(1000);
    expect(changed).toEqual([]);
  });

  it('recovers from truncated and corrupted files: no exception, every diagnostic inside the text', () => {
    const next = seededRandom(17);
    const files = verdicts().filter((v) => v.accepted);
    const problems: string[] = [];
    for (let n = 0; n < 150; n++) {
      const { file } = at(files, Math.floor(next() * files.length));
      const text = readCorpusFile(file);
      if (!text) continue;
      for (let k = 0; k < 20; k++) {
        const at = Math.floor(next() * text.length);
        const input =
          k < 10
            ? text.slice(0, at)
            : text.slice(0, at) + String.fromCharCode(32 + Math.floor(next() * 95)) + text.slice(at + 1);
        try {
          const parsed = parseHcl(input);
          for (const d of parsed.diagnostics)
            if (d.from < 0 || d.to > input.length || d.from > d.to)
              problems.push(`${file} @${at}: diagnostic outside the text`);
        } catch (err) {
          problems.push(`${file} @${at} (${k < 10 ? 'truncated' : 'corrupted'}): ${String(err)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
