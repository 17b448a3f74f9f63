'use client';
/**
 * A design's versions with their notes and times; pick two to see what
 * changed between them (plan-style), or restore an old one, which saves it
 * as the newest version so the history itself is never rewritten.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '@/lib/client/api';
import { useDesignVersions, useVersionDiff } from '@/lib/client/workspace-hooks';
import { RelativeTime } from '@/components/dashboard/relative-time';
import { ChangeList } from './change-list';

export interface HistoryDialogProps {
  id: number;
  latestVersion: number;
  provisionedVersion: number | null;
  unsaved: boolean;
  onRestore(version: number): Promise<void>;
}

const selectClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200 dark:border-slate-600 dark:bg-slate-950 dark:focus:ring-blue-800';

export function HistoryDialog({ id, latestVersion, provisionedVersion, unsaved, onRestore }: HistoryDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const versions = useDesignVersions(id, open);
  // Defaults to the latest change: the version before the newest against the newest.
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const diff = useVersionDiff(id, from, to);

  useEffect(() => {
    if (!open) return;
    setTo(latestVersion);
    setFrom(latestVersion > 1 ? latestVersion - 1 : null);
  }, [open, latestVersion]);

  const show = () => {
    setOpen(true);
    setRestoreError(null);
    dialogRef.current?.showModal();
  };

  const restore = async (version: number) => {
    const warning = unsaved ? ' Your unsaved changes in the form will be replaced.' : '';
    if (
      !window.confirm(
        `Restore version ${version}? It is saved as version ${latestVersion + 1}; every version stays in the history.${warning}`,
      )
    )
      return;
    setRestoring(version);
    setRestoreError(null);
    try {
      await onRestore(version);
      dialogRef.current?.close();
    } catch (e) {
      setRestoreError(errorMessage(e));
    } finally {
      setRestoring(null);
    }
  };

  const list = versions.data ?? [];
  const versionOptions = list.map((v) => (
    <option key={v.version} value={v.version}>
      Version {v.version}
      {v.note ? ` — ${v.note}` : ''}
    </option>
  ));

  return (
    <>
      <button type="button" className="btn-secondary text-xs" onClick={show} aria-haspopup="dialog">
        History
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(60rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="flex max-h-[calc(100vh-4rem)] flex-col">
          <header className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-700">
            <h2 id={titleId} className="text-base font-semibold">
              Version history
            </h2>
            <button type="button" className="btn-secondary text-xs" onClick={() => dialogRef.current?.close()}>
              Close
            </button>
          </header>
          <div className="grid min-h-0 flex-1 gap-4 overflow-auto p-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
            <section aria-label="Versions" className="min-h-0">
              {versions.isPending && <p className="text-sm text-slate-600 dark:text-slate-400">Loading versions…</p>}
              {versions.isError && (
                <p role="alert" className="text-sm text-red-800 dark:text-red-300">
                  Could not load the versions: {versions.error.message}
                </p>
              )}
              <ol className="space-y-2" data-testid="version-list">
                {list.map((v) => (
                  <li
                    key={v.version}
                    data-testid="version-row"
                    className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700"
                  >
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold">Version {v.version}</span>
                      {v.version === latestVersion && (
                        <span className="rounded bg-blue-100 px-1.5 text-xs text-blue-900 dark:bg-blue-950 dark:text-blue-200">
                          latest
                        </span>
                      )}
                      {v.version === provisionedVersion && (
                        <span className="rounded bg-green-100 px-1.5 text-xs text-green-900 dark:bg-green-950 dark:text-green-200">
                          provisioned
                        </span>
                      )}
                      <span className="ml-auto text-xs text-slate-600 dark:text-slate-400">
                        <RelativeTime iso={v.created_at} />
                      </span>
                    </p>
                    <p className="mt-0.5 text-slate-700 dark:text-slate-300">
                      {v.note || <span className="italic text-slate-600 dark:text-slate-400">No note</span>}
                    </p>
                    {v.version !== latestVersion && (
                      <button
                        type="button"
                        className="btn-link mt-1 text-xs"
                        disabled={restoring !== null}
                        onClick={() => void restore(v.version)}
                        aria-label={`Restore version ${v.version}`}
                      >
                        {restoring === v.version ? 'Restoring…' : 'Restore'}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
              {restoreError && (
                <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
                  Could not restore: {restoreError}
                </p>
              )}
            </section>
            <section aria-label="Compare versions" className="min-h-0 space-y-3">
              {list.length < 2 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Only one version so far: save a change to compare versions.
                </p>
              ) : (
                <>
                  <div className="flex flex-wrap items-end gap-3 text-sm">
                    <label className="flex flex-col gap-1">
                      <span className="text-xs font-medium text-slate-600 dark:text-slate-400">From</span>
                      <select
                        className={selectClass}
                        value={from ?? ''}
                        onChange={(e) => setFrom(Number(e.target.value))}
                      >
                        {versionOptions}
                      </select>
                    </label>
                    <label className="flex flex-col gap-1">
                      <span className="text-xs font-medium text-slate-600 dark:text-slate-400">To</span>
                      <select className={selectClass} value={to ?? ''} onChange={(e) => setTo(Number(e.target.value))}>
                        {versionOptions}
                      </select>
                    </label>
                  </div>
                  {from === to && (
                    <p className="text-sm text-slate-600 dark:text-slate-400">Pick two different versions.</p>
                  )}
                  {diff.isPending && from !== to && (
                    <p className="text-sm text-slate-600 dark:text-slate-400">Comparing…</p>
                  )}
                  {diff.isError && (
                    <p role="alert" className="text-sm text-red-800 dark:text-red-300">
                      Could not compare: {diff.error.message}
                    </p>
                  )}
                  {diff.data && from !== to && (
                    <div aria-live="polite" className="space-y-2">
                      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="diff-summary">
                        {diff.data.length === 0
                          ? `No differences between version ${from} and version ${to}.`
                          : `${diff.data.length} change${diff.data.length === 1 ? '' : 's'} from version ${from} to version ${to}:`}
                      </p>
                      {diff.data.length > 0 && (
                        <ChangeList changes={diff.data} label={`Changes from version ${from} to version ${to}`} />
                      )}
                    </div>
                  )}
                </>
              )}
            </section>
          </div>
        </div>
      </dialog>
    </>
  );
}
