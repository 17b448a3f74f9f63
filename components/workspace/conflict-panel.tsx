'use client';
/**
 * A save that lost to a newer version (409): the user's edits stay in the
 * form, unsaved; this says who won with which version and what it differs in,
 * and offers the two ways on — save the edits anyway as the next version
 * (the other version stays in the history), or load the newer version.
 */
import { useState } from 'react';
import { errorMessage } from '@/lib/client/api';
import type { StaleAttempt } from './DesignEditor';
import { ChangeList } from './change-list';

export interface ConflictPanelProps {
  attempt: StaleAttempt;
  onSaveAnyway(): Promise<void>;
  onLoadLatest(): Promise<void>;
  onDismiss(): void;
}

export function ConflictPanel({ attempt, onSaveAnyway, onLoadLatest, onDismiss }: ConflictPanelProps) {
  const { latest, changes } = attempt.stale;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      role="alert"
      aria-label="Save conflict"
      data-testid="save-conflict"
      className="mb-3 space-y-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100"
    >
      <p className="font-semibold">Not saved: someone saved version {latest.version} while you were editing.</p>
      <p>
        Your changes are still in the form{attempt.note ? ` (with your note “${attempt.note}”)` : ''}. Version {latest.version}
        {latest.note ? ` — “${latest.note}” —` : ''} differs from what you tried to save in {changes.length} place{changes.length === 1 ? '' : 's'}
        {changes.length > 0 ? ' (version ' + latest.version + ' → yours):' : '.'}
      </p>
      {changes.length > 0 && <ChangeList changes={changes} label={`Version ${latest.version} compared with your changes`} />}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn-primary text-xs" disabled={busy} onClick={() => void run(onSaveAnyway)}>
          Save mine as version {latest.version + 1}
        </button>
        <button
          type="button"
          className="btn-secondary text-xs"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Load version ${latest.version}? Your changes in the form will be replaced.`)) void run(onLoadLatest);
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
