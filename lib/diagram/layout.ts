/**
 * Positions the topology left to right: Alkira on the left, the customer side
 * on the right, one column per level of the tree
 *
 *   vHub → circuits → routers / segments → tunnels → customer gateways
 *
 * The graph designToGraph makes is a tree, except that the tunnels of one
 * customer gateway all lead to it (a "join"); such a gateway is placed as
 * one unit with its tunnels. Every subtree gets a horizontal band of its own
 * (children stacked in design order, each parent centred on its children, or
 * level with the first one when they spread over more than a screen),
 * so nodes never overlap and the picture follows the form's order. One pass
 * over the nodes and edges, synchronous: ~1 ms for the largest designs, where
 * a general-purpose layered layout (ELK) took seconds.
 *
 * Node sizes come from the node kind and its number of detail lines, so
 * labels fit without measuring DOM.
 */
import type { DiagramGraph, DiagramNode, DiagramNodeKind } from './types';
import { itemAt, lastItem } from '@/lib/util/indexing';

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
  /** Where the edge's label sits (top-left corner), if it has one. */
  label?: Point & { width: number; height: number };
}

export interface DiagramLayout {
  nodes: Record<string, PositionedNode>;
  edges: Record<string, RoutedEdge>;
  width: number;
  height: number;
  /** Milliseconds the layout took (reported by the tests for the large design). */
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

/** Around the whole diagram. */
const PADDING = 24;
/** Least horizontal gap between two columns. */
const COLUMN_GAP = 70;
/** Vertical gap between two single nodes in a column (e.g. the tunnels of a gateway). */
const NODE_GAP = 18;
/** Vertical gap between two bands that hold more than one node (two segments, two instances). */
const SUBTREE_GAP = 32;
/** Children spread over more than this are not centred on (see place()). */
const CENTRE_SPAN_MAX = 900;
/** Where an edge turns, right of its source, in the exported drawing. */
const BEND = 16;
const LABEL_HEIGHT = 16;
const LABEL_MARGIN = 8;

export function nodeSize(node: DiagramNode): { width: number; height: number } {
  return { width: WIDTH[node.kind], height: TITLE_HEIGHT + LINE_HEIGHT * node.details.length + BOTTOM_PADDING };
}

/** Edge labels are 10 px text with padding (see the component's label style). */
function labelWidth(label: string): number {
  return Math.ceil(label.length * 6.2 + 12);
}

/** What a node's band holds below it: a child subtree, or the tunnels of one gateway with that gateway. */
type Item = { kind: 'node'; id: string } | { kind: 'join'; members: string[]; join: string };

interface Tree {
  roots: string[];
  items: Map<string, Item[]>;
  depth: Map<string, number>;
}

/**
 * The tree to lay out: each node hangs under its first parent, except a node
 * whose parents are all leaves under one common parent (a gateway's tunnels),
 * which hangs under that common parent together with them.
 */
function buildTree(graph: DiagramGraph, known: Set<string>): Tree {
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const id of known) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  for (const e of graph.edges) {
    if (!known.has(e.source) || !known.has(e.target) || e.source === e.target) continue;
    const into = incoming.get(e.target)!;
    if (!into.includes(e.source)) into.push(e.source);
    const out = outgoing.get(e.source)!;
    if (!out.includes(e.target)) out.push(e.target);
  }

  // joinOf: member → the node its group leads to.
  const joinOf = new Map<string, string>();
  for (const [id, sources] of incoming) {
    const [firstSource] = sources;
    if (sources.length < 2 || firstSource === undefined) continue;
    const common = incoming.get(firstSource)!;
    const isJoin = sources.every((s) => {
      const into = incoming.get(s)!;
      return (
        into.length === 1 &&
        into[0] === common[0] &&
        common.length === 1 &&
        outgoing.get(s)!.length === 1 &&
        !joinOf.has(s)
      );
    });
    if (isJoin) for (const s of sources) joinOf.set(s, id);
  }

