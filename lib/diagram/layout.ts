/**
 * Positions the graph with ELK's layered algorithm, left to right: Alkira on
 * the left, the customer side on the right. Node sizes come from the node
 * kind and its number of detail lines, so labels fit without measuring DOM.
 *
 * In the browser ELK runs in a Web Worker (layout.worker.ts), so a large
 * design does not freeze the page while it is laid out; where there is no
 * Worker (node, tests) or the worker fails, it runs on the calling thread.
 */
import type ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { ElkLayoutRequest, ElkLayoutResponse } from './layout-protocol';
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

let localEngine: Promise<InstanceType<typeof ELK>> | null = null;

/** ELK on the calling thread, loaded on first use (the browser normally never needs it). */
function layoutHere(graph: ElkNode): Promise<ElkNode> {
  // One engine per page: constructing it parses ELK's ~1.5 MB of code again.
  localEngine ??= import('elkjs/lib/elk.bundled.js').then(({ default: Engine }) => new Engine());
  return localEngine.then((engine) => engine.layout(graph));
}

interface WorkerRequest {
  graph: ElkNode;
  resolve: (result: ElkNode) => void;
  reject: (error: Error) => void;
}

/** `undefined`: not started yet; `null`: no worker (unsupported or failed), lay out here. */
let worker: Worker | null | undefined;
const inFlight = new Map<number, WorkerRequest>();
let lastRequestId = 0;

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof window === 'undefined' || typeof Worker === 'undefined') return null;
  try {
    const started = new Worker(new URL('./layout.worker.ts', import.meta.url), { name: 'elk-layout' });
    started.onmessage = (event: MessageEvent<ElkLayoutResponse>) => {
      const { id, result, error } = event.data;
      const request = inFlight.get(id);
      if (!request) return;
      inFlight.delete(id);
      if (result) request.resolve(result);
      else request.reject(new Error(error));
    };
    // The script could not load (network, CSP) or the worker crashed: finish
    // what was sent to it here and stop using it for this page.
    started.onerror = (event) => {
      event.preventDefault();
      abandonWorker();
    };
    started.onmessageerror = () => abandonWorker();
    worker = started;
  } catch {
    worker = null;
  }
  return worker;
}

function abandonWorker(): void {
  worker?.terminate();
  worker = null;
  const stranded = [...inFlight.values()];
  inFlight.clear();
  for (const request of stranded) layoutHere(request.graph).then(request.resolve, request.reject);
}

function runElk(graph: ElkNode): Promise<ElkNode> {
  const target = layoutWorker();
  if (!target) return layoutHere(graph);
  return new Promise((resolve, reject) => {
    const id = ++lastRequestId;
    inFlight.set(id, { graph, resolve, reject });
    try {
      target.postMessage({ id, graph } satisfies ElkLayoutRequest);
    } catch {
      inFlight.delete(id);
      layoutHere(graph).then(resolve, reject);
    }
  });
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

  const result: ElkNode = await runElk({
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
