'use client';
/**
 * The detail page's topology: the live connector drawn by the same diagram
 * as the designer, tinted by its provision state. The state comes from the
 * (polling) connector detail, so the tint follows provisioning without reload.
 */
import { LazyTopologyDiagram } from '@/components/diagram/lazy-topology-diagram';
import { useSegmentLabels } from '@/components/diagram/use-segment-labels';
import { useConnectorDesign } from '@/lib/client/design-hooks';
import { ErrorState } from './error-state';

export interface ConnectorTopologyProps {
  connectorId: number;
  provisionState: string | null;
}

/** Tall enough for two circuits with their gateways and tunnels at a readable zoom. */
const DIAGRAM_HEIGHT = 'h-[480px]';

export function ConnectorTopology({ connectorId, provisionState }: ConnectorTopologyProps) {
  const design = useConnectorDesign(connectorId);
  const segmentLabels = useSegmentLabels();

  if (design.data) {
    // The diagram's own toolbar carries the "Topology" heading.
    return (
      <div data-testid="connector-topology">
        <LazyTopologyDiagram
          design={design.data}
          provisionState={provisionState}
          segmentLabels={segmentLabels}
          className={DIAGRAM_HEIGHT}
        />
      </div>
    );
  }

  return (
    <section
      aria-labelledby="connector-topology-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="connector-topology-heading" className="mb-3 text-base font-semibold">
        Topology
      </h2>
      {design.isError ? (
        <ErrorState
          title="Could not load the topology"
          message={design.error.message}
          onRetry={() => void design.refetch()}
          retrying={design.isFetching}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading topology…</p>
      )}
    </section>
  );
}
