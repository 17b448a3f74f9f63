'use client';
/**
 * A change list shown like `terraform plan`: one box per block, a line per
 * attribute (`+` added, `-` removed, `~` changed: before → after). The symbol
 * is always spelled out for screen readers, so colour is never the only cue.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type { DesignChange } from '@/lib/client/workspace-api';
import { groupChanges, type ChangeLine } from './change-groups';

const ACTION_WORD: Record<ChangeLine['action'], string> = { create: 'added', update: 'changed', delete: 'removed' };
const SYMBOL_STYLE: Record<ChangeLine['action'], string> = {
  create: 'text-green-800 dark:text-green-300',
  update: 'text-amber-800 dark:text-amber-300',
  delete: 'text-red-800 dark:text-red-300',
};

export function ChangeList({
  changes,
  design,
  label,
}: {
  changes: readonly DesignChange[];
  design?: ConnectorDesign;
  label: string;
}) {
  const groups = groupChanges(changes, design);
  return (
    <div className="space-y-2 font-mono text-xs" role="group" aria-label={label} data-testid="change-list">
      {groups.map((group) => (
        <section
          key={group.key}
          className="rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950/60"
          aria-label={group.title}
        >
          <h4 className="border-b border-slate-200 px-2 py-1 font-sans text-xs font-semibold text-slate-700 dark:border-slate-700 dark:text-slate-300">
            {group.title}
          </h4>
          <ul className="space-y-0.5 px-2 py-1.5">
            {group.lines.map((line) => (
              <li
                key={line.path}
                data-testid="change-line"
                data-path={line.path}
                data-action={line.action}
                className="break-all"
              >
                <span aria-hidden="true" className={`mr-1.5 inline-block w-3 font-bold ${SYMBOL_STYLE[line.action]}`}>
                  {line.symbol}
                </span>
                <span className="sr-only">{ACTION_WORD[line.action]}: </span>
                <span className="text-slate-900 dark:text-slate-100">{line.attribute}</span>
                <span className="text-slate-600 dark:text-slate-400"> = </span>
                {line.action === 'update' ? (
                  <>
                    <span className="text-red-800 dark:text-red-300">{line.before}</span>
                    <span className="text-slate-600 dark:text-slate-400"> → </span>
                    <span className="text-green-800 dark:text-green-300">{line.after}</span>
                  </>
                ) : line.action === 'create' ? (
                  <span className="text-green-800 dark:text-green-300">{line.after}</span>
                ) : (
                  <span className="text-red-800 line-through dark:text-red-300">{line.before}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
