'use client';
import { useWatch } from 'react-hook-form';
import type { ConnectorDesign } from '@/lib/connector/design';

export const SEGMENT_SUGGESTIONS_ID = 'designer-segment-suggestions';

/**
 * Suggests the segment references already written anywhere in the design, so
 * an instance's IPsec segment can be picked to match a global segment option
 * (the service requires the two to correspond one-to-one).
 */
export function SegmentSuggestions() {
  const segmentOptions = useWatch<ConnectorDesign, 'segment_options'>({ name: 'segment_options' });
  const instances = useWatch<ConnectorDesign, 'instances'>({ name: 'instances' });
  const refs = new Set<string>();
  for (const s of segmentOptions ?? []) if (s?.segment_id) refs.add(String(s.segment_id));
  for (const inst of instances ?? [])
    for (const g of inst?.ipsec_customer_gateway ?? []) if (g?.segment_id) refs.add(String(g.segment_id));
  return (
    <datalist id={SEGMENT_SUGGESTIONS_ID}>
      {[...refs].map((r) => (
        <option key={r} value={r} />
      ))}
    </datalist>
  );
}
