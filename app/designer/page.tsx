import type { Metadata } from 'next';
import { Designer } from '@/components/designer/designer';

export const metadata: Metadata = { title: 'Designer · Connector Studio' };

/** A positive integer id from `?connector=`, else undefined (a new design). */
function connectorIdFrom(raw: string | string[] | undefined): number | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,15}$/.test(value) || Number(value) <= 0) return undefined;
  return Number(value);
}

export default async function DesignerPage({
  searchParams,
}: {
  searchParams: Promise<{ connector?: string | string[] }>;
}) {
  const connectorId = connectorIdFrom((await searchParams).connector);
  // Keyed so that switching between a new design and an edit (or two edits) starts from a fresh form.
  return <Designer key={connectorId ?? 'new'} connectorId={connectorId} />;
}
