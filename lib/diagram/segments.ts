/**
 * Segment colours: a fixed palette handed out in `segment_options` order, so a
 * segment keeps its colour while the rest of the design is edited.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { DEFAULTS, expressionBody, isExpression } from '@/lib/connector/design';
import type { SegmentLegendEntry } from './types';
import { itemAt } from '@/lib/util/indexing';

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

/** Display names of tenant segment ids (e.g. `{ '1': 'prod (ASN 65514)' }`), from the tenant catalog. */
export type SegmentLabels = Readonly<Record<string, string>>;

/** Catalog ids arrive as numbers from templates and the API, as strings once picked: compare them as text. */
export function segmentKey(segmentId: unknown): string {
  if (typeof segmentId === 'number' && Number.isFinite(segmentId)) return String(segmentId);
  return typeof segmentId === 'string' ? segmentId : '';
}

/**
 * `alkira_segment.prod.id` for `${alkira_segment.prod.id}`, the catalog name
 * for a tenant segment id when `labels` knows it, the literal otherwise.
 */
export function segmentLabel(segmentId: unknown, labels?: SegmentLabels): string {
  const key = segmentKey(segmentId);
  if (key.trim() === '') return '(no segment)';
  // An expression the caller can name (a data source by name) shows that name.
  if (isExpression(key)) return labels?.[key] ?? expressionBody(key);
  return labels?.[key] ?? key;
}

function asText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return isExpression(value) ? expressionBody(value) : value;
  return '';
}

export function segmentLegend(design: Partial<ConnectorDesign>, labels?: SegmentLabels): SegmentLegendEntry[] {
  const options = Array.isArray(design.segment_options) ? design.segment_options : [];
  const seen = new Set<string>();
  const legend: SegmentLegendEntry[] = [];
  options.forEach((option, index) => {
    if (!option || typeof option !== 'object') return;
    const segmentId = segmentKey(option.segment_id);
    // A duplicated segment keeps its first colour; the validator reports the duplicate.
    if (segmentId !== '' && seen.has(segmentId)) return;
    seen.add(segmentId);
    legend.push({
      segmentId,
      label: segmentLabel(segmentId, labels),
      color: itemAt(SEGMENT_PALETTE, index % SEGMENT_PALETTE.length, 'palette colour'),
      customerAsn: asText(option.customer_asn),
      disableInternetExit: option.disable_internet_exit ?? DEFAULTS.disable_internet_exit,
      advertiseOnPremRoutes: option.advertise_on_prem_routes ?? DEFAULTS.advertise_on_prem_routes,
    });
  });
  return legend;
}

export function segmentColor(legend: SegmentLegendEntry[], segmentId: unknown): string {
  const key = segmentKey(segmentId);
  const entry = key !== '' ? legend.find((e) => e.segmentId === key) : undefined;
  return entry ? entry.color : UNKNOWN_SEGMENT_COLOR;
}
