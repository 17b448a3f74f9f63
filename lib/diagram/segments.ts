/**
 * Segment colours: a fixed palette handed out in `segment_options` order, so a
 * segment keeps its colour while the rest of the design is edited.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { DEFAULTS, expressionBody, isExpression } from '@/lib/connector/design';
import type { SegmentLegendEntry } from './types';

/** Saturated mid-tones: readable as strokes and chips on white and on slate-900. */
export const SEGMENT_PALETTE = [
  '#2563eb', // blue
  '#059669', // emerald
  '#9333ea', // purple
  '#d97706', // amber
  '#e11d48', // rose
  '#0891b2', // cyan
  '#65a30d', // lime
  '#c026d3', // fuchsia
  '#ea580c', // orange
  '#4f46e5', // indigo
] as const;

/** For a segment referenced by a gateway but missing from segment_options. */
export const UNKNOWN_SEGMENT_COLOR = '#64748b';

/** `alkira_segment.prod.id` for `${alkira_segment.prod.id}`, the literal otherwise. */
export function segmentLabel(segmentId: unknown): string {
  if (typeof segmentId !== 'string' || segmentId.trim() === '') return '(no segment)';
  return isExpression(segmentId) ? expressionBody(segmentId) : segmentId;
}

function asText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return isExpression(value) ? expressionBody(value) : value;
  return '';
}

export function segmentLegend(design: Partial<ConnectorDesign>): SegmentLegendEntry[] {
  const options = Array.isArray(design.segment_options) ? design.segment_options : [];
  const seen = new Set<string>();
  const legend: SegmentLegendEntry[] = [];
  options.forEach((option, index) => {
    if (!option || typeof option !== 'object') return;
    const segmentId = typeof option.segment_id === 'string' ? option.segment_id : '';
    // A duplicated segment keeps its first colour; the validator reports the duplicate.
    if (segmentId !== '' && seen.has(segmentId)) return;
    seen.add(segmentId);
    legend.push({
      segmentId,
      label: segmentLabel(segmentId),
      color: SEGMENT_PALETTE[index % SEGMENT_PALETTE.length],
      customerAsn: asText(option.customer_asn),
      disableInternetExit: option.disable_internet_exit ?? DEFAULTS.disable_internet_exit,
      advertiseOnPremRoutes: option.advertise_on_prem_routes ?? DEFAULTS.advertise_on_prem_routes,
    });
  });
  return legend;
}

export function segmentColor(legend: SegmentLegendEntry[], segmentId: unknown): string {
  const entry = typeof segmentId === 'string' && segmentId !== '' ? legend.find((e) => e.segmentId === segmentId) : undefined;
  return entry ? entry.color : UNKNOWN_SEGMENT_COLOR;
}
