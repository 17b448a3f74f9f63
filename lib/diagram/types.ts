/**
 * The diagram's graph model: what `designToGraph` produces and the layout,
 * the React Flow component and the SVG export consume. Pure data, no React.
 */
import type { ValidationResult } from '@/lib/connector/design';

export type DiagramNodeKind =
  /** The Alkira CXP + virtual hub; connector-level issues attach here. */
  | 'vhub'
  /** One `instances[]` entry: its ExpressRoute circuit. */
  | 'circuit'
  /** A customer edge router of an instance (two when `redundant_router`). */
  | 'router'
  /** One `ipsec_customer_gateway[]` entry: the segment its gateways carry. */
  | 'segment'
  /** One `customer_gateway[]` entry (IPSEC). */
  | 'gateway'
  /** One `tunnel[]` entry (IPSEC); absent when tunnels are collapsed into gateways. */
  | 'tunnel';

/** A tunnel folded into its gateway node when the design is too large to draw every tunnel. */
export interface TunnelSummary {
  name: string;
  formPath: string;
  initiator: boolean;
}

export interface DiagramNode {
  /** Stable across edits that keep the node's position in the design: derived from its form path. */
  id: string;
  kind: DiagramNodeKind;
  /** Dotted form path this node stands for ('' = the connector itself). */
  formPath: string;
  /**
   * Further form paths this node stands for (a VXLAN router is also its VNI,
   * `virtual_network_interface.<n>`): their issues and selection land here too.
   */
  alsoPaths?: string[];
  /** Main label (instance name, gateway name, …). */
  title: string;
  /** Short secondary lines (circuit name, prefixes, IKE version, …). Never secrets. */
  details: string[];
  /** Segment colour for nodes that belong to one segment. */
  color?: string;
  /** Segment label for nodes that belong to one segment. */
  segmentLabel?: string;
  /** Issues whose path is under this node and under no deeper node. */
  errors: string[];
  warnings: string[];
  /** Tunnel nodes: true when Alkira initiates (arrow points toward the customer). */
  initiator?: boolean;
  /** Gateway nodes when tunnels are collapsed. */
  tunnels?: TunnelSummary[];
  /** vHub/circuit nodes: tinted by provisioning state when one is given. */
  provisionTone?: ProvisionTone;
}

export type ProvisionTone = 'pending' | 'success' | 'failed';

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  color?: string;
  /**
   * Which way the arrowhead points: `forward` = toward the target (customer
   * side), `backward` = toward the source (Alkira side), `none` = plain link.
   */
  arrow: 'forward' | 'backward' | 'none';
}

export interface SegmentLegendEntry {
  /** segment_id as written in the design (literal or `${...}`). */
  segmentId: string;
  /** Expression body (e.g. `alkira_segment.prod.id`) or the literal. */
  label: string;
  color: string;
  customerAsn: string;
  disableInternetExit: boolean;
  advertiseOnPremRoutes: boolean;
}

export interface DiagramGraph {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  segments: SegmentLegendEntry[];
  /** True when tunnels were folded into their gateway nodes because the design is large. */
  tunnelsCollapsed: boolean;
}

/** The design's findings (validateDesign's), marked on the nodes they are about. */
export type DiagramIssues = Pick<ValidationResult, 'errors' | 'warnings'>;
