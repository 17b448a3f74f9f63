'use client';

import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type NodeHandle,
} from '@xyflow/react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { countOf } from '@/lib/client/format';
import { nodeForPath } from '@/lib/diagram/graph';
import { nodeJson } from '@/lib/diagram/laid-out';
import type { SegmentLabels } from '@/lib/diagram/segments';
import type { PositionedNode } from '@/lib/diagram/layout';
import type { DiagramEdge, DiagramIssues, DiagramNode } from '@/lib/diagram/types';
import { KIND_LABEL, NodeActionsContext, TopologyNodeCard, type TopologyFlowNode } from './diagram-node-card';
import { DiagramToolbar } from './diagram-toolbar';
import { SegmentLegend } from './segment-legend';
import { useDiagramLayout } from './use-diagram-layout';

export interface TopologyDiagramProps {
  design: ConnectorDesign;
  /** Validation findings (`validateDesign(design)`); nodes show the ones under their form path. */
  issues?: DiagramIssues;
  /** Provisioning state of a deployed connector (dashboard); tints the vHub and circuits. */
  provisionState?: string | null;
  /** Form path the user is editing; its node (or the deepest node above it) is highlighted. */
  selectedPath?: string | null;
  /** Names of tenant segment ids (from the catalog) for the legend and segment nodes; ids not listed show as written. */
  segmentLabels?: SegmentLabels;
  /** Called with the node's form path on click or Enter/Space. */
  onNodeClick?(formPath: string): void;
  /** A newer design is on its way (the designer waits for a typing pause): the toolbar says "Updating…". */
  pending?: boolean;
  className?: string;
}

const nodeTypes = { topology: TopologyNodeCard };

/** Beyond this many nodes React Flow renders only what is on screen. */
const VIRTUALIZE_ABOVE = 200;
/** Small diagrams fit on screen; there the minimap would only cover nodes. */
const MINIMAP_ABOVE = 40;
/** A very tall (or wide) diagram shrinks to a sliver in the minimap: useless, so none. */
const MINIMAP_MAX_ASPECT = 4;
/** Below this zoom node text is too small to read. */
const MIN_READABLE_ZOOM = 0.45;
const FIT_OPTIONS = { padding: 0.08, maxZoom: 1.2 };
/** Room at the canvas top for the segment legend (folded, as it is on large designs). */
const LEGEND_CLEARANCE = 64;

function minimapUseful(width: number, height: number): boolean {
  const aspect = Math.max(width, height) / Math.max(1, Math.min(width, height));
  return aspect <= MINIMAP_MAX_ASPECT;
}

/** React Flow's handle: a 6 px square centred on the card's 2 px border (TopologyNodeCard's Handles). */
const HANDLE = 6;
const CARD_BORDER = 2;

/** Where a card's edges end, as React Flow would measure its handles: left border's middle in, right border's middle out. */
function cardHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE / 2;
  return [
    { type: 'target', position: Position.Left, x: CARD_BORDER - HANDLE / 2, y, width: HANDLE, height: HANDLE },
    { type: 'source', position: Position.Right, x: width - CARD_BORDER - HANDLE / 2, y, width: HANDLE, height: HANDLE },
  ];
}

/** A flow node's content: when it is unchanged, the previous node object is kept and React Flow skips redrawing it. */
function flowNodeKey(node: DiagramNode, box: PositionedNode, highlighted: boolean): string {
  return `${nodeJson(node)}@${box.x},${box.y},${box.width},${box.height}${highlighted ? '!' : ''}`;
}

