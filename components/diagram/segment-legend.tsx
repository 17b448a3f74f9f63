'use client';

import type { SegmentLegendEntry } from '@/lib/diagram/types';

const COLLAPSE_LEGEND_ABOVE = 4;

/**
 * Segment colours and the per-segment options, so a colour on a node can be read. A strip under the
 * canvas, not a panel over it: it never covers a node, and its text is not scaled with the zoom.
 */
export function SegmentLegend({
  segments,
  tunnelsCollapsed,
}: {
  segments: SegmentLegendEntry[];
  tunnelsCollapsed: boolean;
}) {
  return (
    // A disclosure, so it can be folded away for a taller canvas; it starts folded when it would be long.
    <details
      data-testid="segment-legend"
      open={segments.length <= COLLAPSE_LEGEND_ABOVE}
      className="shrink-0 border-t border-slate-200 bg-white px-3 py-2 text-xs dark:border-slate-700 dark:bg-slate-900"
    >
      <summary className="cursor-pointer text-sm font-semibold text-slate-900 dark:text-slate-100">
        Segments ({segments.length})
      </summary>
      {segments.length === 0 ? (
        <p className="mt-1 text-slate-600 dark:text-slate-400">No segment_options yet.</p>
      ) : (
        <ul
          aria-label="Segment colours"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a long list scrolls, and the keyboard must be able to scroll it
          tabIndex={0}
          className="mt-1.5 grid max-h-32 grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-x-4 gap-y-1.5 overflow-y-auto focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          {segments.map((s) => (
            <li key={s.segmentId || s.label} className="flex gap-2">
              <span
                aria-hidden="true"
                className="mt-1 size-3 shrink-0 rounded-sm"
                style={{ backgroundColor: s.color }}
              />
              <span className="min-w-0">
                <span
                  className="block truncate font-mono text-[13px] font-medium text-slate-900 dark:text-slate-100"
                  title={s.segmentId}
                >
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
