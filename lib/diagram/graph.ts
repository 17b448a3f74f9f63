/**
 * Turns a connector design into the topology graph the diagram draws:
 *
 *   vHub ─ circuit (per instance) ─┬─ customer router(s)
 *                                  └─ segment ─ tunnel ─ customer gateway   (IPSEC)
 *
 * Pure and total: it reads form state that may be half-typed or invalid and
 * never throws. Pre-shared keys are never read into the graph.
 */
import type { ConnectorDesign, InstanceDesign, TunnelDesign } from '@/lib/connector/design';
import { DEFAULTS, effectiveTunnelProtocol, expressionBody, isExpression } from '@/lib/connector/design';
import { NodeIssues, nodesWithIssues, pathOwnerLookup } from './issues';
import { segmentColor, segmentLabel, segmentLegend, type SegmentLabels } from './segments';
import type {
  DiagramEdge,
  DiagramGraph,
  DiagramIssues,
  DiagramNode,
  ProvisionTone,
  SegmentLegendEntry,
  TunnelSummary,
} from './types';

export type { DiagramEdge, DiagramGraph, DiagramNode, SegmentLegendEntry } from './types';

/**
 * Above this many tunnels each tunnel stops being its own node and is listed
 * inside its gateway node: ~640 tunnel nodes make the picture unreadable (and
 * React Flow slow to pan), while the gateways still show which tunnels exist.
 */
export const DEFAULT_TUNNEL_COLLAPSE_THRESHOLD = 160;

export interface DesignToGraphOptions {
  /** The connector's provisioning state (dashboard): tints the vHub and circuits. */
  provisionState?: string | null;
  /** Collapse tunnels into gateways when the design has more tunnels than this. */
  collapseTunnelsAbove?: number;
  /** Names of tenant segment ids (catalog), so `1` reads as `prod (ASN 65514)`. */
  segmentLabels?: SegmentLabels;
}

/** The items of a list; an expression-valued list (`var.macs`) has none to draw. */
function arr<T>(value: T[] | string | undefined | null): T[] {
  return Array.isArray(value) ? value : [];
}

/** The bare expression of a `${...}` value, the value itself otherwise. */
function unwrap(value: string): string {
  // Through `unknown`: isExpression narrows its argument, which would make `value` `never` in the else branch.
  return isExpression(value as unknown) ? expressionBody(value) : value;
}

function text(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return '';
  return unwrap(value).trim();
}

/** `primary-circuit` from `/subscriptions/…/expressRouteCircuits/primary-circuit`. */
export function circuitNameFromId(circuitId: unknown): string {
  if (typeof circuitId !== 'string' || circuitId.trim() === '') return '';
  if (isExpression(circuitId as unknown)) return expressionBody(circuitId);
  const parts = circuitId.trim().split('/').filter(Boolean);
  return parts.at(-1) ?? '';
}

export function provisionTone(state: string | null | undefined): ProvisionTone | undefined {
  if (!state) return undefined;
  const s = state.toUpperCase();
  if (s === 'SUCCESS') return 'success';
  if (s === 'FAILED' || s === 'PARTIAL_SUCCESS') return 'failed';
  return 'pending';
}

function countTunnels(instances: InstanceDesign[]): number {
  let n = 0;
  for (const inst of instances) {
    for (const icg of arr(inst?.ipsec_customer_gateway)) {
      for (const gw of arr(icg?.customer_gateway)) n += arr(gw?.tunnel).length;
    }
  }
  return n;
}

function noIssues(): { errors: string[]; warnings: string[] } {
  return { errors: [], warnings: [] };
}

function edge(source: string, target: string, extra: Partial<DiagramEdge> = {}): DiagramEdge {
  return { id: `e:${source}->${target}`, source, target, arrow: 'none', ...extra };
}

function tunnelDetails(tunnel: TunnelDesign): string[] {
  const details: string[] = [];
  const ike = text(tunnel.ike_version);
  if (ike) details.push(ike);
  const authValue = text(tunnel.remote_auth_value);
  if (authValue) details.push(`${text(tunnel.remote_auth_type) || 'FQDN'} ${authValue}`);
  const initiator = tunnel.initiator ?? DEFAULTS.initiator;
  details.push(initiator ? 'Alkira initiates →' : '← Customer initiates');
  return details;
}

/** What an instance's nodes and edges depend on besides the instance itself. */
interface GraphContext {
  isVxlan: boolean;
  protocol: string;
  tone: ProvisionTone | undefined;
  tunnelsCollapsed: boolean;
  segments: SegmentLegendEntry[];
  segmentLabels: SegmentLabels | undefined;
}

/**
 * designToGraph across the versions of one design, for a view that redraws on every version. Versions share
 * every object an edit did not touch (components/designer/design-document.ts): an instance's nodes and edges are
 * built once per instance object (and context), and a node keeps its object while its findings do, so whatever a
 * view keys by node object (nodeJson, React Flow's nodes) is not made again for the parts an edit left alone.
 * Nothing it hands out is changed afterwards.
 */
