import type { Metadata } from 'next';
import { ConnectorsDashboard } from '@/components/dashboard/ConnectorsDashboard';

export const metadata: Metadata = { title: 'Connectors · Connector Studio' };

export default async function ConnectorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { deleted } = await searchParams;
  return <ConnectorsDashboard deletedName={typeof deleted === 'string' ? deleted : undefined} />;
}
