'use client';
/**
 * The designer's columns: form | validation + preview, and on wide screens a
 * third, sticky column with the topology, so the diagram stays in view next
 * to the field being edited. Narrower screens reach the topology through the
 * preview's "Topology" tab instead (only one diagram is ever mounted).
 */
import { useSyncExternalStore, type ReactNode } from 'react';

/** From this width the topology gets its own column. */
export const WIDE_LAYOUT_QUERY = '(min-width: 1800px)';

function subscribeWide(onChange: () => void) {
  const query = window.matchMedia(WIDE_LAYOUT_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True on screens wide enough for the topology column (false while server-rendering). */
export function useWideLayout(): boolean {
  return useSyncExternalStore(
    subscribeWide,
    () => window.matchMedia(WIDE_LAYOUT_QUERY).matches,
    () => false,
  );
}

const STICKY_COLUMN = 'flex min-w-0 flex-col gap-3 lg:sticky lg:top-16 lg:h-[calc(100vh-5rem)] lg:self-start';

export function DesignerColumns(props: {
  hidden: boolean;
  form: ReactNode;
  side: ReactNode;
  topology: ReactNode | null;
}) {
  const { hidden, form, side, topology } = props;
  return (
    <div
      className={`grid grid-cols-1 gap-4 ${
        topology
          ? 'lg:grid-cols-[minmax(0,5fr)_minmax(0,4fr)_minmax(0,6fr)]'
          : 'lg:grid-cols-[minmax(0,7fr)_minmax(0,6fr)]'
      }`}
      hidden={hidden}
    >
      {form}
      <aside className={STICKY_COLUMN}>{side}</aside>
      {topology && (
        <div className={STICKY_COLUMN} data-testid="topology-column">
          {topology}
        </div>
      )}
    </div>
  );
}
