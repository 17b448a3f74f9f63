import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DesignEditor } from '@/components/workspace/design-editor';

export const metadata: Metadata = { title: 'Design · Connector Studio' };

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Design ids are positive integers; anything else cannot exist.
  if (!/^\d{1,15}$/.test(id) || Number(id) <= 0) notFound();
  return <DesignEditor key={id} id={Number(id)} />;
}
