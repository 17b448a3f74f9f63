'use client';
/**
 * Parts of a design that Terraform evaluates, shown read-only in the form with
 * their source text: a whole list given as an expression (`var.ids`, a splat,
 * a `for`, `concat(…)`) and `dynamic` blocks. The HCL editor edits them; the
 * form never turns them into something else behind the user's back.
 */
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { expressionBody, isExpression, type ConnectorDesign } from '@/lib/connector/design';
import { fieldId } from './form-fields';
import type { FormPath } from './form-types';

const codeClass =
  'block w-full overflow-x-auto rounded-md border border-dashed border-slate-300 dark:border-slate-600 bg-slate-50 dark:bg-slate-900 px-2 py-1 font-mono text-[13px] text-slate-800 dark:text-slate-200';

/** The list field (`children`), or — when the whole list is an expression — that expression, read-only. */
export function ListOrExpression({ path, label, children }: { path: FormPath; label: string; children: ReactNode }) {
  const value = useWatch<ConnectorDesign>({ name: path });
  if (!isExpression(value)) return children;
  const noteId = `${fieldId(path)}-note`;
  return (
    <div>
      <span className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">{label}</span>
      <output id={fieldId(path)} aria-describedby={noteId} className={codeClass} data-expression-list={path}>
        {expressionBody(value)}
      </output>
      <p id={noteId} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        Terraform evaluates this list. Edit it in the HCL editor.
      </p>
    </div>
  );
}

interface DynamicBlocksProps {
  /** The body's path (`''` for the resource, `instances.0` for an instance). */
  base: string;
  /** The block type they generate, e.g. `segment_options`. */
  block: string;
}

/** The source texts of the `dynamic "<block>"` blocks of a body ([] when it has none). */
export function useDynamicSources(base: string, block: string): string[] {
  const dynamic = useWatch<ConnectorDesign>({ name: (base ? `${base}.dynamic` : 'dynamic') as FormPath });
  const sources =
    dynamic && typeof dynamic === 'object' && !Array.isArray(dynamic)
      ? (dynamic as Record<string, unknown>)[block]
      : undefined;
  return Array.isArray(sources) ? sources.filter((s): s is string => typeof s === 'string') : [];
}

/** The `dynamic "<block>"` blocks of a body, as written, read-only. */
export function DynamicBlocks({ base, block }: DynamicBlocksProps) {
  const sources = useDynamicSources(base, block);
  if (sources.length === 0) return null;
  return (
    <div className="mt-2 space-y-2" data-dynamic-blocks={base ? `${base}.${block}` : block}>
      {sources.map((source, i) => (
        <figure key={i}>
          <figcaption className="mb-0.5 text-xs text-slate-600 dark:text-slate-400">
            <code className="font-mono">dynamic &quot;{block}&quot;</code>: Terraform generates these {block} blocks.
            Edit them in the HCL editor.
          </figcaption>
          <pre className={`${codeClass} whitespace-pre`}>{source}</pre>
        </figure>
      ))}
    </div>
  );
}
