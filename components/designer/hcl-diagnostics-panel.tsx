'use client';
/**
 * "HCL diagnostics" next to the error summary: what the editor reports about
 * the HCL itself. Clicking one puts the editor cursor on it.
 */
import { useMemo } from 'react';
import { HclDiagnosticLine } from './hcl-diagnostic-line';
import { useDesignState, useDocumentStore } from './design-document-context';

export function HclDiagnosticsPanel() {
  const store = useDocumentStore();
  const fileDiagnostics = useDesignState((s) => s.diagnostics);
  // The values the file keeps for fields it cannot take yet come first: they are what the user is typing.
  const held = useDesignState((s) => s.held);
  const diagnostics = useMemo(
    () => (held.length ? [...held, ...fileDiagnostics] : fileDiagnostics),
    [held, fileDiagnostics],
  );
  if (diagnostics.length === 0) return null;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section
      aria-label="HCL diagnostics"
      data-testid="hcl-diagnostics"
      className={`rounded-lg border px-3 py-2 ${errors ? 'border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950/60' : 'border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900'}`}
    >
      <h2
        className={`text-xs font-semibold ${errors ? 'text-red-800 dark:text-red-300' : 'text-slate-800 dark:text-slate-200'}`}
      >
        HCL diagnostics ({diagnostics.length})
      </h2>
      <ul className="mt-1 max-h-32 space-y-0.5 overflow-auto">
        {diagnostics.map((d) => (
          <li key={`${d.from}|${d.severity}|${d.message}`}>
            <button
              type="button"
              onClick={() => store.reveal(d.from, d.to)}
              className="w-full rounded px-1.5 py-0.5 text-left text-xs hover:bg-slate-100/70 dark:hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              <HclDiagnosticLine diagnostic={d} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
