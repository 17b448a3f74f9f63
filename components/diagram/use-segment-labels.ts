'use client';

import { useMemo } from 'react';
import { useCatalog } from '@/lib/client/hooks';
import type { SegmentLabels } from '@/lib/diagram/segments';

/**
 * Tenant segment ids → `prod (ASN 65514)`, from the segments catalog, so the
 * diagram names a picked segment instead of showing its bare id. Empty until
 * the catalog answers (or when it cannot be read): ids then show as written.
 */
export function useSegmentLabels(): SegmentLabels | undefined {
  const catalog = useCatalog('segments');
  return useMemo(() => {
    if (!catalog.data?.length) return undefined;
    const labels: Record<string, string> = {};
    for (const s of catalog.data) labels[String(s.id)] = s.asn != null ? `${s.name} (ASN ${s.asn})` : s.name;
    return labels;
  }, [catalog.data]);
}
