import { describe, expect, it } from 'vitest';
import { designFromTemplate } from '@/lib/connector/templates';
import type { ConnectorDesign } from '@/lib/connector/design';
import { designToGraph } from '@/lib/diagram/graph';
import { LaidOutDiagrams } from '@/lib/diagram/laid-out';
import { largeSampleDesign } from '@/lib/diagram/sample';
import { gatewayOf, tunnelOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

function edited(design: ConnectorDesign, change: (d: ConnectorDesign) => void): ConnectorDesign {
  const copy = structuredClone(design);
  change(copy);
  return copy;
}

const firstTunnel = (d: ConnectorDesign) => tunnelOf(d);

describe('LaidOutDiagrams (what the diagram view keeps across edits)', () => {
  const design = designFromTemplate('multi-segment-ipsec')!;

  it('typing a pre-shared key changes nothing drawn: the same diagram object, no layout', () => {
    const diagrams = new LaidOutDiagrams();
    const before = diagrams.of(designToGraph(design));
    const after = diagrams.of(
      designToGraph(
        edited(design, (d) => {
          firstTunnel(d).pre_shared_key = 'a-new-secret-key';
        }),
      ),
    );
    expect(after).toBe(before);
    expect(diagrams.layouts).toBe(1);
  });

  it('typing the connector or a tunnel name redraws the name in place: the layout does not run again', () => {
    const diagrams = new LaidOutDiagrams();
    const before = diagrams.of(designToGraph(design));
    const renamed = edited(design, (d) => {
      d.name = `${d.name}-renamed-to-something-much-longer`;
      firstTunnel(d).name = 'tunnel-renamed';
    });
    const after = diagrams.of(designToGraph(renamed));
    expect(after).not.toBe(before);
    expect(after.graph.nodes.find((n) => n.id === 'vhub')!.title).toBe(renamed.name);
    expect(after.layout).toBe(before.layout);
    expect(diagrams.layouts).toBe(1);
  });

  it('a finding appearing decorates its node in place', () => {
    const diagrams = new LaidOutDiagrams();
    const before = diagrams.of(designToGraph(design));
    const after = diagrams.of(
      designToGraph(design, { errors: [{ path: 'instances.0.name', message: 'Name is taken' }], warnings: [] }),
    );
    expect(after.graph.nodes.find((n) => n.id === 'circuit:instances.0')!.errors).toEqual(['Name is taken']);
    expect(after.layout).toBe(before.layout);
    expect(diagrams.layouts).toBe(1);
  });

  it('adding a tunnel or an instance lays the diagram out again, with the new node placed', () => {
    const diagrams = new LaidOutDiagrams();
    diagrams.of(designToGraph(design));
    const more = edited(design, (d) => {
      const gw = at(gatewayOf(d).customer_gateway, 0);
      gw.tunnel.push({ ...structuredClone(at(gw.tunnel, 0)), name: 'extra' });
    });
    const after = diagrams.of(designToGraph(more));
    expect(diagrams.layouts).toBe(2);
    const graph = designToGraph(more);
    expect(Object.keys(after.layout.nodes)).toHaveLength(graph.nodes.length);
  });

  it('the large design: renaming the connector keeps the positions of all its nodes', () => {
    const large = largeSampleDesign();
    const diagrams = new LaidOutDiagrams();
    const before = diagrams.of(designToGraph(large));
    const after = diagrams.of(
      designToGraph(
        edited(large, (d) => {
          d.name = 'x';
        }),
      ),
    );
    expect(after.layout).toBe(before.layout);
    expect(diagrams.layouts).toBe(1);
  });
});
