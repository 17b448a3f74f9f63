'use client';
/**
 * "A workspace design manages this connector": shown wherever the live connector can be changed directly (the
 * designer's edit mode and its plan, the connector page), so an edit there is not made unknowingly past its design.
 */
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client/api';
import type { ManagingDesignsResponse } from '@/lib/client/types';

export type ManagingDesign = ManagingDesignsResponse['designs'][number];

/** The workspace designs linked to the connector: editing it here makes them drift. */
export function useManagingDesigns(connectorId: number | undefined) {
  return useQuery({
    queryKey: ['managing-designs', connectorId],
    queryFn: () => api.managingDesigns(connectorId as number).then((r) => r.designs),
    enabled: connectorId !== undefined,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

/** "A workspace design manages this connector", with a link to open that design instead. */
export function ManagedByNotice({
  designs,
  connectorId,
  where = 'designer',
}: {
  designs: readonly ManagingDesign[];
  connectorId: number;
  /** The designer sends edits; the connector page edits (through the designer) and deletes. */
  where?: 'designer' | 'connector-page';
}) {
  if (designs.length === 0) return null;
  return (
    <div
      role="note"
      data-testid="managed-by-design"
      className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p>
        {designs.length === 1 ? 'Workspace design ' : 'Workspace designs '}
        {designs.map((d, i) => (
          <span key={d.id}>
            {i > 0 && ', '}
            <strong>{d.name}</strong>
          </span>
        ))}{' '}
        {designs.length === 1 ? 'manages' : 'manage'} connector #{connectorId}.{' '}
        {where === 'designer' ? 'Provisioning an edit from here' : 'Editing it in the designer'} makes the live
        connector drift from {designs.length === 1 ? 'that design' : 'those designs'}; change the design and provision
        it from the workspace instead.
      </p>
      <p className="mt-1 flex flex-wrap gap-3">
        {designs.map((d) => (
          <Link key={d.id} className="font-medium text-blue-800 underline dark:text-blue-300" href={`/designs/${d.id}`}>
            Open design {d.name} instead
          </Link>
        ))}
      </p>
    </div>
  );
}
