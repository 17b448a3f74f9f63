import { notFound } from 'next/navigation';
import { ConnectorDetail } from '@/components/dashboard/connector-detail';

export default async function ConnectorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Connector ids are integers; anything else cannot exist.
  if (!/^\d+$/.test(id)) notFound();
  return <ConnectorDetail connectorId={Number(id)} />;
}
