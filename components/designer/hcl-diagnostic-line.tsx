/** One HCL diagnostic as a line of text: severity icon, line:column, message. */
import type { HclDiagnostic, HclSeverity } from '@/lib/connector/hcl/import/diagnostics';

const SEVERITY: Record<HclSeverity, { icon: string; label: string; className: string }> = {
  error: { icon: '✕', label: 'Error', className: 'text-red-700 dark:text-red-300' },
  warning: { icon: '▲', label: 'Warning', className: 'text-amber-700 dark:text-amber-300' },
  info: { icon: 'i', label: 'Note', className: 'text-blue-700 dark:text-blue-300' },
};

export function HclDiagnosticLine({ diagnostic }: { diagnostic: HclDiagnostic }) {
  const severity = SEVERITY[diagnostic.severity];
  return (
    <span className="flex items-baseline gap-1.5" data-severity={diagnostic.severity}>
      <span aria-hidden="true" className={`w-3 shrink-0 text-center text-[10px] font-bold ${severity.className}`}>
        {severity.icon}
      </span>
      <span className="sr-only">{severity.label}:</span>
      <code className="shrink-0 font-mono text-[11px] text-slate-600 dark:text-slate-400">
        {diagnostic.line}:{diagnostic.column}
      </code>
      <span className="min-w-0 break-words text-slate-800 dark:text-slate-200">{diagnostic.message}</span>
    </span>
  );
}
