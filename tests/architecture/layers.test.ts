/**
 * Layers point one way (README, "What is where"): the imports of lib/, components/, app/ and scripts/ are read from
 * the source and checked against the table in layers.ts. A failure names the file that imports against the
 * direction, or the imports that close a cycle, so the fix is plain.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findCycles,
  groupGraph,
  importStatements,
  importsBetween,
  readSourceTree,
  type ImportGraph,
} from './import-graph';
import { ALLOWED_IMPORTS, layerOf, SERVER_FOLDERS, UNSCANNED } from './layers';

const ROOT = path.resolve(__dirname, '../..');
const tree = readSourceTree(ROOT, ['lib', 'components', 'app', 'scripts']);

/** Each folder-level cycle, with the file imports behind every step of it. */
function describeFolderCycles(graph: ImportGraph): string[] {
  return findCycles(groupGraph(graph, layerOf)).map((cycle) => {
    const steps = cycle.slice(1).map((to, step) => {
      const from = cycle[step] as string;
      return `  ${from} → ${to}:\n${importsBetween(graph, layerOf, from, to)
        .map((line) => `    ${line}`)
        .join('\n')}`;
    });
    return `${cycle.join(' → ')}\n${steps.join('\n')}`;
  });
}

/** Imports a folder's row does not allow, as "file imports target (folder may import: …)". */
function directionViolations(graph: ImportGraph, allowed: Readonly<Record<string, readonly string[]>>): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    const row = allowed[from];
    if (row === undefined) continue; // reported by the "every folder has a row" test
    for (const target of targets) {
      const to = layerOf(target);
      if (to !== from && !row.includes(to))
        found.push(`${file} imports ${target} (${from} may import: ${row.join(', ') || 'nothing'})`);
    }
  }
  return found;
}

/** A component file not marked server-only that reaches (by runtime imports) a server-only file: the chain. */
function serverCodeInComponents(runtime: ImportGraph, serverOnly: ReadonlySet<string>): string[] {
  const isServer = (file: string) => serverOnly.has(file) || SERVER_FOLDERS.includes(layerOf(file));
  const found: string[] = [];
  for (const start of runtime.keys()) {
    if (!start.startsWith('components/') || isServer(start)) continue;
    const previous = new Map<string, string>([[start, start]]);
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (file !== start && isServer(file)) {
        const chain = [file];
        while (chain[0] !== start) chain.unshift(previous.get(chain[0] as string) as string);
        found.push(chain.join(' → '));
        break;
      }
      for (const target of runtime.get(file) ?? []) {
        if (!previous.has(target)) {
          previous.set(target, file);
          queue.push(target);
        }
      }
    }
  }
  return found;
}

describe('the checks themselves, on a small made-up tree', () => {
  const graph: ImportGraph = new Map([
    ['lib/low/a.ts', ['lib/low/b.ts']],
    ['lib/low/b.ts', ['lib/high/c.ts']],
    ['lib/high/c.ts', ['lib/low/a.ts', 'lib/high/d.ts']],
    ['lib/high/d.ts', []],
  ]);

  it('finds a file cycle and names every file on it', () => {
    expect(findCycles(graph)).toEqual([['lib/high/c.ts', 'lib/low/a.ts', 'lib/low/b.ts', 'lib/high/c.ts']]);
    expect(
      findCycles(
        new Map([
          ['x.ts', ['y.ts']],
          ['y.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('finds a folder cycle and names the imports that close it', () => {
    const [message, ...more] = describeFolderCycles(graph);
    expect(more).toEqual([]);
    expect(message).toContain('lib/high → lib/low → lib/high');
    expect(message).toContain('lib/high/c.ts → lib/low/a.ts');
    expect(message).toContain('lib/low/b.ts → lib/high/c.ts');
  });

  it('names the file that imports against the direction', () => {
    expect(directionViolations(graph, { 'lib/low': [], 'lib/high': ['lib/low'] })).toEqual([
      'lib/low/b.ts imports lib/high/c.ts (lib/low may import: nothing)',
    ]);
  });

  it('follows a component into server code through a client module', () => {
    const bundle: ImportGraph = new Map([
      ['components/panel.tsx', ['lib/client/hooks.ts']],
      ['lib/client/hooks.ts', ['lib/services/connectors.ts']],
      ['lib/services/connectors.ts', []],
    ]);
    expect(serverCodeInComponents(bundle, new Set())).toEqual([
      'components/panel.tsx → lib/client/hooks.ts → lib/services/connectors.ts',
    ]);
    expect(serverCodeInComponents(bundle, new Set(['components/panel.tsx']))).toEqual([]);
  });

  it('reads every form of import, and tells type-only ones apart', () => {
    const text = [
      "import 'server-only';",
      "import { a } from '@/lib/x/a';",
      "import type { B } from './b';",
      'import {',
      '  type C,',
      '  type D,',
      "} from '../c';",
      "export { e } from './e';",
      "const f = await import('@/lib/f');",
      " * import { g } from './not-an-import-in-a-comment'; (a leading star is not a statement)",
    ].join('\n');
    expect(importStatements(text)).toEqual([
      { specifier: '@/lib/x/a', typeOnly: false },
      { specifier: './b', typeOnly: true },
      { specifier: '../c', typeOnly: true },
      { specifier: './e', typeOnly: false },
      { specifier: 'server-only', typeOnly: false },
      { specifier: '@/lib/f', typeOnly: false },
    ]);
  });
});

describe('the source tree', () => {
  it('reads a real tree (the check is not vacuous)', () => {
    expect(tree.imports.size).toBeGreaterThan(300);
    expect(tree.imports.get('lib/services/connectors.ts')).toContain('lib/alkira/api.ts');
  });

  it('declares a direction: the table itself has no cycle and names only folders it has rows for', () => {
    const table = new Map(Object.entries(ALLOWED_IMPORTS));
    expect(findCycles(table)).toEqual([]);
    const unknown = [...table.values()].flat().filter((folder) => !table.has(folder) && !UNSCANNED.includes(folder));
    expect(unknown).toEqual([]);
  });

  it('has a row in the table for every top-level folder', () => {
    const folders = new Set([...tree.imports.keys()].map(layerOf));
    const missing = [...folders].filter((folder) => ALLOWED_IMPORTS[folder] === undefined);
    expect(missing, 'declare these folders in tests/architecture/layers.ts').toEqual([]);
  });

  it('imports only in the declared direction', () => {
    const violations = directionViolations(tree.imports, ALLOWED_IMPORTS);
    expect(violations, `imports against the layers (tests/architecture/layers.ts):\n${violations.join('\n')}`).toEqual(
      [],
    );
  });

  it('has no import cycle between top-level folders (type imports included)', () => {
    const cycles = describeFolderCycles(tree.imports);
    expect(cycles, `folder cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('has no import cycle between files (imports left in the JavaScript)', () => {
    const cycles = findCycles(tree.runtimeImports).map((cycle) => cycle.join(' → '));
    expect(cycles, `file cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('keeps server-only code out of components that reach the browser', () => {
    const chains = serverCodeInComponents(tree.runtimeImports, tree.serverOnly);
    expect(chains, `components reaching server-only code:\n${chains.join('\n')}`).toEqual([]);
  });
});
