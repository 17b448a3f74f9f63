/**
 * The colours the preview and the editor show come from the engine's scanner.
 * What a user would notice: a block type, an attribute name, a whole string
 * (quotes and `${…}` included), a heredoc, a number, a boolean and a comment
 * each coloured as such; and the editor, which reads only from a restart point
 * before the lines on screen, colours them exactly as a read of the whole file
 * would — also after an edit that opens or closes a heredoc or a comment.
 */
import { describe, expect, it } from 'vitest';
import { highlightSpans, RestartPoints, type HighlightSpan } from '@/lib/hcl/highlight';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { seededRandom } from '@/lib/util/seeded-random';
import { corporaPresent, readCorpusFile, verdicts, warnSkipped } from '../helpers/corpora';
import { at } from '../helpers/present';

const TRICKY = `# lead comment
resource "alkira_connector_azure_expressroute" "x" {
  name        = "a\${var.b}c" // trailing
  size        = 12
  enabled     = false
  tags        = { team = "net", "quoted key" = 1 }
  description = <<-EOT
    first \${upper("x")}
    EOT
  /* a block
     comment */
  value = "\${join(",", [
    "a", "b",
  ])}"
  tunnel { n = 1 }
  dynamic "instances" {
    for_each = var.x
  }
}
`;

function words(text: string, spans: HighlightSpan[], kind: HighlightSpan['kind']): string[] {
  return spans.filter((s) => s.kind === kind).map((s) => text.slice(s.from, s.to));
}

describe('highlighting from the engine', () => {
  it('colours each kind of token as a reader sees it', () => {
    const spans = highlightSpans(TRICKY);
    expect(words(TRICKY, spans, 'block')).toEqual(['resource', 'tunnel', 'dynamic']);
    expect(words(TRICKY, spans, 'attr')).toEqual([
      'name',
      'size',
      'enabled',
      'tags',
      'team',
      'description',
      'value',
      'n',
      'for_each',
    ]);
    expect(words(TRICKY, spans, 'string')).toEqual([
      '"alkira_connector_azure_expressroute"',
      '"x"',
      '"a${var.b}c"',
      '"net"',
      '"quoted key"',
      '<<-EOT\n    first ${upper("x")}\n    EOT',
      '"${join(",", [\n    "a", "b",\n  ])}"',
      '"instances"',
    ]);
    expect(words(TRICKY, spans, 'number')).toEqual(['12', '1', '1']);
    expect(words(TRICKY, spans, 'bool')).toEqual(['false']);
    expect(words(TRICKY, spans, 'comment')).toEqual(['# lead comment', '// trailing', '/* a block\n     comment */']);
    // In order and not overlapping, so the preview's text is exactly the file.
    for (let k = 1; k < spans.length; k++) expect(at(spans, k).from).toBeGreaterThanOrEqual(at(spans, k - 1).to);
  });

  it('an unfinished string or heredoc is coloured to where the scanner ends it, not to the end of the file', () => {
    const text = 'a = "open\nb = 1\nc = <<EOT\nnever closed\n';
    const spans = highlightSpans(text);
    expect(words(text, spans, 'string')).toEqual(['"open', '<<EOT\nnever closed\n']);
    expect(words(text, spans, 'attr')).toEqual(['a', 'b', 'c']);
  });
});

/** The editor's reading at the restart point before `pos` agrees with a whole-file reading over the next lines. */
function expectRestartAgrees(text: string, points: RestartPoints, pos: number): void {
  const { point: start, exact } = points.before(pos, (a, b) => text.slice(a, b));
  expect(exact).toBe(true);
  expect(start).toBeLessThanOrEqual(pos);
  const end = Math.min(text.length, start + 4000);
  const lineEnd = text.indexOf('\n', end);
  const to = lineEnd < 0 ? text.length : lineEnd;
  // A string still open where the read stops is cut there (the editor reads to the end of the last line on screen).
  const part = highlightSpans(text.slice(start, to))
    .filter((s) => s.to + start < to)
    .map((s) => `${s.from + start}-${s.to + start} ${s.kind}`);
  const whole = highlightSpans(text)
    .filter((s) => s.from >= start && s.to < to)
    .map((s) => `${s.from}-${s.to} ${s.kind}`);
  expect(part).toEqual(whole);
}

describe('restart points', () => {
  const files = [
    TRICKY.repeat(40),
    ...DESIGN_TEMPLATES.map((t) => renderConnectorHcl(t.design)).map((t) => t.repeat(8)),
  ];

  it('reading from the restart point before any position colours it as the whole file does', () => {
    const random = seededRandom(7);
    for (const text of files) {
      const points = new RestartPoints(text.length);
      for (let n = 0; n < 25; n++) expectRestartAgrees(text, points, Math.floor(random() * text.length));
    }
  });

  it('with a reading budget, a far position gets its line start at once and its true point once read on', () => {
    const text = TRICKY.repeat(400);
    const read = (a: number, b: number) => text.slice(a, b);
    const points = new RestartPoints(text.length);
    const pos = text.lastIndexOf('  tunnel { n = 1 }');
    const first = points.before(pos, read, 4096);
    expect(first).toEqual({ point: pos, exact: false });
    let rounds = 0;
    while (!points.extend(pos, read, 4096)) rounds++;
    expect(rounds).toBeGreaterThan(10);
    expect(points.before(pos, read, 4096)).toEqual({ point: pos, exact: true });
    expectRestartAgrees(text, points, pos);
  });

  it('after edits that open and close templates and comments, the points kept still hold', () => {
    const random = seededRandom(11);
    const inserts = ['<<EOT\n', '\nEOT\n', '/*', '*/', '"', '${', '}', '\n', 'x = 1\n'];
    for (const original of files) {
      let text = original;
      const points = new RestartPoints(text.length);
      for (let n = 0; n < 30; n++) {
        points.before(Math.floor(random() * text.length), (a, b) => text.slice(a, b));
        const at = Math.floor(random() * text.length);
        const remove = Math.floor(random() * 3);
        text = text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at + remove);
        points.changedFrom(at, text.length);
        expectRestartAgrees(text, points, Math.floor(random() * text.length));
      }
    }
  });
});

warnSkipped('Highlighting over the HCL corpora');

describe.skipIf(!corporaPresent)('restart points over the corpora', () => {
  it('every file Terraform accepts is coloured the same from any restart point', () => {
    const random = seededRandom(3);
    let checked = 0;
    for (const { file, accepted } of verdicts()) {
      const text = readCorpusFile(file);
      if (!accepted || text === null || text.length < 200) continue;
      const points = new RestartPoints(text.length);
      for (let n = 0; n < 4; n++) expectRestartAgrees(text, points, Math.floor(random() * text.length));
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });
});
