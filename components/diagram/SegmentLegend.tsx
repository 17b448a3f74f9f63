'use client';

import type { SegmentLegendEntry } from '@/lib/diagram/types';

const COLLAPSE_LEGEND_ABOVE = 4;

/** Segment colours and the per-segment options, so a colour on a node can be read. */
export function SegmentLegend({ segments, tunnelsCollapsed }: { segments: SegmentLegendEntry[]; tunnelsCollapsed: boolean }) {
  return (
    // A disclosure, so it can be folded away when it covers part of the diagram;
    // it starts folded when it would be long.
    <details
      data-testid="segment-legend"
      open={segments.length <= COLLAPSE_LEGEND_ABOVE}
      className="max-h-72 w-72 overflow-auto rounded-lg border border-slate-200 bg-white/95 p-2.5 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-900/95"
    >
      <summary className="mb-1.5 font-semibold text-slate-900 dark:text-slate-100">Segments ({segments.length})</summary>
      {segments.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No segment_options yet.</p>
      ) : (
        <ul className="space-y-1.5">
          {segments.map((s) => (
            <li key={s.segmentId || s.label} className="flex gap-2">
              <span aria-hidden="true" className="mt-0.5 size-3 shrink-0 rounded-sm" style={{ backgroundColor: s.color }} />
              <span className="min-w-0">
                <span className="block truncate font-mono font-medium text-slate-900 dark:text-slate-100" title={s.segmentId}>
                  {s.label}
                </span>
                <span className="block text-slate-600 dark:text-slate-400">
                  ASN {s.customerAsn || '—'} · {s.disableInternetExit ? 'no internet exit' : 'internet exit'} ·{' '}
                  {s.advertiseOnPremRoutes ? 'advertises on-prem routes' : 'no on-prem advertising'}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {tunnelsCollapsed ? (
        <p className="mt-2 border-t border-slate-200 pt-1.5 text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Large design: tunnels are listed inside their gateway (→ Alkira initiates, ← customer initiates).
        </p>
      ) : null}
    </details>
  );
}
