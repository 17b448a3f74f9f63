'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { DESIGN_TEMPLATES, designFromTemplate } from '@/lib/connector/templates';
import { validateDesign } from '@/lib/connector/validate';
import { largeSampleDesign } from '@/lib/diagram/sample';
import { LazyTopologyDiagram } from './lazy-topology-diagram';

/** Breaks a few fields so the error rings and tooltips can be seen. */
function withSampleErrors(design: ConnectorDesign): ConnectorDesign {
  const broken = structuredClone(design);
  broken.vhub_prefix = '10.0.0.0/24';
  const lastInstance = broken.instances[broken.instances.length - 1];
  if (lastInstance) {
    lastInstance.loopback_subnet = '192.168.300.0/26';
    const tunnel = lastInstance.ipsec_customer_gateway?.[0]?.customer_gateway[0]?.tunnel[0];
    if (tunnel) tunnel.ike_version = 'IKEv1';
  }
  return broken;
}

function demoDesign(templateId: string): ConnectorDesign {
  if (templateId === 'large') return largeSampleDesign();
  return designFromTemplate(templateId) ?? designFromTemplate('multi-instance-ipsec')!;
}

export function DiagramDemo({
  templateId,
  injectErrors,
  provisionState,
}: {
  templateId: string;
  injectErrors: boolean;
  provisionState: string | null;
}) {
  const [extraInstances, setExtraInstances] = useState(0);
  const design = useMemo(() => {
    const base = demoDesign(templateId);
    // "Add instance" exercises the live re-layout the designer relies on.
    const last = base.instances[base.instances.length - 1];
    for (let i = 0; last && i < extraInstances; i++) {
      base.instances.push({ ...structuredClone(last), name: `added-instance-${i + 1}` });
    }
    return injectErrors ? withSampleErrors(base) : base;
  }, [templateId, injectErrors, extraInstances]);
  const issues = useMemo(() => validateDesign(design), [design]);
  const [clicked, setClicked] = useState<string | null>(null);

  const choices = [
    ...DESIGN_TEMPLATES.map((t) => ({ id: t.id, title: t.title })),
    { id: 'large', title: 'Large (10×8×4×2)' },
  ];

  return (
    <div className="mx-auto flex max-w-[1680px] flex-col gap-3 px-4 py-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-lg font-semibold">Topology diagram</h1>
        <nav aria-label="Templates" className="flex flex-wrap gap-1.5 text-sm">
          {choices.map((c) => (
            <Link
              key={c.id}
              href={`/diagram-demo?template=${c.id}${injectErrors ? '&errors=1' : ''}${provisionState ? `&state=${provisionState}` : ''}`}
              aria-current={c.id === templateId ? 'page' : undefined}
              className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-slate-800 hover:bg-slate-100 aria-[current=page]:border-blue-600 aria-[current=page]:bg-blue-50 aria-[current=page]:text-blue-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 dark:aria-[current=page]:border-blue-400 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-100"
            >
              {c.title}
            </Link>
          ))}
        </nav>
        <button type="button" className="btn-secondary text-sm" onClick={() => setExtraInstances((n) => n + 1)}>
          Add instance
        </button>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Clicked: <code data-testid="clicked-path">{clicked ?? ''}</code>
        </p>
      </div>
      <LazyTopologyDiagram
        design={design}
        issues={issues}
        provisionState={provisionState}
        selectedPath={clicked}
        onNodeClick={setClicked}
        className="h-[calc(100vh-8.5rem)] min-h-[480px]"
      />
    </div>
  );
}
