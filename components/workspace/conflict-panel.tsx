'use client';
/**
 * A save that lost to a newer version (409), merged three ways: the user's
 * edits stay in the form, unsaved; this shows what the newer version changed
 * (and who saved it), what the user changed, and — where both changed the same
 * attribute or block — the two values side by side to choose from. Changes
 * that do not touch the same attribute merge by themselves. "Save merged"
 * stores the merge as the next version (both authors in its note) once every
 * conflict has a choice, and loads it into the form; nothing either person
 * typed is dropped without a choice. Or load the newer version instead.
 */
import { useId, useState } from 'react';
import { useAsyncAction } from '@/lib/client/use-async-action';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { MergeConflict, MergeSide } from '@/lib/client/workspace-api';
import type { StaleAttempt } from './design-editor';
import { ChangeList } from './change-list';
import { formatValue, groupChanges } from './change-groups';

export interface ConflictPanelProps {
  attempt: StaleAttempt;
  /** Saves the merge with a choice per conflict id. */
  onSaveMerged(resolutions: Record<string, MergeSide>): Promise<void>;
  onLoadLatest(): Promise<void>;
  onDismiss(): void;
}

const MAX_SHOWN = 200;

/** Where a conflict is, as the change lists name it: its block (`instance 1 "primary"`) and attribute. */
function whereOf(conflict: MergeConflict, design: ConnectorDesign): { block: string; attribute: string } {
  const dotted = conflict.path.join('.');
  const group = groupChanges(
    [{ path: conflict.kind === 'block' ? `${dotted}.block` : dotted, action: 'update', before: '', after: '' }],
    design,
  )[0];
  return {
    block: group?.title ?? 'connector',
    attribute: conflict.kind === 'block' ? 'the whole block' : (group?.lines[0]?.attribute ?? dotted),
  };
}

function shownValue(conflict: MergeConflict, value: unknown): string {
  if (value === undefined) return conflict.kind === 'block' ? 'removed' : 'unset';
  const leaf = String(conflict.path[conflict.path.length - 1] ?? '');
  const text = formatValue(value, conflict.kind === 'attribute' ? leaf : '');
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function ConflictChoice({
  conflict,
  design,
  theirsLabel,
  choice,
  onChoose,
}: {
  conflict: MergeConflict;
  design: ConnectorDesign;
  theirsLabel: string;
  choice: MergeSide | undefined;
  onChoose(side: MergeSide): void;
}) {
  const name = useId();
  const where = whereOf(conflict, design);
  const option = (side: MergeSide, label: string, value: unknown) => (
    <label
      className={`flex min-w-0 flex-1 cursor-pointer flex-col gap-1 rounded border p-2 ${
        choice === side
          ? 'border-blue-600 bg-blue-50 ring-2 ring-blue-200 dark:border-blue-400 dark:bg-blue-950/60 dark:ring-blue-800'
          : 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900'
      }`}
    >
      <span className="flex items-center gap-2 font-sans text-xs font-semibold text-slate-900 dark:text-slate-100">
        <input type="radio" name={name} value={side} checked={choice === side} onChange={() => onChoose(side)} />
        {label}
      </span>
      <span className="break-all font-mono text-xs text-slate-800 dark:text-slate-200" data-testid={`conflict-${side}`}>
        {shownValue(conflict, value)}
      </span>
    </label>
  );
  return (
    <fieldset
      className="space-y-1.5 rounded border border-red-200 bg-white/70 p-2 dark:border-red-900 dark:bg-slate-950/40"
      data-testid="merge-conflict"
      data-path={conflict.path.join('.')}
    >
      <legend className="px-1 text-xs font-semibold text-slate-900 dark:text-slate-100">
        {where.block} › <span className="font-mono">{where.attribute}</span>
        <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">
          was {shownValue(conflict, conflict.base)}
        </span>
      </legend>
      <div className="flex flex-col gap-2 sm:flex-row">
        {option('theirs', theirsLabel, conflict.theirs)}
        {option('mine', 'Yours', conflict.mine)}
      </div>
    </fieldset>
  );
}

export function ConflictPanel({ attempt, onSaveMerged, onLoadLatest, onDismiss }: ConflictPanelProps) {
  const { latest, merge } = attempt.stale;
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const { busy, error, run } = useAsyncAction();
  const open = merge.conflicts.filter((c) => !choices[c.id]).length;
  const theirs = `Version ${latest.version}${merge.theirs_author ? ` (${merge.theirs_author})` : ''}`;

  return (
    <section
      role="alert"
      aria-label="Save conflict"
      data-testid="save-conflict"
      className="mb-3 space-y-3 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100"
    >
      <p className="font-semibold">Not saved: someone saved version {latest.version} while you were editing.</p>
      <p>
        Your changes are still in the form{attempt.note ? ` (with your note “${attempt.note}”)` : ''}. {theirs}
        {latest.note ? ` — “${latest.note}” —` : ''} and your edits both start from version {merge.base_version}; they
        are merged below.
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <div className="space-y-1" data-testid="merge-theirs">
          <h3 className="text-xs font-semibold">
            {theirs} changed {merge.theirs_changes.length} thing{merge.theirs_changes.length === 1 ? '' : 's'}:
          </h3>
          {merge.theirs_changes.length > 0 && (
            <ChangeList
              changes={merge.theirs_changes}
              design={latest.design}
              label={`${theirs}: changes from version ${merge.base_version}`}
            />
          )}
        </div>
        <div className="space-y-1" data-testid="merge-mine">
          <h3 className="text-xs font-semibold">
            You changed {merge.mine_changes.length} thing{merge.mine_changes.length === 1 ? '' : 's'}:
          </h3>
          {merge.mine_changes.length > 0 && (
            <ChangeList
              changes={merge.mine_changes}
              design={attempt.design}
              label={`Your changes from version ${merge.base_version}`}
            />
          )}
        </div>
      </div>
      {merge.conflicts.length === 0 ? (
        <p data-testid="merge-summary">No change touches the same attribute: they merge without a choice.</p>
      ) : (
        <div className="space-y-2">
          <p data-testid="merge-summary" className="font-semibold">
            {merge.conflicts.length} conflict{merge.conflicts.length === 1 ? '' : 's'}: both changed the same{' '}
            {merge.conflicts.length === 1 ? 'attribute' : 'attributes'}. Choose which value to keep.
          </p>
          {merge.conflicts.map((c) => (
            <ConflictChoice
              key={c.id}
              conflict={c}
              design={latest.design}
              theirsLabel={theirs}
              choice={choices[c.id]}
              onChoose={(side) => setChoices((s) => ({ ...s, [c.id]: side }))}
            />
          ))}
        </div>
      )}
      {merge.file === 'rendered' && (
        <p className="text-xs">
          The merged version is saved without version {latest.version}’s file text (the merge could not be applied to
          it); it reopens as its rendering.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn-primary text-xs"
          disabled={busy || open > 0}
          onClick={() => void run(() => onSaveMerged(choices))}
        >
          Save merged as version {latest.version + 1}
        </button>
        {open > 0 && (
          <span className="text-xs">
            Choose a value for {open} more conflict{open === 1 ? '' : 's'} first.
          </span>
        )}
        <button
          type="button"
          className="btn-secondary text-xs"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Load version ${latest.version}? Your changes in the form will be replaced.`))
              void run(onLoadLatest);
          }}
        >
          Load version {latest.version} instead
        </button>
        <button type="button" className="btn-link text-xs" disabled={busy} onClick={onDismiss}>
          Keep editing
        </button>
      </div>
      {error && <p className="text-xs">Could not do that: {error}</p>}
    </section>
  );
}
