import type { Metadata } from 'next';
import { ApiReferencePage } from '@/components/api-docs/api-reference-page';
import { readOnlyOperations } from '@/components/api-docs/read-only-operations';

export const metadata: Metadata = { title: 'API reference · Connector Studio' };

export default function ApiDocs() {
  return <ApiReferencePage tryable={readOnlyOperations()} />;
}
