import type { Metadata } from 'next';
import { Designer } from '@/components/designer/designer';

export const metadata: Metadata = { title: 'Designer · Connector Studio' };

export default function DesignerPage() {
  return <Designer />;
}
