/**
 * The fast syntax tree (lib/connector/hcl/import/fast-tree.ts) is the
 * grammar's tree: same nodes, same ranges (comments aside, which the
 * importer skips), for the reference examples and generated designs; and
 * irregular text falls back to the grammar.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hclLanguage } from 'codemirror-lang-hcl';
import type { Tree } from '@lezer/common';
import { fastSyntaxTree } from '@/lib/connector/hcl/import/fast-tree';
import { textForLezer } from '@/lib/connector/hcl/import/lezer-input';
import { lexText } from '@/lib/connector/hcl/import/structure';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { nastyDesignArb, validDesignArb } from '../helpers/arbitraries';

const COMMENTS = new Set(['Comment', 'LineComment', 'BlockComment']);

function outline(tree: Tree): string[] {
  const out: string[] = [];
  tree.iterate({
    enter(node) {
      if (COMMENTS.has(node.name)) return false;
      out.push(`${node.name} ${node.from}-${node.to}`);
    },
  });
  return out;
}

const grammarTree = (text: string) => hclLanguage.parser.parse(textForLezer(text));
const fastTree = (text: string) => fastSyntaxTree(text, lexText(text).tokens);

/** The grammar ends a Body after trailing comments; the importer never reads Body ranges. */
const withoutBodyEnds = (lines: string[]) => lines.map((l) => l.replace(/^(Body|ConfigFile) (\d+)-\d+$/, '$1 $2'));

function expectSameTree(text: string): void {
  const fast = fastTree(text);
  expect(fast, 'fast path taken').not.toBeNull();
  expect(withoutBodyEnds(outline(fast!))).toEqual(withoutBodyEnds(outline(grammarTree(text))));
}

const FIXTURES = path.join(__dirname, 'fixtures');

describe('fast syntax tree', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.tf')))('matches the grammar on %s', (file) => {
    const text = readFileSync(path.join(FIXTURES, file), 'utf8');
    if (fastTree(text) === null) return; // the fallback handles it (see below)
    expectSameTree(text);
  });

  it('matches the grammar on generated designs, with escapes, `$${` and keyword traversals', () => {
    fc.assert(
      fc.property(fc.oneof(validDesignArb, nastyDesignArb), fc.boolean(), (design, inline) => {
        expectSameTree(renderConnectorHcl(design, { preSharedKeys: inline ? 'inline' : 'variable' }));
      }),
      { numRuns: 60 },
    );
  });

  it('grafts values the grammar must read (calls, templates, objects) and gives up on irregular text', () => {
    expectSameTree('resource "a" "b" {\n  v = format("%s", var.x)\n  w = "${var.a}-${var.b}"\n  x = { a = 1 }\n  y = alkira_segment.in.id\n  z = "$$${x}"\n}\n');
    expect(fastTree('resource "a" "b" {\n  v = 65_001\n}\n')).toBeNull();
    expect(fastTree('resource "a" "b" {\n  v = 1 +\n}\n')).toBeNull();
  });
});

describe('pathological input', () => {
  const firstError = (text: string) => parseConnectorHcl(text).diagnostics.find((d) => d.severity === 'error')?.message;

  it('names absurd nesting instead of reading it', () => {
    expect(firstError('{'.repeat(10_000))).toMatch(/nested more than 100 levels deep/);
    expect(firstError(`resource "a" "b" {\n  v = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n}\n`)).toMatch(/value on line 2 is nested more than 100 levels deep/);
    expect(firstError('a {\n'.repeat(3000) + '}\n'.repeat(3000))).toMatch(/block on line 101 is nested more than 100 levels deep/);
    expect(firstError(`resource "a" "b" {\n  v = ${'"${'.repeat(1000)}\n}\n`)).toMatch(/nests templates more than 64 levels deep/);
  });

  it('reads a 1 MB string value whole', () => {
    const text = `resource "alkira_connector_azure_expressroute" "x" {\n  description = "${'x'.repeat(1_000_000)}"\n}\n`;
    expect(parseConnectorHcl(text).designs[0].design.description).toHaveLength(1_000_000);
  });
});
