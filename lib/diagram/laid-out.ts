/**
 * The diagram a view shows, kept across edits: the same object while the
 * graph's content is unchanged (typing a pre-shared key changes nothing
 * drawn), and the same positions while its shape is (typing a name or a
 * finding appearing does not move anything, nor run the layout again).
 */
import { layoutGraph, type DiagramLayout } from './layout';
import type { DiagramGraph, DiagramNode } from './types';

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

const nodeJsonCache = new WeakMap<DiagramNode, string>();

/** A node's JSON, made once per node object: a graph's nodes do not change once built (lib/diagram/graph.ts). */
export function nodeJson(node: DiagramNode): string {
  let json = nodeJsonCache.get(node);
  if (json === undefined) {
    json = JSON.stringify(node);
    nodeJsonCache.set(node, json);
  }
  return json;
}

export class LaidOutDiagrams {
  private last: { content: string; shape: string; laidOut: LaidOutDiagram } | null = null;
  /** How many times the layout ran (the tests check an edit did not run it). */
  layouts = 0;

  of(graph: DiagramGraph): LaidOutDiagram {
    // The nodes' JSON is kept with them: the diagram's flow nodes are keyed by it too (topology-diagram.tsx).
    const content = `${graph.nodes.map(nodeJson).join(',')}#${JSON.stringify({ ...graph, nodes: null })}`;
    const last = this.last;
    if (last && last.content === content) return last.laidOut;
    const shape = shapeOf(graph);
    let layout: DiagramLayout;
    if (last && last.shape === shape) layout = last.laidOut.layout;
    else {
      layout = layoutGraph(graph);
      this.layouts++;
    }
    const laidOut = { graph, layout };
    this.last = { content, shape, laidOut };
    return laidOut;
  }
}