function DiagramCanvas({
  design,
  issues,
  provisionState,
  segmentLabels,
  selectedPath,
  onNodeClick,
  pending = false,
  className,
}: TopologyDiagramProps) {
  const current = useDiagramLayout(design, issues, provisionState, segmentLabels);
  const flow = useReactFlow();
  const [announce, setAnnounce] = useState('');

  const highlightedId = useMemo(
    () => (selectedPath != null ? (nodeForPath(current.graph.nodes, selectedPath)?.id ?? null) : null),
    [current, selectedPath],
  );

  const previousNodes = useRef(new Map<string, { key: string; flowNode: TopologyFlowNode }>());
  const nodes: TopologyFlowNode[] = useMemo(() => {
    const before = previousNodes.current;
    const after = new Map<string, { key: string; flowNode: TopologyFlowNode }>();
    const list = current.graph.nodes.flatMap((node) => {
      const box = current.layout.nodes[node.id];
      if (!box) return [];
      const highlighted = node.id === highlightedId;
      const key = flowNodeKey(node, box, highlighted);
      const kept = before.get(node.id);
      if (kept && kept.key === key) {
        after.set(node.id, kept);
        return [kept.flowNode];
      }
      const flowNode: TopologyFlowNode = {
        id: node.id,
        type: 'topology' as const,
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        // Size and edge ends known up front: React Flow otherwise draws every node it has not measured, on screen
        // or not (a 426-node diagram was 5,400 elements laid out, measured and removed again on load), and hides
        // a node and its edges until measured. The cards' Handle elements (diagram-node-card.tsx) are where these say.
        measured: { width: box.width, height: box.height },
        handles: cardHandles(box.width, box.height),
        data: { node, highlighted },
        draggable: false,
        selectable: false,
        connectable: false,
        ariaRole: 'group',
        ariaLabel: `${KIND_LABEL[node.kind]} ${node.title}`,
      };
      after.set(node.id, { key, flowNode });
      return [flowNode];
    });
    previousNodes.current = after;
    return list;
  }, [current, highlightedId]);

  // Like the nodes: an edge the graph kept, between nodes whose titles stayed, keeps its flow edge.
  const previousEdges = useRef(new WeakMap<DiagramEdge, Edge>());
  const edges: Edge[] = useMemo(() => {
    const titles = new Map(current.graph.nodes.map((n) => [n.id, n.title]));
    return current.graph.edges.map((e) => {
      const ariaLabel = `${titles.get(e.source) ?? e.source} to ${titles.get(e.target) ?? e.target}${e.label ? ` (${e.label})` : ''}`;
      const kept = previousEdges.current.get(e);
      if (kept?.ariaLabel === ariaLabel) return kept;
      const color = e.color ?? '#94a3b8';
      const marker = { type: MarkerType.ArrowClosed, color, width: 16, height: 16 };
      const flowEdge: Edge = {
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'smoothstep',
        label: e.label,
        // Label colours come from React Flow's colour-mode variables (light/dark).
        labelStyle: { fontSize: 10 },
        labelBgPadding: [4, 2] as [number, number],
        style: { stroke: color, strokeWidth: 1.6 },
        markerEnd: e.arrow === 'forward' ? marker : undefined,
        markerStart: e.arrow === 'backward' ? marker : undefined,
        selectable: false,
        focusable: false,
        ariaLabel,
      };
      previousEdges.current.set(e, flowEdge);
      return flowEdge;
    });
  }, [current]);

  // Fit once, when the first layout arrives; later edits keep the user's viewport.
  // A design too big to read when fitted (10 circuits × 32 gateways is ~35,000 px
  // tall) opens at a readable zoom around the vHub instead; "Fit to view" still shows it all.
  const fitted = useRef(false);
  const canvasRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (fitted.current) return;
    fitted.current = true;
    requestAnimationFrame(() => {
      const box = canvasRef.current;
      const vhub = current.layout.nodes.vhub;
      const { width, height } = current.layout;
      if (!box || !vhub || width === 0 || height === 0) return void flow.fitView(FIT_OPTIONS);
      const fitZoom = Math.min(box.clientWidth / width, box.clientHeight / height);
      if (fitZoom >= MIN_READABLE_ZOOM) return void flow.fitView(FIT_OPTIONS);
      const zoom = Math.min(1, Math.max(MIN_READABLE_ZOOM, (box.clientWidth - 24) / width));
      // Around the vHub, but with no empty space above the diagram's top, which starts below the (folded) segment legend.
      void flow.setViewport({
        x: 12,
        y: Math.min(LEGEND_CLEARANCE, box.clientHeight / 2 - (vhub.y + vhub.height / 2) * zoom),
        zoom,
      });
    });
  }, [current, flow]);

  /** Pans to a node when it is (partly) off screen, keeping the zoom readable. */
  const reveal = useCallback(
    (nodeId: string) => {
      const box = current.layout.nodes[nodeId];
      const container = canvasRef.current;
      if (!box || !container) return;
      const { x, y, zoom } = flow.getViewport();
      const left = box.x * zoom + x;
      const top = box.y * zoom + y;
      const outside =
        left < 0 ||
        top < 0 ||
        left + box.width * zoom > container.clientWidth ||
        top + box.height * zoom > container.clientHeight;
      if (outside)
        void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, {
          zoom: Math.max(zoom, 0.6),
          duration: 250,
        });
    },
    [current, flow],
  );

  // Bring the highlighted node into view when the form focus moves to a part that is off screen.
  // Only on a change of selection: a re-layout while typing must not pan the view back.
  const revealRef = useRef(reveal);
  revealRef.current = reveal;
  useEffect(() => {
    if (highlightedId) revealRef.current(highlightedId);
  }, [highlightedId]);

  const activate = useCallback(
    (formPath: string) => {
      // A read-only diagram (a connector's page) opens nothing, so it announces nothing.
      if (!onNodeClick) return;
      setAnnounce(`Opened ${formPath || 'connector settings'}`);
      onNodeClick(formPath);
    },
    [onNodeClick],
  );
  const actions = useMemo(() => ({ activate, reveal }), [activate, reveal]);

  const counts = useMemo(() => {
    const byKind = new Map<string, number>();
    for (const n of current.graph.nodes) byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + 1);
    return byKind;
  }, [current]);

  const errorCount = current.graph.nodes.reduce((n, x) => n + x.errors.length, 0);

  return (
    <section
      data-diagram-root="true"
      aria-label="Connector topology diagram"
      className={`relative flex min-h-[320px] flex-col overflow-hidden rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950 ${className ?? 'h-[600px]'}`}
    >
      <DiagramToolbar
        laidOut={current}
        resourceName={design?.resource_name}
        provisionState={provisionState}
        pending={pending}
        onFit={() => void flow.fitView({ ...FIT_OPTIONS, duration: 200 })}
      />
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <p className="sr-only">
        {`${countOf(counts.get('circuit') ?? 0, 'circuit')}, ${countOf(counts.get('gateway') ?? 0, 'customer gateway')}, ${countOf(counts.get('tunnel') ?? 0, 'tunnel')}, ${countOf(errorCount, 'error')}.${
          // Only a diagram that opens the form says so: on a connector's page Enter does nothing.
          onNodeClick ? ' Tab to a node and press Enter to edit it.' : ''
        }`}
      </p>
      <div ref={canvasRef} className="relative min-h-0 flex-1">
        <NodeActionsContext.Provider value={actions}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodeClick={(_event, flowNode) => activate((flowNode as TopologyFlowNode).data.node.formPath)}
            colorMode="system"
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            minZoom={0.02}
            maxZoom={2}
            onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
            proOptions={{ hideAttribution: false }}
          >
            <Background gap={20} size={1} />
            <Controls showInteractive={false} position="bottom-left" />
            {nodes.length > MINIMAP_ABOVE && minimapUseful(current.layout.width, current.layout.height) ? (
              <MiniMap
                pannable
                zoomable
                position="bottom-right"
                ariaLabel="Diagram overview"
                nodeColor="#64748b"
                nodeStrokeWidth={8}
                className="!hidden md:!block"
              />
            ) : null}
          </ReactFlow>
        </NodeActionsContext.Provider>
      </div>
      <SegmentLegend segments={current.graph.segments} tunnelsCollapsed={current.graph.tunnelsCollapsed} />
    </section>
  );
}

/**
 * The live topology of a connector design (client only; pages other than the
 * designer load it through LazyTopologyDiagram). Memoised: a parent that
 * re-renders with the same props (the designer on every keystroke) costs nothing here.
 */
export const TopologyDiagram = memo(function TopologyDiagram(props: TopologyDiagramProps) {
  return (
    <ReactFlowProvider>
      <DiagramCanvas {...props} />
    </ReactFlowProvider>
  );
});

export default TopologyDiagram;
