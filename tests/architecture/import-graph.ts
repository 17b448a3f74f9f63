/**
 * Reads the source tree's import graph (static, re-export and dynamic imports, type-only ones included: a type
 * import still couples one layer to another) and finds what breaks the declared layering.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** File (repo-relative, forward slashes) → the repo files it imports. Packages are left out. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const SOURCE_EXTENSIONS = ['.ts', '.tsx'];
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.json', '/index.ts', '/index.tsx'];

function sourceFilesUnder(root: string, folder: string): string[] {
  const absolute = path.join(root, folder);
  if (!existsSync(absolute)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(absolute)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const relative = `${folder}/${entry}`;
    if (statSync(path.join(root, relative)).isDirectory()) found.push(...sourceFilesUnder(root, relative));
    else if (SOURCE_EXTENSIONS.some((extension) => entry.endsWith(extension)) && !entry.endsWith('.d.ts')) {
      found.push(relative);
    }
  }
  return found;
}

/** The repo file a specifier names, or undefined for a package. */
export function resolveSpecifier(root: string, importer: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.posix.join(path.posix.dirname(importer), specifier);
  else return undefined;
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    const absolute = path.join(root, candidate);
    if (existsSync(absolute) && statSync(absolute).isFile()) return candidate;
  }
  throw new Error(`${importer} imports '${specifier}', which names no file`);
}

// Statements begin a line; an import clause holds neither quotes nor semicolons, so these cannot run past it.
const STATIC_IMPORT = /^[ \t]*(?:import|export)\s+(type\s+)?([^;'"`]*?)\bfrom\s*['"]([^'"\n]+)['"]/gm;
const SIDE_EFFECT_IMPORT = /^[ \t]*import\s*['"]([^'"\n]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

export interface ImportStatement {
  specifier: string;
  /** `import type …` / `export type …` / every name marked `type`: erased from the JavaScript, so no runtime edge. */
  typeOnly: boolean;
}

function namesAllTypes(clause: string): boolean {
  const braces = /^\s*\{([^}]*)\}\s*$/.exec(clause);
  if (!braces) return false;
  const names = (braces[1] as string)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

/** The imports one file makes: import, export-from, side-effect import, import(). */
export function importStatements(sourceText: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  for (const match of sourceText.matchAll(STATIC_IMPORT)) {
    const clause = match[2] as string;
    found.push({ specifier: match[3] as string, typeOnly: match[1] !== undefined || namesAllTypes(clause) });
  }
  for (const match of sourceText.matchAll(SIDE_EFFECT_IMPORT))
    found.push({ specifier: match[1] as string, typeOnly: false });
  for (const match of sourceText.matchAll(DYNAMIC_IMPORT))
    found.push({ specifier: match[1] as string, typeOnly: false });
  return found;
}

export interface SourceTree {
  /** Every import, type-only ones included (a type import still couples one layer to another). */
  imports: ImportGraph;
  /** Only the imports left in the JavaScript (what a bundle pulls in, what can deadlock module evaluation). */
  runtimeImports: ImportGraph;
  /** Files that declare `import 'server-only'`. */
  serverOnly: ReadonlySet<string>;
}

export function readSourceTree(root: string, folders: readonly string[]): SourceTree {
  const imports = new Map<string, string[]>();
  const runtimeImports = new Map<string, string[]>();
  const serverOnly = new Set<string>();
  for (const folder of folders) {
    for (const file of sourceFilesUnder(root, folder)) {
      const text = readFileSync(path.join(root, file), 'utf8');
      const all = new Set<string>();
      const runtime = new Set<string>();
      for (const statement of importStatements(text)) {
        if (statement.specifier === 'server-only') serverOnly.add(file);
        const target = resolveSpecifier(root, file, statement.specifier);
        if (target === undefined || target === file) continue;
        all.add(target);
        if (!statement.typeOnly) runtime.add(target);
      }
      imports.set(file, [...all].sort());
      runtimeImports.set(file, [...runtime].sort());
    }
  }
  return { imports, runtimeImports, serverOnly };
}

/**
 * Strongly connected components with more than one member (Tarjan), each reported as one concrete cycle
 * (a → b → … → a) so the message names the imports to undo.
 */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (start: string) => {
    // Iterative so a deep graph cannot overflow the call stack.
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next] as string;
        frame.next += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component);
      }
    }
  };

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.flatMap((component) => cyclesCovering(graph, new Set(component)));
}

/**
 * Shortest cycles inside one strongly connected component until every import inside it lies on one of them, so
 * the message names every import that holds the cycle together.
 */
function cyclesCovering(graph: ReadonlyMap<string, readonly string[]>, members: ReadonlySet<string>): string[][] {
  const covered = new Set<string>();
  const cycles: string[][] = [];
  for (const from of [...members].sort()) {
    for (const to of graph.get(from) ?? []) {
      if (!members.has(to) || covered.has(`${from}\n${to}`)) continue;
      const cycle = [from, ...shortestPath(graph, members, to, from)];
      for (let step = 0; step + 1 < cycle.length; step += 1) covered.add(`${cycle[step]}\n${cycle[step + 1]}`);
      cycles.push(cycle);
    }
  }
  return cycles;
}

/** The shortest import path from start to goal inside the component (one exists: both are in it). */
function shortestPath(
  graph: ReadonlyMap<string, readonly string[]>,
  members: ReadonlySet<string>,
  start: string,
  goal: string,
): string[] {
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length > 0 && !previous.has(goal)) {
    const node = queue.shift() as string;
    for (const target of graph.get(node) ?? []) {
      if (members.has(target) && !previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  const path = [goal];
  while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
  return path;
}

/** The graph with each file replaced by its group (e.g. its top-level folder); edges inside one group dropped. */
export function groupGraph(graph: ImportGraph, groupOf: (file: string) => string): Map<string, string[]> {
  const grouped = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = groupOf(file);
    const edges = grouped.get(from) ?? new Set<string>();
    grouped.set(from, edges);
    for (const target of targets) {
      const to = groupOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return new Map([...grouped].map(([group, edges]) => [group, [...edges].sort()]));
}

/** The file-level imports behind one group-level edge, for the message. */
export function importsBetween(graph: ImportGraph, groupOf: (file: string) => string, from: string, to: string) {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    if (groupOf(file) !== from) continue;
    for (const target of targets) if (groupOf(target) === to) found.push(`${file} → ${target}`);
  }
  return found;
}
