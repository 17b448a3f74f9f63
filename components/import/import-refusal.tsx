'use client';
/**
 * Why the workspace refused an import, listed in the import dialog: nothing
 * was saved, then each connector with problems (its label, connector name and
 * line, and every problem at its line), or the designs the workspace already
 * has for these connector names (links to open them). A problem's line
 * button puts the cursor there in the HCL text.
 */
import Link from 'next/link';
import type { ImportConflict, ImportProblem, ImportRefused } from '@/lib/client/workspace-api';

export type ImportRefusal = { problems: ImportRefused } | { conflict: ImportConflict };

function ProblemLine({
  problem,
  onShowLine,
}: {
  problem: ImportProblem;
  onShowLine(line: number, column: number): void;
}) {
  return (
    <li className="flex items-baseline gap-2">
      <button
        type="button"
        className="shrink-0 font-mono text-red-800 underline dark:text-red-300"
        onClick={() => onShowLine(problem.line, problem.column)}
      >
        line {problem.line}
      </button>
      <span>{problem.message}</span>
    </li>
  );
}

export function ImportRefusalPanel({
  refusal,
  edited,
  onShowLine,
}: {
  refusal: ImportRefusal;
  /** The text was edited since: these reasons are about the earlier text. */
  edited: boolean;
  onShowLine(line: number, column: number): void;
}) {
  const editedNote = edited && (
    <p className="mt-1 italic" data-testid="import-refusal-edited">
      The text has changed since; save again to check it.
    </p>
  );
  const box =
    'rounded-md border border-red-300 bg-red-50 p-3 text-xs text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100';
  if ('conflict' in refusal) {
    return (
      <section role="alert" aria-label="Import refused" className={box} data-testid="import-refusal">
        <p className="font-semibold">{refusal.conflict.error}</p>
        {editedNote}
        <ul className="mt-1 list-disc pl-5">
          {refusal.conflict.existing.map((d) => (
            <li key={d.id}>
              <Link className="underline" href={`/designs/${d.id}`}>
                {d.name}
              </Link>{' '}
              <span className="font-mono">({d.resource_name})</span>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const { error, connectors, file_problems } = refusal.problems;
  return (
    <section role="alert" aria-label="Import refused" className={box} data-testid="import-refusal">
      <p className="font-semibold">{error}</p>
      {editedNote}
      <ul className="mt-2 max-h-64 space-y-2 overflow-auto">
        {connectors.map((c) => (
          <li key={`${c.resource_name}|${c.line}`} data-testid="import-refused-connector">
            <p>
              <span className="font-mono font-semibold">{c.resource_name || '(no label)'}</span>
              {c.name && <span> · {c.name}</span>}
              <span className="text-red-800 dark:text-red-300"> · line {c.line}</span>
            </p>
            <ul className="mt-0.5 space-y-0.5 pl-3" aria-label={`Problems of ${c.resource_name}`}>
              {c.problems.map((p) => (
                <ProblemLine key={`${p.line}|${p.column}|${p.message}`} problem={p} onShowLine={onShowLine} />
              ))}
            </ul>
          </li>
        ))}
        {file_problems.length > 0 && (
          <li>
            <p className="font-semibold">The file</p>
            <ul className="mt-0.5 space-y-0.5 pl-3">
              {file_problems.map((p) => (
                <ProblemLine key={`${p.line}|${p.column}|${p.message}`} problem={p} onShowLine={onShowLine} />
              ))}
            </ul>
          </li>
        )}
      </ul>
    </section>
  );
}