  const items = new Map<string, Item[]>();
  const depth = new Map<string, number>();
  const placed = new Set<string>();
  const roots: string[] = [];

  // Iterative depth-first walk (no recursion limit on odd inputs); each node is placed once, so cycles end.
  const walk = (root: string) => {
    placed.add(root);
    depth.set(root, 0);
    roots.push(root);
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const list: Item[] = [];
      const d = depth.get(id)!;
      for (const child of outgoing.get(id)!) {
        if (placed.has(child)) continue;
        const join = joinOf.get(child);
        placed.add(child);
        depth.set(child, d + 1);
        stack.push(child);
        if (join === undefined || (placed.has(join) && !list.some((it) => it.kind === 'join' && it.join === join))) {
          list.push({ kind: 'node', id: child });
          continue;
        }
        const last = list[list.length - 1];
        if (last?.kind === 'join' && last.join === join) {
          last.members.push(child);
        } else if (!placed.has(join)) {
          placed.add(join);
          depth.set(join, d + 2);
          stack.push(join);
          list.push({ kind: 'join', members: [child], join });
        } else {
          // Members of one join that are not next to each other: the later ones stand alone.
          list.push({ kind: 'node', id: child });
        }
      }
      items.set(id, list);
    }
  };

  for (const node of graph.nodes)
    if (known.has(node.id) && incoming.get(node.id)!.length === 0 && !placed.has(node.id)) walk(node.id);
  // Whatever a cycle kept unreachable from a root starts a tree of its own.
  for (const node of graph.nodes) if (known.has(node.id) && !placed.has(node.id)) walk(node.id);
  return { roots, items, depth };
}

