/**
 * Lossless edits over HashiCorp's files: for every `terraform fmt`-clean corpus
 * file, a connector is appended and then edited at random through the
 * document editor (values, added and removed blocks, a heredoc description,
 * key options). No byte of the original file may change, and the result must
 * be what `terraform fmt` leaves as it is — judged by the real `terraform fmt`,
 * run once over all the results. Skipped, saying so, without ../shared/corpora.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectorDesign } from '@/lib/connector/design';
import { updateConnectorInHcl } from '@/lib/connector/hcl/document/update';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { seededRandom } from '@/lib/util/seeded-random';
import { TERRAFORM } from '../hcl/terraform-fmt';
import { corporaPresent, readCorpusFile, verdicts, warnSkipped } from '../helpers/corpora';
import { at } from '../helpers/present';

warnSkipped('HCL corpus edit tests');

const LABEL = 'corpus_edit';

type Edit = (d: ConnectorDesign, pick: () => number) => void;

/** Edits a designer user makes, each on the design the file says now. */
const EDITS: Edit[] = [
  (d, pick) => {
    d.name = `edited-${Math.floor(pick() * 1000)}`;
  },
  (d) => {
    d.size = d.size === 'SMALL' ? 'LARGE' : 'SMALL';
  },
  (d) => {
    d.enabled = d.enabled === false;
  },
  (d) => {
    d.description = 'first line\nsecond line\n';
  },
  (d) => {
    d.description = undefined;
  },
  (d) => {
    const first = d.instances[0];
    if (first) d.instances.push({ ...structuredClone(first), name: `${first.name}-copy` });
  },
  (d) => {
    if (d.instances.length > 1) d.instances.splice(0, 1);
  },
  (d, pick) => {
    const option = d.segment_options[0];
    if (option) option.customer_asn = 64512 + Math.floor(pick() * 100);
  },
  (d) => {
    d.segment_options.push({ segment_id: 'alkira_segment.extra.id', customer_asn: 65010 });
  },
  (d) => {
    if (d.segment_options.length > 1) d.segment_options.pop();
  },
];

describe.skipIf(!corporaPresent)('edits of a connector appended to every fmt-clean corpus file', () => {
  it('change no byte of the original file and leave the result fmt-clean (terraform fmt is the judge)', {
    timeout: 600_000,
  }, () => {
    const files = verdicts()
      .filter((v) => v.accepted && v.clean)
      .map((v) => v.file);
    expect(files.length).toBeGreaterThan(1000);
    const dir = mkdtempSync(path.join(tmpdir(), 'cs-corpus-edits-'));
    const touched: string[] = [];
    const written = new Map<string, string>();
    try {
      files.forEach((file, n) => {
        const original = readCorpusFile(file);
        if (original === null) return;
        const pick = seededRandom(1000 + n);
        const template = at(DESIGN_TEMPLATES, n % DESIGN_TEMPLATES.length).design;
        const prefix = original === '' ? '' : original.endsWith('\n') ? `${original}\n` : `${original}\n\n`;
        let text =
          prefix +
          renderConnectorHcl(
            { ...structuredClone(template), resource_name: LABEL },
            { preSharedKeys: pick() < 0.5 ? 'inline' : 'variable' },
          );
        let design: ConnectorDesign = { ...structuredClone(template), resource_name: LABEL };
        for (let k = 0; k < 3; k++) {
          design = structuredClone(design);
          at(EDITS, Math.floor(pick() * EDITS.length))(design, pick);
          text = updateConnectorInHcl(text, design, { resource: LABEL, preSharedKeys: 'inline' });
          if (!text.startsWith(prefix)) {
            touched.push(file);
            return;
          }
        }
        const name = `${n}.tf`;
        written.set(name, file);
        writeFileSync(path.join(dir, name), text);
      });
      expect(touched).toEqual([]);
      // One terraform fmt over all of them: -check lists the files it would change.
      let listed = '';
      try {
        execFileSync(TERRAFORM, ['fmt', '-check', '-list=true', dir], {
          env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (err) {
        listed = String((err as { stdout?: Buffer }).stdout ?? err);
      }
      const unclean = listed
        .split('\n')
        .filter(Boolean)
        .map((line) => written.get(path.basename(line)) ?? line);
      expect(unclean).toEqual([]);
      expect(written.size).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
