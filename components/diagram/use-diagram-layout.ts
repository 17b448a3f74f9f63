'use client';

import { useEffect, useRef, useState } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { designToGraph } from '@/lib/diagram/graph';
import { layoutGraph, type DiagramLayout } from '@/lib/diagram/layout';
import type { SegmentLabels } from '@/lib/diagram/segments';
import type { DiagramGraph, DiagramIssues } from '@/lib/diagram/types';

export interface LaidOutDiagram {
  graph: DiagramGraph;
  layout: DiagramLayout;
}

/** Node ids, sizes and edges: when these are unchanged the previous positions still fit. */
function shapeOf(graph: DiagramGraph): string {
  const nodes = graph.nodes.map((n) => `${n.id}:${n.details.length}`).join('|');
  const edges = graph.edges.map((e) => e.id).join('|');
  return `${nodes}#${edges}`;
}

/**
 * Graph + ELK layout of the design, recomputed after the design stops
 * changing for `delayMs` (the first one immediately). Edits that change only
 * labels or issues reuse the previous positions, so typing in a field does not
 * make the picture jump.
 */
export function useDiagramLayout(
  design: ConnectorDesign,
  issues: DiagramIssues | undefined,
  provisionState: string | null | undefined,
  segmentLabels?: SegmentLabels,
  delayMs = 250,
): { current: LaidOutDiagram | null; pending: boolean; failure: string | null } {
  const [current, setCurrent] = useState<LaidOutDiagram | null>(null);
  const [pending, setPending] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef({ design, issues, provisionState, segmentLabels });
  latest.current = { design, issues, provisionState, segmentLabels };
  const previous = useRef<{ shape: string; laidOut: LaidOutDiagram } | null>(null);
  const generation = useRef(0);

  // Form libraries hand out a new object on every render; compare by content.
  const key = JSON.stringify([design, issues ?? null, provisionState ?? null, segmentLabels ?? null]);

  useEffect(() => {
    const mine = ++generation.current;
    setPending(true);
    const timer = setTimeout(
      () => {
        const { design: d, issues: i, provisionState: p, segmentLabels: labels } = latest.current;
        const graph = designToGraph(d, i, { provisionState: p ?? undefined, segmentLabels: labels });
        const shape = shapeOf(graph);
        if (previous.current && previous.current.shape === shape) {
          const laidOut = { graph, layout: previous.current.laidOut.layout };
          previous.current = { shape, laidOut };
          setCurrent(laidOut);
          setPending(false);
          return;
        }
        layoutGraph(graph).then(
          (layout) => {
            if (generation.current !== mine) return;
            const laidOut = { graph, layout };
            previous.current = { shape, laidOut };
            setCurrent(laidOut);
            setFailure(null);
            setPending(false);
          },
          (error: unknown) => {
            if (generation.current !== mine) return;
            setFailure(error instanceof Error ? error.message : String(error));
            setPending(false);
          },
        );
      },
      previous.current ? delayMs : 0,
    );
    return () => clearTimeout(timer);
  }, [key, delayMs]);

  return { current, pending, failure };
}
