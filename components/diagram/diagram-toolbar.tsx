'use client';

import { useState } from 'react';
import { provisionTone } from '@/lib/diagram/graph';
import { downloadBlob, exportDiagramPng, exportDiagramSvg, exportFileName } from './export';
import type { LaidOutDiagram } from './use-diagram-layout';

const TONE_BADGE = {
  pending: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  success: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  failed: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
} as const;

const BUTTON =
  'inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 shadow-xs hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

export function DiagramToolbar({
  laidOut,
  resourceName,
  provisionState,
  pending,
  onFit,
}: {
  laidOut: LaidOutDiagram | null;
  resourceName: string | undefined;
  provisionState?: string | null;
  pending: boolean;
  onFit(): void;
}) {
  const [exportError, setExportError] = useState<string | null>(null);
  const tone = provisionTone(provisionState);

  const exportSvg = () => {
    if (!laidOut) return;
    const svg = exportDiagramSvg(laidOut.graph, laidOut.layout);
    downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), exportFileName(resourceName, 'svg'));
  };
  const exportPng = async () => {
    if (!laidOut) return;
    try {
      setExportError(null);
      downloadBlob(await exportDiagramPng(laidOut.graph, laidOut.layout), exportFileName(resourceName, 'png'));
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-1.5 dark:border-slate-700 dark:bg-slate-900">
      <h2 className="text-sm font-semibold text-slate-900 dark:text-slate-100">Topology</h2>
      {tone ? (
        <span
          data-testid="provision-state"
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE_BADGE[tone]}`}
        >
          {provisionState}
        </span>
      ) : null}
      <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {pending ? 'Updating…' : ''}
      </span>
      {exportError ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {exportError}
        </span>
      ) : null}
      <div className="ml-auto flex gap-1.5">
        <button type="button" className={BUTTON} onClick={onFit} disabled={!laidOut}>
          Fit to view
        </button>
        <button type="button" className={BUTTON} onClick={exportSvg} disabled={!laidOut}>
          Export SVG
        </button>
        <button type="button" className={BUTTON} onClick={() => void exportPng()} disabled={!laidOut}>
          Export PNG
        </button>
      </div>
    </div>
  );
}
