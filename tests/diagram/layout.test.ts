import { describe, expect, it } from 'vitest';
import { DESIGN_TEMPLATES, designFromTemplate } from '@/lib/connector/templates';
import { designToGraph, type DiagramGraph } from '@/lib/diagram/graph';
import { layoutGraph, type DiagramLayout } from '@/lib/diagram/layout';
import { largeSampleDesign } from '@/lib/diagram/sample';
import type { DiagramNode } from '@/lib/diagram/types';
import { at, present } from '../helpers/present';

/** The laid-out box of a node; fails naming the node when the layout has none. */
const box = (layout: DiagramLayout, id: string) => present(layout.nodes[id], `box of ${id}`);

function overlaps(layout: DiagramLayout): string[] {
  const boxes = Object.values(layout.nodes);
  const hits: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = at(boxes, i);
      const b = at(boxes, j);
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        hits.push(`${a.id} × ${b.id}`);
    }
  }
  return hits;
}

function columnOf(graph: DiagramGraph, layout: DiagramLayout, kind: string): number[] {
  return graph.nodes.filter((n) => n.kind === kind).map((n) => box(layout, n.id).x);
}

/** Edges that do not run left to right (source's right side left of the target's left side). */
function backwardEdges(graph: DiagramGraph, layout: DiagramLayout): string[] {
  return graph.edges
    .filter((e) => box(layout, e.source).x + box(layout, e.source).width >= box(layout, e.target).x)
    .map((e) => e.id);
}

/** Nodes outside the diagram's box. */
function outside(layout: DiagramLayout): string[] {
  return Object.values(layout.nodes)
    .filter((b) => b.x < 0 || b.y < 0 || b.x + b.width > layout.width || b.y + b.height > layout.height)
    .map((b) => b.id);
}

const centre = (layout: DiagramLayout, id: string) => box(layout, id).y + box(layout, id).height / 2;

const everyTemplate = DESIGN_TEMPLATES.map((t) => [t.id, designToGraph(designFromTemplate(t.id)!)] as const);
const large = {
  collapsed: designToGraph(largeSampleDesign()),
  full: designToGraph(largeSampleDesign(), undefined, { collapseTunnelsAbove: Infinity }),
};

