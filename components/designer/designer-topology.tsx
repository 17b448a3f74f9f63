'use client';
/**
 * The designer's third view: the live topology of the form's design, linked
 * both ways — a node click opens its part of the form, and the form field
 * that has focus highlights its node. Nodes carry the same findings as the
 * error summary; picked tenant segments are named from the catalog.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { DiagramPlaceholder } from '@/components/diagram/lazy-topology-diagram';
// Not lazy here: the topology is one of the designer's main views, and drawn
// from the first version it is on screen before a large draft's form is.
import { TopologyDiagram } from '@/components/diagram/topology-diagram';
import { useSegmentLabels } from '@/components/diagram/use-segment-labels';
import { useNamedSegmentLabels } from './named-references';
import { withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { activeProtocolViews } from './version-memos';
import type { DiagramIssues } from '@/lib/diagram/types';
import type { DesignCheck } from './design-check';
import { useDesignState, useDocumentStore } from './design-document-context';

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

const noSubscription = () => () => {};

/**
 * The typing pause after which an edit is drawn: long enough that a redraw
 * does not land between two keystrokes of someone typing steadily.
 */
const PAUSE_MS = 400;
const LARGE_PAUSE_MS = 1000;

/** From this many tunnels a redraw of the diagram is slow enough to wait for a typing pause. */
const LARGE_DIAGRAM_TUNNELS = 64;

function tunnelCount(design: ConnectorDesign): number {
  let n = 0;
  for (const inst of design.instances ?? [])
    for (const g of inst?.ipsec_customer_gateway ?? [])
      for (const c of g?.customer_gateway ?? []) n += c?.tunnel?.length ?? 0;
  return n;
}

/**
 * True when `a` and `b` have an object in common (down to `depth` levels):
 * versions of an edit share every object the edit did not touch
 * (design-document.ts), while a load (a restored draft, a template, an import,
 * a reset) is a fresh copy that shares none.
 */
export function sharesObjects(a: unknown, b: unknown, depth = 4): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  if (a === b) return true;
  if (depth === 0) return false;
  const before = a as Record<string, unknown>;
  for (const [key, value] of Object.entries(b)) if (sharesObjects(before[key], value, depth - 1)) return true;
  return false;
}

/** `value` (a new object when it changes), or the previous value when it has the same content (JSON). */
function useSameContent<T>(value: T): T {
  const held = useRef<{ key: string; value: T } | null>(null);
  const key = useMemo(() => JSON.stringify(value) ?? '', [value]);
  if (held.current === null || held.current.key !== key) held.current = { key, value };
  return held.current.value;
}

/**
 * The design the diagram shows, and whether a newer one is waiting: a newly
 * loaded design straight away, an edit after a typing pause (longer for a
 * large design, whose redraw takes long). It follows the document
 * outside rendering, so a keystroke re-renders nothing here until the pause.
 */
function useShownDesign(): { shown: ConnectorDesign; pending: boolean } {
  const store = useDocumentStore();
  const [state, setState] = useState(() => ({ shown: store.getState().design, pending: false }));
  const rendered = useRef(state.shown);
  rendered.current = state.shown;
  useEffect(() => {
    let shown = rendered.current;
    let waitingFor: ConnectorDesign | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (design: ConnectorDesign) => {
      clearTimeout(timer);
      waitingFor = null;
      shown = design;
      setState({ shown: design, pending: false });
    };
    const onChange = () => {
      const latest = store.getState().design;
      // Another slice changed (a check arrived): nothing new to draw, and the pause goes on.
      if (latest === waitingFor || (latest === shown && waitingFor === null)) return;
      if (latest === shown || !sharesObjects(shown, latest)) return show(latest);
      waitingFor = latest;
      clearTimeout(timer);
      timer = setTimeout(() => show(latest), tunnelCount(latest) > LARGE_DIAGRAM_TUNNELS ? LARGE_PAUSE_MS : PAUSE_MS);
      setState((s) => (s.pending ? s : { ...s, pending: true }));
    };
    const unsubscribe = store.subscribe(onChange);
    // A change between the render and this subscription.
    onChange();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
  return state;
}

/**
 * The findings to draw on `shown`: those of its own check once that arrives;
 * until then those of an earlier edit of it (they still fit, give or take the
 * field being typed), never those of another design (the one before a load).
 */
function useFindingsOf(
  shown: ConnectorDesign,
  checkedDesign: ConnectorDesign,
  check: DesignCheck,
): DiagramIssues | undefined {
  const held = useRef<{ design: ConnectorDesign; check: DesignCheck; issues: DiagramIssues } | null>(null);
  if (checkedDesign === shown && held.current?.check !== check) {
    held.current = { design: shown, check, issues: { errors: check.errors, warnings: check.warnings } };
  }
  return held.current && sharesObjects(held.current.design, shown) ? held.current.issues : undefined;
}

export function DesignerTopology(props: {
  focused: FocusedPathStore;
  onNodeClick(formPath: string): void;
  className?: string;
}) {
  const { focused, onNodeClick, className } = props;
  // The latest version, drawn without waiting for its check: the
  // findings of the latest check decorate the nodes when they arrive.
  const check = useDesignState((s) => s.check);
  const { shown, pending } = useShownDesign();
  const design = useMemo(() => withoutInactiveProtocolValues(shown, activeProtocolViews), [shown]);
  const checkedDesign = useDesignState((s) => s.checkedDesign);
  const issues = useSameContent(useFindingsOf(shown, checkedDesign, check));
  const segmentLabels = useNamedSegmentLabels(useSegmentLabels());
  const selectedPath = useSyncExternalStore(focused.subscribe, focused.get, () => null);
  // React Flow draws in the browser only (the server renders the placeholder).
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <div className={className ?? 'h-[600px]'}>
      {mounted ? (
        <TopologyDiagram
          design={design}
          issues={issues}
          segmentLabels={segmentLabels}
          selectedPath={selectedPath}
          pending={pending}
          onNodeClick={onNodeClick}
          className="h-full"
        />
      ) : (
        <DiagramPlaceholder />
      )}
    </div>
  );
}
