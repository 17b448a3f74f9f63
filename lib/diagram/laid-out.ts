/**
 * The diagram a view shows, kept across edits: the same object while the
 * graph's content is unchanged (typing a pre-shared key changes nothing
 * drawn), and the same positions while its shape is (typing a name or a
 * finding appearing does not move anything, nor run the layout again).
 */
import { layoutGraph, type DiagramLayout } from './layout';
import type { DiagramEdge, DiagramGraph, DiagramNode } from './types';

export interface LaidOutDiagram {
  graph: DiagramGraph;
  layout: DiagramLayout;
}

/** Node ids, sizes, edges and label lengths: when these are unchanged the previous positions still fit. */
export function shapeOf(graph: DiagramGraph): string {
  const nodes = graph.nodes.map((n) => `${n.id}:${n.details.length}`).join('|');
  const edges = graph.edges.map((e) => `${e.id}:${e.label?.length ?? 0}`).join('|');
  return `${nodes}#${edges}`;
}

const jsonCache = new WeakMap<DiagramNode | DiagramEdge, string>();

/** A node's (or edge's) JSON, made once per object: a graph's parts do not change once built (lib/diagram/graph.ts). */
export function nodeJson(part: DiagramNode | DiagramEdge): string {
  let json = jsonCache.get(part);
  if (json === undefined) {
    json = JSON.stringify(part);
    jsonCache.set(part, json);
  }
  return json;
}

/** The same parts in the same order: the same objects (a graph built with DiagramGraphs keeps them) or the same JSON. */
function sameParts<T extends DiagramNode | DiagramEdge>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as T;
    const y = b[i] as T;
    if (x !== y && nodeJson(x) !== nodeJson(y)) return false;
  }
  return true;
}

export class LaidOutDiagrams {
  private last: { rest: string; shape: string; laidOut: LaidOutDiagram } | null = null;
  /** How many times the layout ran (the tests check an edit did not run it). */
  layouts = 0;

  of(graph: DiagramGraph): LaidOutDiagram {
    const { nodes, edges, ...others } = graph;
    const rest = JSON.stringify(others);
    const last = this.last;
    if (
      last &&
      last.rest === rest &&
      sameParts(last.laidOut.graph.nodes, nodes) &&
      sameParts(last.laidOut.graph.edges, edges)
    )
      return last.laidOut;
    const shape = shapeOf(graph);
    let layout: DiagramLayout;
    if (last && last.shape === shape) layout = last.laidOut.layout;
    else {
      layout = layoutGraph(graph);
      this.layouts++;
    }
    const laidOut = { graph, layout };
    this.last = { rest, shape, laidOut };
    return laidOut;
  }
}