describe('layoutGraph', () => {
  it('places Alkira on the left and customer gateways on the right, without overlaps', () => {
    const graph = designToGraph(designFromTemplate('multi-segment-ipsec')!);
    const layout = layoutGraph(graph);
    expect(Object.keys(layout.nodes)).toHaveLength(graph.nodes.length);
    const [vhubX] = columnOf(graph, layout, 'vhub');
    const circuitX = Math.min(...columnOf(graph, layout, 'circuit'));
    const tunnelX = Math.min(...columnOf(graph, layout, 'tunnel'));
    const gatewayX = Math.min(...columnOf(graph, layout, 'gateway'));
    expect(vhubX).toBeLessThan(circuitX);
    expect(circuitX).toBeLessThan(tunnelX);
    expect(tunnelX).toBeLessThan(gatewayX);
    expect(overlaps(layout)).toEqual([]);
    expect(Object.keys(layout.edges)).toHaveLength(graph.edges.length);
  });

  it.each([
    ...everyTemplate,
    ['large (tunnels folded)', large.collapsed],
    ['large (every tunnel)', large.full],
  ] as const)(
    '%s: no two nodes overlap, every edge runs left to right, everything inside the diagram',
    (_name, graph) => {
      const layout = layoutGraph(graph);
      expect(Object.keys(layout.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      expect(overlaps(layout)).toEqual([]);
      expect(backwardEdges(graph, layout)).toEqual([]);
      expect(outside(layout)).toEqual([]);
    },
  );

  it('keeps instances, segments and gateways in design order from top to bottom', () => {
    const graph = designToGraph(
      largeSampleDesign({ instances: 3, segments: 3, gatewaysPerSegment: 2, tunnelsPerGateway: 2 }),
    );
    const layout = layoutGraph(graph);
    for (const kind of ['circuit', 'segment', 'gateway', 'tunnel']) {
      const ys = graph.nodes.filter((n) => n.kind === kind).map((n) => box(layout, n.id).y);
      expect(
        [...ys].sort((a, b) => a - b),
        kind,
      ).toEqual(ys);
    }
  });

  it('centres each parent on its children, and a gateway between its tunnels', () => {
    const graph = designToGraph(
      largeSampleDesign({ instances: 2, segments: 1, gatewaysPerSegment: 2, tunnelsPerGateway: 2 }),
    );
    const layout = layoutGraph(graph);
    const childrenOf = (id: string) => graph.edges.filter((e) => e.source === id).map((e) => e.target);
    for (const node of graph.nodes.filter((n) => n.kind === 'vhub' || n.kind === 'circuit' || n.kind === 'segment')) {
      const ys = childrenOf(node.id).map((c) => centre(layout, c));
      expect(centre(layout, node.id), node.id).toBeCloseTo((Math.min(...ys) + Math.max(...ys)) / 2, 0);
    }
    for (const gateway of graph.nodes.filter((n) => n.kind === 'gateway')) {
      const tunnels = graph.edges.filter((e) => e.target === gateway.id).map((e) => centre(layout, e.source));
      expect(tunnels).toHaveLength(2);
      expect(centre(layout, gateway.id), gateway.id).toBeCloseTo((at(tunnels, 0) + at(tunnels, 1)) / 2, 0);
    }
  });

  it('puts a parent whose children spread over more than a screen level with its first child (the vHub of a large design next to its first circuit)', () => {
    const graph = large.collapsed;
    const layout = layoutGraph(graph);
    const firstChild = (id: string) => graph.edges.find((e) => e.source === id)!.target;
    // Beside each other: the child's centre lies within the parent's height.
    const beside = (parent: string, child: string) =>
      Math.abs(centre(layout, parent) - centre(layout, child)) < box(layout, parent).height / 2;
    const circuit = firstChild('vhub');
    expect(beside('vhub', circuit)).toBe(true);
    expect(beside(circuit, firstChild(circuit))).toBe(true);
    expect(beside('vhub', graph.edges.filter((e) => e.source === 'vhub').at(-1)!.target)).toBe(false);
    // A segment's four gateways fit on a screen: it stays centred on them.
    const segment = graph.nodes.find((n) => n.kind === 'segment')!.id;
    const ys = graph.edges.filter((e) => e.source === segment).map((e) => centre(layout, e.target));
    expect(centre(layout, segment)).toBeCloseTo((Math.min(...ys) + Math.max(...ys)) / 2, 0);
  });

  it("keeps a subtree's nodes inside its parent's band: another instance's nodes never sit between them", () => {
    const graph = designToGraph(
      largeSampleDesign({ instances: 3, segments: 2, gatewaysPerSegment: 3, tunnelsPerGateway: 1 }),
    );
    const layout = layoutGraph(graph);
    const instanceOf = (n: DiagramNode) => /^instances\.(\d+)/.exec(n.formPath)?.[1];
    const spans = ['0', '1', '2'].map((i) => {
      const boxes = graph.nodes.filter((n) => instanceOf(n) === i).map((n) => box(layout, n.id));
      return [Math.min(...boxes.map((b) => b.y)), Math.max(...boxes.map((b) => b.y + b.height))] as const;
    });
    expect(at(spans, 0)[1]).toBeLessThan(at(spans, 1)[0]);
    expect(at(spans, 1)[1]).toBeLessThan(at(spans, 2)[0]);
  });

  it('is deterministic: the same graph gives the same positions', () => {
    const a = layoutGraph(large.collapsed);
    const b = layoutGraph(designToGraph(largeSampleDesign()));
    expect({ ...b, elapsedMs: 0 }).toEqual({ ...a, elapsedMs: 0 });
  });

  it('leaves room between the columns for edge labels, and puts each label on its edge', () => {
    const graph = designToGraph(designFromTemplate('multi-instance-ipsec')!);
    const layout = layoutGraph(graph);
    const labelled = graph.edges.filter((e) => e.label);
    expect(labelled.length).toBeGreaterThan(0);
    for (const e of labelled) {
      const label = present(layout.edges[e.id]?.label, `label of ${e.id}`);
      expect(label.x, e.id).toBeGreaterThanOrEqual(box(layout, e.source).x + box(layout, e.source).width);
      expect(label.x + label.width, e.id).toBeLessThanOrEqual(box(layout, e.target).x);
      const end = at(present(layout.edges[e.id], e.id).points, -1);
      expect(end).toEqual({ x: box(layout, e.target).x, y: centre(layout, e.target) });
    }
  });

  it('lays out a graph with a cycle or a node nobody links to, once each', () => {
    const node = (id: string): DiagramNode => ({
      id,
      kind: 'circuit',
      formPath: id,
      title: id,
      details: [],
      errors: [],
      warnings: [],
    });
    const graph: DiagramGraph = {
      nodes: [node('a'), node('b'), node('c'), node('lonely')],
      edges: [
        { id: 'a-b', source: 'a', target: 'b', arrow: 'none' },
        { id: 'b-c', source: 'b', target: 'c', arrow: 'none' },
        { id: 'c-b', source: 'c', target: 'b', arrow: 'none' },
        { id: 'x-a', source: 'missing', target: 'a', arrow: 'none' },
      ],
      segments: [],
      tunnelsCollapsed: false,
    };
    const layout = layoutGraph(graph);
    expect(Object.keys(layout.nodes).sort()).toEqual(['a', 'b', 'c', 'lonely']);
    expect(overlaps(layout)).toEqual([]);
    expect(box(layout, 'a').x).toBeLessThan(box(layout, 'b').x);
    expect(box(layout, 'b').x).toBeLessThan(box(layout, 'c').x);
    expect(Object.keys(layout.edges).sort()).toEqual(['a-b', 'b-c', 'c-b']);
  });

  it('lays out 10 instances × 8 segments × 4 gateways × 2 tunnels (collapsed and every tunnel drawn)', () => {
    const a = layoutGraph(large.collapsed);
    const b = layoutGraph(large.full);
    // Reported, not asserted: machine speed varies.
    console.log(
      `[diagram layout] collapsed: ${large.collapsed.nodes.length} nodes in ${a.elapsedMs.toFixed(1)} ms (${Math.round(a.width)}×${Math.round(a.height)}); ` +
        `all 640 tunnels: ${large.full.nodes.length} nodes in ${b.elapsedMs.toFixed(1)} ms (${Math.round(b.width)}×${Math.round(b.height)})`,
    );
    expect(Object.keys(a.nodes)).toHaveLength(large.collapsed.nodes.length);
    expect(Object.keys(b.nodes)).toHaveLength(large.full.nodes.length);
  });
});