export class DiagramGraphs {
  private readonly instances = new WeakMap<object, { context: string; nodes: DiagramNode[]; edges: DiagramEdge[] }>();
  readonly issues = new NodeIssues();

  of(design: ConnectorDesign, issues?: DiagramIssues, opts: DesignToGraphOptions = {}): DiagramGraph {
    return buildGraph(design, issues, opts, this);
  }

  /** The instance's nodes and edges, as built last time for the same instance object in the same context. */
  instance(raw: unknown, i: number, context: GraphContext, contextKey: string) {
    if (typeof raw !== 'object' || raw === null) return instanceParts(raw, i, context);
    const kept = this.instances.get(raw);
    if (kept && kept.context === contextKey) return kept;
    const built = { context: contextKey, ...instanceParts(raw, i, context) };
    this.instances.set(raw, built);
    return built;
  }
}

export function designToGraph(
  design: ConnectorDesign,
  issues?: DiagramIssues,
  opts: DesignToGraphOptions = {},
): DiagramGraph {
  return buildGraph(design, issues, opts, null);
}

function buildGraph(
  design: ConnectorDesign,
  issues: DiagramIssues | undefined,
  opts: DesignToGraphOptions,
  memo: DiagramGraphs | null,
): DiagramGraph {
  const d: Partial<ConnectorDesign> = design && typeof design === 'object' ? design : {};
  const instances = arr(d.instances);
  const protocol = effectiveTunnelProtocol({
    tunnel_protocol: typeof d.tunnel_protocol === 'string' ? d.tunnel_protocol : undefined,
  });
  const threshold = opts.collapseTunnelsAbove ?? DEFAULT_TUNNEL_COLLAPSE_THRESHOLD;
  const context: GraphContext = {
    isVxlan: protocol === 'VXLAN',
    protocol,
    tone: provisionTone(opts.provisionState),
    tunnelsCollapsed: countTunnels(instances) > threshold,
    segments: segmentLegend(d, opts.segmentLabels),
    segmentLabels: opts.segmentLabels,
  };
  const contextKey = memo
    ? JSON.stringify([
        protocol,
        context.tone ?? null,
        context.tunnelsCollapsed,
        context.segments,
        opts.segmentLabels ?? null,
      ])
    : '';

  const vhubDetails = [
    `CXP ${text(d.cxp) || '—'}`,
    `vHub ${text(d.vhub_prefix) || '—/23'}`,
    `${text(d.size) || '—'} · ${protocol}`,
  ];
  if (d.enabled === false) vhubDetails.push('disabled');
  const nodes: DiagramNode[] = [
    {
      id: VHUB_ID,
      kind: 'vhub',
      formPath: '',
      title: text(d.name) || '(unnamed connector)',
      details: vhubDetails,
      provisionTone: context.tone,
      ...noIssues(),
    },
  ];
  const edges: DiagramEdge[] = [];
  instances.forEach((raw, i) => {
    const parts = memo ? memo.instance(raw, i, context, `${i}:${contextKey}`) : instanceParts(raw, i, context);
    for (const n of parts.nodes) nodes.push(n);
    for (const e of parts.edges) edges.push(e);
  });

  const withFindings = issues ? nodesWithIssues(nodes, issues, secretsOf(instances), memo?.issues) : nodes;
  return { nodes: withFindings, edges, segments: context.segments, tunnelsCollapsed: context.tunnelsCollapsed };
}

const VHUB_ID = 'vhub';

