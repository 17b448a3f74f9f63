import type { Metadata } from 'next';
import { ConnectorsDashboard } from '@/components/dashboard/connectors-dashboard';
import { initialPageOf } from '@/components/dashboard/initial-page';

export const metadata: Metadata = { title: 'Connectors · Connector Studio' };

export default async function ConnectorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const { deleted } = params;
  // The first page of the view comes with the HTML, so rows are on screen before the script runs.
  const initialPage = await initialPageOf(params);
  return (
    <ConnectorsDashboard deletedName={typeof deleted === 'string' ? deleted : undefined} initialPage={initialPage} />
  );
}