export function layoutGraph(graph: DiagramGraph): DiagramLayout {
  const started = performance.now();
  const size = new Map<string, { width: number; height: number }>();
  for (const node of graph.nodes) if (!size.has(node.id)) size.set(node.id, nodeSize(node));
  const known = new Set(size.keys());
  const { roots, items, depth } = buildTree(graph, known);

  const childrenOf = (id: string) => items.get(id) ?? [];
  const isLeaf = (it: Item) => it.kind === 'node' && childrenOf(it.id).length === 0;

  // Band heights, bottom-up (children are always walked after their parent, so reverse walk order works).
  const band = new Map<string, number>();
  const itemsHeight = new Map<string, number>();
  const itemBand = (it: Item): number => {
    if (it.kind === 'node') return band.get(it.id)!;
    return Math.max(
      stackHeight(
        it.members.map((m) => band.get(m)!),
        NODE_GAP,
      ),
      band.get(it.join)!,
    );
  };
  const gapBetween = (a: Item, b: Item) => (isLeaf(a) && isLeaf(b) ? NODE_GAP : SUBTREE_GAP);
  const itemsTotal = (list: Item[]): number => {
    let total = 0;
    list.forEach((it, i) => {
      const previous = list[i - 1];
      total += itemBand(it) + (previous ? gapBetween(previous, it) : 0);
    });
    return total;
  };
  for (const id of [...depth.keys()].reverse()) {
    const inner = itemsTotal(childrenOf(id));
    itemsHeight.set(id, inner);
    band.set(id, Math.max(size.get(id)!.height, inner));
  }

  // Columns: one per depth, as wide as its widest node, the gap wide enough for the labels leaving it.
  const columnWidth: number[] = [];
  const columnGap: number[] = [];
  for (const [id, d] of depth) columnWidth[d] = Math.max(columnWidth[d] ?? 0, size.get(id)!.width);
  for (const e of graph.edges) {
    const d = depth.get(e.source);
    if (d === undefined || !e.label) continue;
    columnGap[d] = Math.max(columnGap[d] ?? COLUMN_GAP, BEND + labelWidth(e.label) + 2 * LABEL_MARGIN);
  }
  const columnX: number[] = [];
  let x = PADDING;
  for (let d = 0; d < columnWidth.length; d++) {
    columnX[d] = x;
    x += (columnWidth[d] ?? 0) + (columnGap[d] ?? COLUMN_GAP);
  }

  const nodes: Record<string, PositionedNode> = {};
  const put = (id: string, y: number) => {
    const { width, height } = size.get(id)!;
    nodes[id] = { id, x: itemAt(columnX, depth.get(id)!, 'column'), y, width, height };
  };
  const centre = (id: string) => {
    const node = nodes[id];
    if (!node) throw new Error(`Internal error: diagram node ${id} centred before it is placed`);
    return node.y + node.height / 2;
  };

  // Places `id`'s band with its top at `top`: children stacked in order, the node centred on them.
  const place = (id: string, top: number): void => {
    const list = childrenOf(id);
    const { height } = size.get(id)!;
    if (list.length === 0) {
      put(id, top);
      return;
    }
    const inner = itemsHeight.get(id)!;
    let cursor = top + Math.max(0, (height - inner) / 2);
    let first = NaN;
    let last = NaN;
    list.forEach((it, i) => {
      const previous = list[i - 1];
      if (previous) cursor += gapBetween(previous, it);
      const h = itemBand(it);
      if (it.kind === 'node') {
        place(it.id, cursor);
        if (i === 0) first = centre(it.id);
        last = centre(it.id);
      } else {
        const membersHeight = stackHeight(
          it.members.map((m) => band.get(m)!),
          NODE_GAP,
        );
        let m = cursor + (h - membersHeight) / 2;
        for (const member of it.members) {
          place(member, m);
          m += band.get(member)! + NODE_GAP;
        }
        place(it.join, cursor + (h - band.get(it.join)!) / 2);
        if (i === 0) first = centre(itemAt(it.members, 0, 'group member'));
        last = centre(lastItem(it.members, 'group member'));
      }
      cursor += h;
    });
    // Centred on its children, unless they span more than a screen: then level with the first one, so
    // the opening view (around the vHub) shows a whole branch instead of the gap between two far-apart ones.
    const wanted = (last - first <= CENTRE_SPAN_MAX ? (first + last) / 2 : first) - height / 2;
    put(id, Math.min(Math.max(wanted, top), top + band.get(id)! - height));
  };

  let top = PADDING;
  roots.forEach((root, i) => {
    if (i > 0) top += SUBTREE_GAP;
    place(root, top);
    top += band.get(root)!;
  });

  const edges: Record<string, RoutedEdge> = {};
  for (const e of graph.edges) {
    const a = nodes[e.source];
    const b = nodes[e.target];
    if (!a || !b) continue;
    edges[e.id] = route(e.id, a, b, e.label);
  }

  return {
    nodes,
    edges,
    width: x - (columnGap[columnWidth.length - 1] ?? COLUMN_GAP) + PADDING,
    height: top + PADDING,
    elapsedMs: performance.now() - started,
  };
}

function stackHeight(heights: number[], gap: number): number {
  return heights.reduce((sum, h) => sum + h, 0) + gap * Math.max(0, heights.length - 1);
}

/** Right side of the source to the left side of the target, turning once just right of the source; the label sits on the last run. */
function route(id: string, a: PositionedNode, b: PositionedNode, label: string | undefined): RoutedEdge {
  const start = { x: a.x + a.width, y: a.y + a.height / 2 };
  const end = { x: b.x, y: b.y + b.height / 2 };
  const turn = Math.min(start.x + BEND, (start.x + end.x) / 2);
  const points = start.y === end.y ? [start, end] : [start, { x: turn, y: start.y }, { x: turn, y: end.y }, end];
  if (!label) return { id, points };
  const width = labelWidth(label);
  return {
    id,
    points,
    label: { x: (turn + end.x) / 2 - width / 2, y: end.y - LABEL_HEIGHT - 2, width, height: LABEL_HEIGHT },
  };
}
