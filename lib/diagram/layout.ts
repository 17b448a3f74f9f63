/**
 * Positions the graph with ELK's layered algorithm, left to right: Alkira on
 * the left, the customer side on the right. Node sizes come from the node
 * kind and its number of detail lines, so labels fit without measuring DOM.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { DiagramGraph, DiagramNode, DiagramNodeKind } from './types';

export interface Point {
  x: number;
  y: number;
}

export interface PositionedNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RoutedEdge {
  id: string;
  /** Start, bend points and end, in diagram coordinates. */
  points: Point[];
  /** Where ELK placed the edge's label (top-left corner), if it has one. */
  label?: Point & { width: number; height: number };
}

export interface DiagramLayout {
  nodes: Record<string, PositionedNode>;
  edges: Record<string, RoutedEdge>;
  width: number;
  height: number;
  /** Milliseconds ELK took (reported by the tests for the large design). */
  elapsedMs: number;
}

const WIDTH: Record<DiagramNodeKind, number> = {
  vhub: 250,
  circuit: 240,
  router: 210,
  segment: 230,
  gateway: 230,
  tunnel: 260,
};

/** Title row + one row per detail line (see the node components' line height). */
export const TITLE_HEIGHT = 42;
export const LINE_HEIGHT = 17;
const BOTTOM_PADDING = 10;

export function nodeSize(node: DiagramNode): { width: number; height: number } {
  return { width: WIDTH[node.kind], height: TITLE_HEIGHT + LINE_HEIGHT * node.details.length + BOTTOM_PADDING };
}

/** Edge labels are 10 px text with padding (see the component's label style). */
function labelWidth(label: string): number {
  return Math.ceil(label.length * 6.2 + 12);
}

let elk: InstanceType<typeof ELK> | null = null;

function engine(): InstanceType<typeof ELK> {
  // One engine per page: constructing it parses ELK's ~1.5 MB of code again.
  elk ??= new ELK();
  return elk;
}

function layoutOptions(): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    // designToGraph emits nodes depth-first in design order, which is already
    // a crossing-free order for this tree. Skipping crossing minimisation keeps
    // that order (the picture matches the form and does not reshuffle on each
    // keystroke) and is what makes 1,000+ nodes lay out in well under a second;
    // `considerModelOrder` gave the same picture 5-10x slower.
    'elk.layered.crossingMinimization.strategy': 'NONE',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    // Centre each parent on its children (the default alignment pushes the vHub to one end).
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.layered.spacing.nodeNodeBetweenLayers': '70',
    'elk.layered.spacing.edgeNodeBetweenLayers': '24',
    'elk.spacing.nodeNode': '18',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeEdge': '8',
    'elk.padding': '[top=24,left=24,bottom=24,right=24]',
  };
}

export async function layoutGraph(graph: DiagramGraph): Promise<DiagramLayout> {
  const started = performance.now();
  const children: ElkNode[] = graph.nodes.map((node) => ({ id: node.id, ...nodeSize(node) }));
  const known = new Set(children.map((c) => c.id));
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((e) => known.has(e.source) && known.has(e.target))
    // Labelled edges get a label box, so ELK widens the gap between the
    // layers to fit the text instead of letting it sit on the nodes.
    .map((e) => ({
      id: e.id,
      sources: [e.source],
      targets: [e.target],
      labels: e.label ? [{ id: `${e.id}:label`, text: e.label, width: labelWidth(e.label), height: 16 }] : undefined,
    }));

  const result: ElkNode = await engine().layout({
    id: 'root',
    layoutOptions: layoutOptions(),
    children,
    edges,
  });

  const nodes: Record<string, PositionedNode> = {};
  for (const child of result.children ?? []) {
    nodes[child.id] = { id: child.id, x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
  }
  const routed: Record<string, RoutedEdge> = {};
  for (const e of (result.edges ?? []) as ElkExtendedEdge[]) {
    const section = e.sections?.[0];
    if (!section) continue;
    const label = e.labels?.[0];
    routed[e.id] = {
      id: e.id,
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
      label: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : undefined,
    };
  }
  return {
    nodes,
    edges: routed,
    width: result.width ?? 0,
    height: result.height ?? 0,
    elapsedMs: performance.now() - started,
  };
}
