'use client';
/** Why the form and the HCL editor disagree right now, with the way out. */
import { RESOURCE_TYPE } from '@/lib/connector/hcl/render';
import { useDesignState, useDocumentStore } from './design-document-context';

export function EditorSyncNotes() {
  const store = useDocumentStore();
  const status = useDesignState((s) => s.status);
  const resourceCount = useDesignState((s) => s.resources.length);
  const formAhead = useDesignState((s) => s.formAhead);
  if (status === 'synced' && !formAhead) return null;

  let note: string;
  if (status === 'syntax')
    note = formAhead
      ? 'HCL has errors — the form changed meanwhile, and the file cannot take it until they are fixed.'
      : 'HCL has errors — the form keeps the last valid design.';
  else if (status === 'resource-count')
    note = `The HCL needs a ${RESOURCE_TYPE} resource (found ${resourceCount}) — the form keeps the last valid design.`;
  else if (status === 'conflict')
    note = 'Both changed: the form while the HCL had errors, then the HCL. Choose which one to keep.';
  else note = 'The form changed while you were editing the HCL.';

  return (
    <div
      role="status"
      data-testid="hcl-sync-note"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-amber-200 dark:border-amber-800 bg-amber-50 dark:bg-amber-950/60 px-3 py-1.5 text-xs text-amber-900 dark:text-amber-200"
    >
      <span className="mr-auto">{note}</span>
      {status === 'conflict' && (
        <button type="button" className="btn-secondary text-xs" onClick={() => store.applyToForm()}>
          Apply the HCL to the form
        </button>
      )}
      {(formAhead || status === 'conflict') && (
        <button type="button" className="btn-secondary text-xs" onClick={() => store.replaceWithFormHcl()}>
          Replace editor text with the form&apos;s HCL
        </button>
      )}
    </div>
  );
}
