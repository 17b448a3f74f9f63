'use client';
/**
 * The designer's third view: the live topology of the form's design, linked
 * both ways — a node click opens its part of the form, and the form field
 * that has focus highlights its node. Nodes carry the same findings as the
 * error summary; picked tenant segments are named from the catalog.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { LazyTopologyDiagram } from '@/components/diagram/LazyTopologyDiagram';
import { useSegmentLabels } from '@/components/diagram/use-segment-labels';
import { useDebouncedValue } from './use-debounced-value';
import { withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { useDesignSnapshot } from './design-snapshot-context';

/**
 * The form path whose field has focus. A store rather than designer state, so
 * moving focus re-renders the diagram only, not the whole form.
 */
export class FocusedPathStore {
  private path: string | null = null;
  private readonly listeners = new Set<() => void>();
  readonly get = () => this.path;
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  set(path: string | null) {
    if (path === this.path) return;
    this.path = path;
    for (const l of this.listeners) l();
  }
}

/** The form path of a focused control: `field-<path>` ids, `-expression` inputs belong to their catalog field. */
export function formPathOfElement(target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement) || !target.id.startsWith('field-')) return null;
  return target.id.slice('field-'.length).replace(/-expression$/, '');
}

/**
 * The field a node click lands on: its name (or segment picker) rather than
 * the list's "Add" button that would be the nearest control of the bare path.
 */
export function fieldPathForNode(formPath: string): string {
  if (formPath === '') return 'name';
  if (/(^instances\.\d+|\.customer_gateway\.\d+|\.tunnel\.\d+)$/.test(formPath)) return `${formPath}.name`;
  if (/\.ipsec_customer_gateway\.\d+$/.test(formPath)) return `${formPath}.segment_id`;
  return formPath;
}

/** From this many tunnels a redraw of the diagram is slow enough to wait for a typing pause. */
const LARGE_DIAGRAM_TUNNELS = 64;

function tunnelCount(design: ConnectorDesign): number {
  let n = 0;
  for (const inst of design.instances ?? [])
    for (const g of inst?.ipsec_customer_gateway ?? []) for (const c of g?.customer_gateway ?? []) n += c?.tunnel?.length ?? 0;
  return n;
}

export function DesignerTopology(props: {
  focused: FocusedPathStore;
  onNodeClick(formPath: string): void;
  className?: string;
}) {
  const { focused, onNodeClick, className } = props;
  // The snapshot's checked design and its findings, together; the diagram can wait for a typing pause.
  const check = useDesignSnapshot((s) => s.check);
  const checkedDesign = useDesignSnapshot((s) => s.checkedDesign);
  const checked = useMemo(() => ({ design: withoutInactiveProtocolValues(checkedDesign), issues: { errors: check.errors, warnings: check.warnings } }), [check, checkedDesign]);
  // Redrawing a large diagram takes long: while the user is typing it waits for a real pause.
  const { design, issues } = useDebouncedValue(checked, tunnelCount(checkedDesign) > LARGE_DIAGRAM_TUNNELS ? 1000 : 150);
  const segmentLabels = useSegmentLabels();
  const selectedPath = useSyncExternalStore(focused.subscribe, focused.get, () => null);
  return (
    <LazyTopologyDiagram
      design={design}
      issues={issues}
      segmentLabels={segmentLabels}
      selectedPath={selectedPath}
      onNodeClick={onNodeClick}
      className={className}
    />
  );
}
