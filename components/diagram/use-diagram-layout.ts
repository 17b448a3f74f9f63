'use client';

import { useMemo, useState } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { DiagramGraphs } from '@/lib/diagram/graph';
import { LaidOutDiagrams, type LaidOutDiagram } from '@/lib/diagram/laid-out';
import type { SegmentLabels } from '@/lib/diagram/segments';
import type { DiagramIssues } from '@/lib/diagram/types';

export type { LaidOutDiagram } from '@/lib/diagram/laid-out';

/**
 * Graph + layout of the design, computed as it renders (the layout is a
 * single pass, see lib/diagram/layout.ts); the graph of an edited version is
 * made anew only where the edit changed it (DiagramGraphs). The result stays the same object
 * while the graph's content does (typing a pre-shared key changes nothing
 * drawn), and an edit that changes only labels or findings keeps the previous
 * positions (see LaidOutDiagrams).
 */
export function useDiagramLayout(
  design: ConnectorDesign,
  issues: DiagramIssues | undefined,
  provisionState: string | null | undefined,
  segmentLabels?: SegmentLabels,
): LaidOutDiagram {
  const [cache] = useState(() => new LaidOutDiagrams());
  // The parts of the design an edit left alone keep their nodes (and the work keyed by them).
  const [graphs] = useState(() => new DiagramGraphs());
  const graph = useMemo(
    () => graphs.of(design, issues, { provisionState: provisionState ?? undefined, segmentLabels }),
    [graphs, design, issues, provisionState, segmentLabels],
  );
  return useMemo(() => cache.of(graph), [cache, graph]);
}
