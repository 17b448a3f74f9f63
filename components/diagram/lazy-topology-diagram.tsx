'use client';

import dynamic from 'next/dynamic';
import type { TopologyDiagramProps } from './topology-diagram';

export type { TopologyDiagramProps } from './topology-diagram';

/** What shows where the diagram will be while its code loads. */
export function DiagramPlaceholder() {
  return (
    <div
      role="status"
      className="flex h-full min-h-[320px] items-center justify-center rounded-lg border border-slate-200 bg-slate-50 text-sm text-slate-600 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-400"
    >
      Loading diagram…
    </div>
  );
}

/**
 * React Flow loads on demand, so it stays out of the first-load JS of the
 * pages that embed the diagram (the designer, where the diagram is one of the
 * main views, imports TopologyDiagram directly).
 */
const DynamicTopologyDiagram = dynamic<TopologyDiagramProps>(() => import('./topology-diagram'), {
  ssr: false,
  loading: DiagramPlaceholder,
});

/**
 * The topology diagram with the same props as `TopologyDiagram`. `className`
 * sizes the box (default `h-[600px]`), which the loading placeholder fills too.
 */
export function LazyTopologyDiagram({ className, ...props }: TopologyDiagramProps) {
  return (
    <div className={className ?? 'h-[600px]'}>
      <DynamicTopologyDiagram {...props} className="h-full" />
    </div>
  );
}

export default LazyTopologyDiagram;
