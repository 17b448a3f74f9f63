import { describe, expect, it } from 'vitest';
import { designFromTemplate } from '@/lib/connector/templates';
import { designToGraph, type DiagramGraph } from '@/lib/diagram/graph';
import { layoutGraph, type DiagramLayout } from '@/lib/diagram/layout';
import { largeSampleDesign } from '@/lib/diagram/sample';

function overlaps(layout: DiagramLayout): string[] {
  const boxes = Object.values(layout.nodes);
  const hits: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) hits.push(`${a.id} × ${b.id}`);
    }
  }
  return hits;
}

function columnOf(graph: DiagramGraph, layout: DiagramLayout, kind: string): number[] {
  return graph.nodes.filter((n) => n.kind === kind).map((n) => layout.nodes[n.id].x);
}

describe('layoutGraph', () => {
  it('places Alkira on the left and customer gateways on the right, without overlaps', async () => {
    const graph = designToGraph(designFromTemplate('multi-segment-ipsec')!);
    const layout = await layoutGraph(graph);
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

  it('keeps instances in design order from top to bottom', async () => {
    const graph = designToGraph(largeSampleDesign({ instances: 3, segments: 2, gatewaysPerSegment: 1, tunnelsPerGateway: 1 }));
    const layout = await layoutGraph(graph);
    const ys = graph.nodes.filter((n) => n.kind === 'circuit').map((n) => layout.nodes[n.id].y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('lays out 10 instances × 8 segments × 4 gateways × 2 tunnels (collapsed and every tunnel drawn)', async () => {
    const collapsed = designToGraph(largeSampleDesign());
    const full = designToGraph(largeSampleDesign(), undefined, { collapseTunnelsAbove: Infinity });
    const a = await layoutGraph(collapsed);
    const b = await layoutGraph(full);
    // Reported, not asserted: machine speed varies.
    console.log(
      `[diagram layout] collapsed: ${collapsed.nodes.length} nodes in ${Math.round(a.elapsedMs)} ms (${Math.round(a.width)}×${Math.round(a.height)}); ` +
        `all 640 tunnels: ${full.nodes.length} nodes in ${Math.round(b.elapsedMs)} ms (${Math.round(b.width)}×${Math.round(b.height)})`,
    );
    expect(Object.keys(a.nodes)).toHaveLength(collapsed.nodes.length);
    expect(Object.keys(b.nodes)).toHaveLength(full.nodes.length);
    expect(overlaps(a)).toEqual([]);
  }, 120_000);
});
