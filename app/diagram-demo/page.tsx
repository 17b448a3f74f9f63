import type { Metadata } from 'next';
import { DiagramDemo } from '@/components/diagram/diagram-demo';

export const metadata: Metadata = { title: 'Topology diagram demo · Connector Studio' };

/**
 * The topology diagram on its own, for screenshots, reviews and the browser
 * tests: `?template=<template id>|large`, `&errors=1` injects sample errors,
 * `&state=IN_PROGRESS|SUCCESS|FAILED` tints it as the dashboard would.
 */
export default async function DiagramDemoPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return (
    <DiagramDemo
      templateId={one(params.template) ?? 'multi-instance-ipsec'}
      injectErrors={one(params.errors) === '1'}
      provisionState={one(params.state) ?? null}
    />
  );
}
