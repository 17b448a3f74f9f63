import type { Metadata } from 'next';
import { ActivityPage } from '@/components/activity/activity-page';

export const metadata: Metadata = { title: 'Activity · Connector Studio' };

export default async function Activity({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, connector } = await searchParams;
  return (
    <ActivityPage
      filter={{
        user: typeof user === 'string' ? user : undefined,
        connector: typeof connector === 'string' ? connector : undefined,
      }}
    />
  );
}
