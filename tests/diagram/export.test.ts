import { describe, expect, it } from 'vitest';
import { designFromTemplate } from '@/lib/connector/templates';
import { validateDesign } from '@/lib/connector/validate';
import { exportDiagramSvg, exportFileName } from '@/components/diagram/export';
import { designToGraph } from '@/lib/diagram/graph';
import { layoutGraph } from '@/lib/diagram/layout';
import { instanceOf } from '../helpers/design-parts';

describe('exportDiagramSvg', () => {
  it('draws every instance, gateway and segment as text, with arrows and without keys', async () => {
    const design = designFromTemplate('multi-instance-ipsec')!;
    const graph = designToGraph(design, validateDesign(design));
    const svg = exportDiagramSvg(graph, layoutGraph(graph));
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    for (const name of [
      'primary-circuit',
      'backup-circuit',
      'prod-gateway',
      'backup-gateway',
      'alkira_segment.prod.id',
    ]) {
      expect(svg).toContain(`>${name}<`);
    }
    // One tunnel path each way: Alkira-initiated ends in an arrow, customer-initiated starts with one.
    expect(svg).toMatch(/marker-end="url\(#arrow-/);
    expect(svg).toMatch(/marker-start="url\(#arrow-/);
    expect(svg).not.toContain('psk-');
    expect(
      graph.nodes.filter((n) => n.kind !== 'vhub').every((n) => svg.includes(`data-form-path="${n.formPath}"`)),
    ).toBe(true);
  });

  it('escapes markup in names and marks nodes with errors', async () => {
    const design = designFromTemplate('basic-vxlan-gpe')!;
    instanceOf(design).name = '<script>&"x"';
    instanceOf(design).loopback_subnet = 'nope';
    const graph = designToGraph(design, validateDesign(design));
    const svg = exportDiagramSvg(graph, layoutGraph(graph));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&amp;&quot;x&quot;');
    expect(svg).toMatch(/<title>Error: [^<]*loopback_subnet/);
  });

  it('names the file after the resource', () => {
    expect(exportFileName('multi_instance', 'svg')).toBe('multi_instance-topology.svg');
    expect(exportFileName('', 'png')).toBe('connector-topology.png');
    expect(exportFileName('a/b c', 'png')).toBe('a_b_c-topology.png');
  });
});