/** The nodes and edges of instance `i` (its circuit, routers, segments, gateways and tunnels). */
function instanceParts(rawInstance: unknown, i: number, context: GraphContext) {
  const { isVxlan, protocol, tone, tunnelsCollapsed, segments, segmentLabels } = context;
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const inst: Partial<InstanceDesign> = rawInstance && typeof rawInstance === 'object' ? rawInstance : {};
  const instPath = `instances.${i}`;
  const circuitId = `circuit:${instPath}`;
  const circuitName = circuitNameFromId(inst.expressroute_circuit_id);
  nodes.push({
    id: circuitId,
    kind: 'circuit',
    formPath: instPath,
    title: text(inst.name) || `Instance #${i + 1}`,
    details: [`Circuit ${circuitName || '—'}`, `Loopback ${text(inst.loopback_subnet) || '—/26'}`],
    provisionTone: tone,
    ...noIssues(),
  });
  edges.push(edge(VHUB_ID, circuitId, { label: 'ExpressRoute' }));

  const macs = arr(inst.gateway_mac_address);
  const vnis = arr(inst.virtual_network_interface);
  const routerCount = inst.redundant_router ? 2 : 1;
  for (let r = 0; r < routerCount; r++) {
    const routerId = `router:${instPath}.router.${r}`;
    const details: string[] = [];
    let label: string | undefined;
    if (isVxlan) {
      const mac = text(macs[r]);
      const vni = text(vnis[r]);
      details.push(`MAC ${mac || '—'}`);
      details.push(`VNI ${vni || 'auto'}`);
      label = vni ? `VXLAN · VNI ${vni}` : 'VXLAN';
    } else {
      details.push(protocol === 'IPSEC' ? 'IPsec over ExpressRoute' : protocol.replace('_', '-'));
    }
    nodes.push({
      id: routerId,
      kind: 'router',
      // With VXLAN a router *is* its MAC/VNI pair; otherwise only redundant_router creates it.
      formPath: isVxlan ? `${instPath}.gateway_mac_address.${r}` : `${instPath}.redundant_router`,
      // Its MAC/VNI entries, whichever field the form shows for it.
      alsoPaths: [`${instPath}.gateway_mac_address.${r}`, `${instPath}.virtual_network_interface.${r}`],
      title: routerCount === 2 ? `Customer router ${r + 1}` : 'Customer router',
      details,
      ...noIssues(),
    });
    edges.push(edge(circuitId, routerId, { label }));
  }

  arr(inst.ipsec_customer_gateway).forEach((rawIcg, s) => {
    const icg = rawIcg && typeof rawIcg === 'object' ? rawIcg : { segment_id: '', customer_gateway: [] };
    const segPath = `${instPath}.ipsec_customer_gateway.${s}`;
    const segId = `segment:${segPath}`;
    const color = segmentColor(segments, icg.segment_id);
    const label = segmentLabel(icg.segment_id, segmentLabels);
    const gateways = arr(icg.customer_gateway);
    nodes.push({
      id: segId,
      kind: 'segment',
      formPath: segPath,
      title: label,
      details: [`${gateways.length} customer gateway${gateways.length === 1 ? '' : 's'}`],
      color,
      segmentLabel: label,
      ...noIssues(),
    });
    edges.push(edge(circuitId, segId, { color }));

    gateways.forEach((rawGw, g) => {
      const gw = rawGw && typeof rawGw === 'object' ? rawGw : { name: '', tunnel: [] };
      const gwPath = `${segPath}.customer_gateway.${g}`;
      const gwId = `gateway:${gwPath}`;
      const tunnels = arr(gw.tunnel);
      const gwNode: DiagramNode = {
        id: gwId,
        kind: 'gateway',
        formPath: gwPath,
        title: text(gw.name) || `Gateway #${g + 1}`,
        details: [`${tunnels.length} tunnel${tunnels.length === 1 ? '' : 's'}`],
        color,
        segmentLabel: label,
        ...noIssues(),
      };
      nodes.push(gwNode);

      if (tunnelsCollapsed) {
        const summaries: TunnelSummary[] = tunnels.map((rawTunnel, t) => ({
          name: text(rawTunnel?.name) || `Tunnel #${t + 1}`,
          formPath: `${gwPath}.tunnel.${t}`,
          initiator: rawTunnel?.initiator ?? DEFAULTS.initiator,
        }));
        gwNode.tunnels = summaries;
        gwNode.details = summaries.map((t) => (t.initiator ? `→ ${t.name}` : `← ${t.name}`));
        const [firstTunnel] = summaries;
        const allSame = firstTunnel !== undefined && summaries.every((t) => t.initiator === firstTunnel.initiator);
        edges.push(
          // No "n tunnels" label: the gateway lists its tunnels, and 300+ labels only add clutter.
          edge(segId, gwId, {
            color,
            arrow: firstTunnel && allSame ? (firstTunnel.initiator ? 'forward' : 'backward') : 'none',
          }),
        );
        return;
      }

      tunnels.forEach((rawTunnel, t) => {
        const tunnel: Partial<TunnelDesign> = rawTunnel && typeof rawTunnel === 'object' ? rawTunnel : {};
        const tPath = `${gwPath}.tunnel.${t}`;
        const tId = `tunnel:${tPath}`;
        const initiator = tunnel.initiator ?? DEFAULTS.initiator;
        nodes.push({
          id: tId,
          kind: 'tunnel',
          formPath: tPath,
          title: text(tunnel.name) || `Tunnel #${t + 1}`,
          details: tunnelDetails(tunnel as TunnelDesign),
          color,
          segmentLabel: label,
          initiator,
          ...noIssues(),
        });
        const arrow = initiator ? 'forward' : 'backward';
        edges.push(edge(segId, tId, { color, arrow }));
        edges.push(edge(tId, gwId, { color, arrow }));
      });
    });
  });
  return { nodes, edges };
}

/** Literal pre-shared keys, so an issue message that quotes one can be masked. */
function secretsOf(instances: InstanceDesign[]): string[] {
  const secrets: string[] = [];
  for (const inst of instances) {
    for (const icg of arr(inst?.ipsec_customer_gateway)) {
      for (const gw of arr(icg?.customer_gateway)) {
        for (const tunnel of arr(gw?.tunnel)) {
          const psk = tunnel?.pre_shared_key;
          if (typeof psk === 'string' && psk.length >= 4 && !isExpression(psk)) secrets.push(psk);
        }
      }
    }
  }
  return secrets;
}

/**
 * The node that stands for `path`: the one with the deepest form path that is
 * a whole-segment prefix of it (`instances.0.name` → the instance's circuit).
 */
export function nodeForPath(nodes: DiagramNode[], path: string): DiagramNode | undefined {
  return pathOwnerLookup(nodes)(path);
}
