'use client';
/**
 * The `/designs` page body: every design in the shared workspace, searchable
 * and sortable, with the state of the live connector each one was provisioned
 * to. Designs come in from the designer ("Save to workspace") or from a .tf
 * file with several connectors ("Import .tf").
 */
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '@/lib/client/api';
import { workspaceApi, type DesignSummary } from '@/lib/client/workspace-api';
import { useDesignList, workspaceKeys } from '@/lib/client/workspace-hooks';
import { clockTime } from '@/lib/client/format';
import { ErrorState } from '@/components/dashboard/error-state';
import { primaryButtonClass } from '@/components/dashboard/button-styles';
import { DesignTable } from './design-table';
import { WorkspaceImport } from './workspace-import';
import { searchDesigns, sortDesigns, type DesignTableSort } from './workspace-list';

const inputClass =
  'w-72 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200 dark:border-slate-600 dark:bg-slate-900 dark:focus:ring-blue-800';

export function DesignsWorkspace({
  imported,
  importedBefore = false,
}: {
  /** How many designs an import just created, shown as a notice. */
  imported?: number;
  /** The import had been made before: its designs were already there and nothing new was saved. */
  importedBefore?: boolean;
}) {
  const list = useDesignList();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<DesignTableSort>({ key: 'updated_at', direction: 'descending' });
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  const queryClient = useQueryClient();
  // The last deletion, offered for undo; or what went wrong.
  const [deleted, setDeleted] = useState<DesignSummary | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
  const remove = async (row: DesignSummary) => {
    setActionError(null);
    try {
      await workspaceApi.remove(row.id);
      setDeleted(row);
    } catch (e) {
      setActionError(`Could not delete ${row.name}: ${errorMessage(e)}`);
    }
    await refresh();
  };
  const undo = async (row: DesignSummary) => {
    setActionError(null);
    try {
      await workspaceApi.undoRemove(row.id);
      setDeleted(null);
    } catch (e) {
      setActionError(`Could not bring back ${row.name}: ${errorMessage(e)}`);
    }
    await refresh();
  };
  const all = list.data;
  const rows = useMemo(() => (all ? sortDesigns(searchDesigns(all, text), sort) : []), [all, text, sort]);

  return (
    <div className="mx-auto max-w-7xl space-y-5 p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Designs</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The team&apos;s shared workspace: versioned connector designs, reviewed before they are provisioned.
          </p>
        </div>
        <div className="flex items-center gap-3">
          {list.dataUpdatedAt > 0 && (
            <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="off">
              Updated {clockTime(list.dataUpdatedAt)}
            </p>
          )}
          <WorkspaceImport />
          <Link href="/designer" className={primaryButtonClass}>
            New design
          </Link>
        </div>
      </header>

      {imported !== undefined && !noticeDismissed && (
        <div
          role="status"
          className="flex items-center justify-between rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-950 dark:border-green-800 dark:bg-green-950/40 dark:text-green-100"
        >
          <span>
            {importedBefore
              ? `This file was imported before: its ${imported} design${imported === 1 ? ' is' : 's are'} already in the workspace, so nothing new was saved.`
              : `Imported ${imported} design${imported === 1 ? '' : 's'} into the workspace.`}
          </span>
          <button type="button" className="text-xs underline" onClick={() => setNoticeDismissed(true)}>
            Dismiss
          </button>
        </div>
      )}

      {deleted && (
        <div
          role="status"
          className="flex items-center justify-between rounded border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          <span>
            Design <strong>{deleted.name}</strong> was deleted.
          </span>
          <button type="button" className="btn-link text-sm" onClick={() => void undo(deleted)}>
            Undo
          </button>
        </div>
      )}
      {actionError && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100"
        >
          {actionError}
        </p>
      )}

      {list.isPending && <p className="text-sm text-slate-600 dark:text-slate-400">Loading designs…</p>}
      {list.isError && (
        <ErrorState
          title="Could not load the designs"
          message={list.error.message}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      )}

      {all && all.length === 0 && (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center dark:border-slate-600 dark:bg-slate-900">
          <p className="text-lg font-medium">No designs in the workspace yet</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Design a connector and choose “Save to workspace”, or import a .tf file with one or more connectors.
          </p>
          <Link href="/designer" className={`${primaryButtonClass} mt-4`}>
            New design
          </Link>
        </div>
      )}

      {all && all.length > 0 && (
        <>
          <div role="search" className="flex flex-col gap-1">
            <label htmlFor="design-search" className="text-xs font-medium text-slate-600 dark:text-slate-400">
              Search by name or resource label
            </label>
            <input
              id="design-search"
              type="search"
              className={inputClass}
              value={text}
              placeholder="e.g. prod"
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          {rows.length > 0 ? (
            <DesignTable rows={rows} sort={sort} onSortChange={setSort} onDelete={(row) => void remove(row)} />
          ) : (
            <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400">
              No design matches “{text}”.
            </p>
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Showing {rows.length} of {all.length} design{all.length === 1 ? '' : 's'}
          </p>
        </>
      )}
    </div>
  );
}
