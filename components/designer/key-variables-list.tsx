'use client';
import { useState } from 'react';

/** Names shown before "Show all": a file of many connectors can reference thousands of key variables. */
const SHOWN_AT_FIRST = 48;

/** The sensitive variables the file's keys reference (`names`: one per line), to set before `terraform apply`. */
export function KeyVariablesList({ names }: { names: string }) {
  const [all, setAll] = useState(false);
  if (names === '') return null;
  const list = names.split('\n');
  const shown = all ? list : list.slice(0, SHOWN_AT_FIRST);
  const hidden = list.length - shown.length;
  return (
    <div
      className="max-h-28 overflow-auto border-t border-slate-200 px-3 py-2 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-200"
      data-testid="psk-variables"
    >
      <p className="font-medium">Set these sensitive variables before apply (e.g. TF_VAR_name):</p>
      <ul className="mt-1 flex flex-wrap gap-1">
        {shown.map((name) => (
          <li
            key={name}
            title="referenced by a sensitive value in the file"
            className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-800 dark:bg-slate-800 dark:text-slate-100"
          >
            {name}
          </li>
        ))}
      </ul>
      {list.length > SHOWN_AT_FIRST && (
        <button type="button" className="btn-link mt-1 text-xs" onClick={() => setAll(!all)}>
          {all
            ? 'Show fewer'
            : `Show all ${list.length.toLocaleString('en-US')} variables (${hidden.toLocaleString('en-US')} more)`}
        </button>
      )}
    </div>
  );
}
