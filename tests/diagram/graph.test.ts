import { describe, expect, it } from 'vitest';
import { emptyDesign, type ConnectorDesign } from '@/lib/connector/design';
import { designFromTemplate } from '@/lib/connector/templates';
import { validateDesign } from '@/lib/connector/validate';
import { designToGraph, nodeForPath, type DiagramGraph } from '@/lib/diagram/graph';
import { largeSampleDesign } from '@/lib/diagram/sample';
import { SEGMENT_PALETTE, UNKNOWN_SEGMENT_COLOR } from '@/lib/diagram/segments';
import { gatewaysOf, instanceOf, tunnelOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

function template(id: string): ConnectorDesign {
  const design = designFromTemplate(id);
  if (!design) throw new Error(`no template ${id}`);
  return design;
}

function ofKind(graph: DiagramGraph, kind: string) {
  return graph.nodes.filter((n) => n.kind === kind);
}

function node(graph: DiagramGraph, formPath: string, kind?: string) {
  const found = graph.nodes.find((n) => n.formPath === formPath && (!kind || n.kind === kind));
  if (!found) throw new Error(`no node at ${formPath}`);
  return found;
}

describe('designToGraph: VXLAN_GPE basic', () => {
  const graph = designToGraph(template('basic-vxlan-gpe'));

  it('has the vHub, one circuit and one router, linked left to right', () => {
    expect(ofKind(graph, 'vhub')).toHaveLength(1);
    expect(ofKind(graph, 'circuit')).toHaveLength(1);
    expect(ofKind(graph, 'router')).toHaveLength(1);
    expect(ofKind(graph, 'tunnel')).toHaveLength(0);
    const circuit = at(ofKind(graph, 'circuit'), 0);
    expect(graph.edges.some((e) => e.source === 'vhub' && e.target === circuit.id)).toBe(true);
    expect(graph.edges.some((e) => e.source === circuit.id && e.target === at(ofKind(graph, 'router'), 0).id)).toBe(
      true,
    );
  });

  it('labels the vHub with prefix, CXP, size and protocol and the circuit with its parsed name and loopback', () => {
    const vhub = at(ofKind(graph, 'vhub'), 0);
    expect(vhub.title).toBe('basic-expressroute');
    expect(vhub.details.join(' ')).toContain('10.130.0.0/23');
    expect(vhub.details.join(' ')).toContain('USWEST-AZURE-1');
    expect(vhub.details.join(' ')).toContain('MEDIUM · VXLAN_GPE');
    const circuit = node(graph, 'instances.0');
    expect(circuit.title).toBe('primary-instance');
    expect(circuit.details).toContain('Circuit primary-circuit');
    expect(circuit.details).toContain('Loopback 192.168.20.0/26');
  });

  it('gives the one segment the first palette colour and legend details', () => {
    expect(graph.segments).toEqual([
      {
        segmentId: '${alkira_segment.prod.id}',
        label: 'alkira_segment.prod.id',
        color: SEGMENT_PALETTE[0],
        customerAsn: '65001',
        disableInternetExit: true,
        advertiseOnPremRoutes: true,
      },
    ]);
  });
});

describe('designToGraph: VXLAN HA', () => {
  const graph = designToGraph(template('ha-vxlan'));

  it('draws two customer routers, each with its gateway MAC and VNI', () => {
    const routers = ofKind(graph, 'router');
    expect(routers).toHaveLength(2);
    expect(at(routers, 0).details).toEqual(['MAC 00:1A:2B:3C:4D:5E', 'VNI 16774000']);
    expect(at(routers, 1).details).toEqual(['MAC 00:1A:2B:3C:4D:6F', 'VNI 16774001']);
    expect(routers.map((r) => r.formPath)).toEqual([
      'instances.0.gateway_mac_address.0',
      'instances.0.gateway_mac_address.1',
    ]);
    const labels = graph.edges.filter((e) => routers.some((r) => r.id === e.target)).map((e) => e.label);
    expect(labels).toEqual(['VXLAN · VNI 16774000', 'VXLAN · VNI 16774001']);
  });

  it('attaches a VNI error to the router that carries that VNI', () => {
    const g = designToGraph(template('ha-vxlan'), {
      errors: [{ path: 'instances.0.virtual_network_interface.1', message: 'VNI out of range' }],
      warnings: [],
    });
    expect(at(ofKind(g, 'router'), 1).errors).toEqual(['VNI out of range']);
    expect(at(ofKind(g, 'router'), 0).errors).toEqual([]);
    expect(node(g, 'instances.0').errors).toEqual([]);
  });
});

describe('designToGraph: IPSEC', () => {
  it('multi-instance: one circuit, segment, gateway and tunnel per instance', () => {
    const graph = designToGraph(template('multi-instance-ipsec'));
    expect(ofKind(graph, 'circuit').map((n) => n.title)).toEqual(['primary-circuit', 'backup-circuit']);
    expect(ofKind(graph, 'segment')).toHaveLength(2);
    expect(ofKind(graph, 'gateway').map((n) => n.title)).toEqual(['prod-gateway', 'backup-gateway']);
    expect(ofKind(graph, 'tunnel').map((n) => n.formPath)).toEqual([
      'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0',
      'instances.1.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0',
    ]);
  });

  it('multi-segment: four gateways and four tunnels with IKE version and auth FQDN', () => {
    const graph = designToGraph(template('multi-segment-ipsec'));
    expect(ofKind(graph, 'router')).toHaveLength(2);
    expect(ofKind(graph, 'gateway')).toHaveLength(4);
    const tunnels = ofKind(graph, 'tunnel');
    expect(tunnels).toHaveLength(4);
    expect(at(tunnels, 0).details).toContain('IKEv2');
    expect(at(tunnels, 0).details).toContain('FQDN dmz-gateway.example.com');
  });

  it('points the arrow away from Alkira when Alkira initiates and toward it otherwise', () => {
    const graph = designToGraph(template('multi-instance-ipsec'));
    const alkiraInitiates = at(ofKind(graph, 'tunnel'), 0);
    const customerInitiates = at(ofKind(graph, 'tunnel'), 1);
    expect(alkiraInitiates.initiator).toBe(true);
    expect(customerInitiates.initiator).toBe(false);
    const into = (id: string) => graph.edges.filter((e) => e.source === id || e.target === id).map((e) => e.arrow);
    expect(into(alkiraInitiates.id)).toEqual(['forward', 'forward']);
    expect(into(customerInitiates.id)).toEqual(['backward', 'backward']);
    // The tunnel edge runs toward the gateway (customer side); `backward` draws the head at the tunnel end.
    const toGateway = graph.edges.find((e) => e.source === customerInitiates.id)!;
    expect(ofKind(graph, 'gateway').map((g) => g.id)).toContain(toGateway.target);
  });

  it('colours each segment by its position in segment_options; unknown segments are grey', () => {
    const design = template('multi-segment-ipsec');
    gatewaysOf(design).push({
      segment_id: '${alkira_segment.unknown.id}',
      customer_gateway: [{ name: 'stray', tunnel: [] }],
    });
    const graph = designToGraph(design);
    expect(graph.segments.map((s) => [s.label, s.color])).toEqual([
      ['alkira_segment.dmz.id', SEGMENT_PALETTE[0]],
      ['alkira_segment.internal.id', SEGMENT_PALETTE[1]],
    ]);
    expect(ofKind(graph, 'gateway').map((g) => g.color)).toEqual([
      SEGMENT_PALETTE[0],
      SEGMENT_PALETTE[0],
      SEGMENT_PALETTE[1],
      SEGMENT_PALETTE[1],
      UNKNOWN_SEGMENT_COLOR,
    ]);
    // Swapping the segment_options order swaps the colours.
    design.segment_options.reverse();
    const swapped = designToGraph(design);
    expect(at(ofKind(swapped, 'gateway'), 0).color).toBe(SEGMENT_PALETTE[1]);
  });

  it('never puts a pre-shared key into the graph, even when an issue message quotes it', () => {
    const design = template('multi-segment-ipsec');
    const graph = designToGraph(design, {
      errors: [
        {
          path: 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key',
          message: 'weak key psk-dmz-primary-123!',
        },
      ],
      warnings: validateDesign(design).warnings,
    });
    const json = JSON.stringify(graph);
    expect(json).not.toContain('psk-dmz-primary-123!');
    expect(json).not.toContain('psk-internal-backup-789!');
    expect(at(ofKind(graph, 'tunnel'), 0).errors[0]).toContain('weak key');
  });

  it('masks every key a message quotes, wherever and however often, and a key that extends another whole', () => {
    const design = structuredClone(template('multi-segment-ipsec'));
    const tunnels = gatewaysOf(design, 0).flatMap((g) => g.customer_gateway?.flatMap((c) => c.tunnel ?? []) ?? []);
    at(tunnels, 0).pre_shared_key = 'abcd1234';
    at(tunnels, 1).pre_shared_key = 'abcd1234-longer';
    at(tunnels, 2).pre_shared_key = 'zz-key-zz';
    const path = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key';
    const graph = designToGraph(design, {
      errors: [{ path, message: 'abcd1234-longer equals abcd1234 and zz-key-zz; zz-key-zz' }],
      warnings: [{ path, message: 'abcd123 is not a key' }],
    });
    const tunnel = at(ofKind(graph, 'tunnel'), 0);
    expect(tunnel.errors).toEqual(['•••••• equals •••••• and ••••••; ••••••']);
    expect(tunnel.warnings).toEqual(['abcd123 is not a key']);
  });
});

describe('designToGraph: issues', () => {
  it('attaches each issue to the deepest node on its path only, connector-level ones to the vHub', () => {
    const design = template('multi-instance-ipsec');
    tunnelOf(design, { instance: 1 }).ike_version = 'IKEv1';
    instanceOf(design).loopback_subnet = 'not-a-cidr';
    design.vhub_prefix = '10.0.0.0/24';
    const issues = validateDesign(design);
    const graph = designToGraph(design, issues);

    const tunnel = node(graph, 'instances.1.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0');
    expect(tunnel.errors.some((m) => m.includes('IKEv2'))).toBe(true);
    expect(node(graph, 'instances.1.ipsec_customer_gateway.0.customer_gateway.0').errors).toEqual([]);
    expect(node(graph, 'instances.1').errors).toEqual([]);
    expect(node(graph, 'instances.0').errors.some((m) => m.includes('loopback_subnet'))).toBe(true);
    const vhub = at(ofKind(graph, 'vhub'), 0);
    expect(vhub.errors.some((m) => m.includes('/23'))).toBe(true);
    expect(vhub.errors.some((m) => m.includes('loopback_subnet') || m.includes('IKEv2'))).toBe(false);
    // Every error lands on exactly one node.
    const attached = graph.nodes.reduce((n, x) => n + x.errors.length, 0);
    expect(attached).toBe(issues.errors.length);
  });

  it('does not let instances.1 claim an issue of instances.10', () => {
    const design = largeSampleDesign({ instances: 11, segments: 1, gatewaysPerSegment: 1, tunnelsPerGateway: 1 });
    const graph = designToGraph(design, { errors: [{ path: 'instances.10.name', message: 'bad name' }], warnings: [] });
    expect(node(graph, 'instances.10').errors).toEqual(['bad name']);
    expect(node(graph, 'instances.1').errors).toEqual([]);
  });
});

describe('nodeForPath (what the diagram highlights for the form field being edited)', () => {
  it('finds the deepest node above a field path', () => {
    const ha = designToGraph(template('ha-vxlan'));
    expect(nodeForPath(ha.nodes, 'instances.0.virtual_network_interface.1')?.title).toBe('Customer router 2');
    expect(nodeForPath(ha.nodes, 'instances.0.gateway_mac_address.0')?.title).toBe('Customer router 1');
    expect(nodeForPath(ha.nodes, 'instances.0.loopback_subnet')?.kind).toBe('circuit');
    expect(nodeForPath(ha.nodes, 'cxp')?.kind).toBe('vhub');
    const ipsec = designToGraph(template('multi-segment-ipsec'));
    expect(
      nodeForPath(ipsec.nodes, 'instances.0.ipsec_customer_gateway.1.customer_gateway.1.tunnel.0.remote_auth_value')
        ?.formPath,
    ).toBe('instances.0.ipsec_customer_gateway.1.customer_gateway.1.tunnel.0');
  });
});

describe('designToGraph: partial and large designs', () => {
  it('does not throw on an empty form, a half-built instance or garbage', () => {
    const empty = designToGraph(emptyDesign(), validateDesign(emptyDesign()));
    expect(at(ofKind(empty, 'circuit'), 0).title).toBe('Instance #1');
    expect(at(ofKind(empty, 'vhub'), 0).errors.length).toBeGreaterThan(0);

    // Half-typed form state, as the designer may hold it between snapshots.
    const partial: unknown = {
      tunnel_protocol: 'IPSEC',
      instances: [{ ipsec_customer_gateway: [{ customer_gateway: [{ tunnel: [{}] }, null] }, null] }, null],
      segment_options: [null, { segment_id: 5 }],
    };
    const graph = designToGraph(partial as ConnectorDesign, validateDesign(partial));
    expect(ofKind(graph, 'tunnel')).toHaveLength(1);
    expect(ofKind(graph, 'circuit')).toHaveLength(2);
    const nothing: unknown = null;
    expect(() => designToGraph(nothing as ConnectorDesign)).not.toThrow();
    expect(() =>
      designToGraph({} as ConnectorDesign, { errors: [{ path: 'x.y', message: 'm' }], warnings: [] }),
    ).not.toThrow();
  });

  it('keeps node ids stable when an unrelated field changes and unique across the graph', () => {
    const design = template('multi-segment-ipsec');
    const before = designToGraph(design).nodes.map((n) => n.id);
    tunnelOf(design, { gateway: 1 }).remote_auth_value = 'x.example.com';
    design.name = 'renamed';
    expect(designToGraph(design).nodes.map((n) => n.id)).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
  });

  it('tints the vHub and circuits by provisioning state', () => {
    const design = template('multi-instance-ipsec');
    const tone = (state: string) =>
      designToGraph(design, undefined, { provisionState: state })
        .nodes.filter((n) => n.kind === 'vhub' || n.kind === 'circuit')
        .map((n) => n.provisionTone);
    expect(tone('IN_PROGRESS')).toEqual(['pending', 'pending', 'pending']);
    expect(tone('SUCCESS')).toEqual(['success', 'success', 'success']);
    expect(tone('FAILED')).toEqual(['failed', 'failed', 'failed']);
    expect(at(designToGraph(design).nodes, 0).provisionTone).toBeUndefined();
  });

  it('collapses 640 tunnels into their 320 gateways, keeping every tunnel listed', () => {
    const graph = designToGraph(largeSampleDesign());
    expect(graph.tunnelsCollapsed).toBe(true);
    expect(ofKind(graph, 'tunnel')).toHaveLength(0);
    const gateways = ofKind(graph, 'gateway');
    expect(gateways).toHaveLength(320);
    expect(gateways.reduce((n, g) => n + (g.tunnels?.length ?? 0), 0)).toBe(640);
    const full = designToGraph(largeSampleDesign(), undefined, { collapseTunnelsAbove: Infinity });
    expect(ofKind(full, 'tunnel')).toHaveLength(640);
  });
});
