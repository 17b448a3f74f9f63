import type { Metadata } from 'next';
import { DesignsWorkspace } from '@/components/workspace/designs-workspace';

export const metadata: Metadata = { title: 'Designs · Connector Studio' };

export default async function DesignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { imported, again } = await searchParams;
  const count = typeof imported === 'string' && /^\d{1,6}$/.test(imported) ? Number(imported) : undefined;
  return <DesignsWorkspace imported={count} importedBefore={again === '1'} />;
}
