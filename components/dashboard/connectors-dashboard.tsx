'use client';
/**
 * The `/connectors` page body: tenant-wide counts, filters and a virtualized
 * table over the server's paged list, kept live by the event stream.
 *
 * The URL holds the view (filters, sort, first row on screen): discrete
 * changes (a filter, a sort, a summary tile) push a history entry so Back
 * restores the previous view; typing and scrolling replace the current one.
 * `history.pushState`/`replaceState` are Next's shallow URL updates: the
 * server page is not re-rendered, `useSearchParams` follows.
 */
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clockTime } from '@/lib/client/format';
import { BackendBadge } from './backend-badge';
import { primaryButtonClass } from './button-styles';
import { ConnectorFilters } from './connector-filters';
import { ConnectorTable } from './connector-table';
import { ErrorState } from './error-state';
import type { InitialPage } from './initial-page';
import {
  DEFAULT_QUERY,
  hasFilters,
  pageSearch,
  parseListQuery,
  parseRow,
  withFilter,
  type FilterKey,
  type ListView,
} from './list-query';
import { SummaryStrip } from './summary-strip';
import { useConnectorWindow } from './use-connector-window';
import { useLiveConnectors, type LiveMode } from './use-live-connectors';

export interface ConnectorsDashboardProps {
  /** Name of a connector just deleted from its detail page, shown as a notice. */
  deletedName?: string;
  /** The page the view opens on, read by the server with the HTML (initial-page.ts). */
  initialPage?: InitialPage | null;
}

const TEXT_DEBOUNCE_MS = 250;
const ROW_DEBOUNCE_MS = 800;

function setUrl(query: ListView, row: number, how: 'push' | 'replace') {
  const url = `${window.location.pathname}${pageSearch(query, row)}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (how === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

const LIVE_LABEL: Record<LiveMode, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  polling: 'Reconnecting; polling in-flight requests',
};

export function ConnectorsDashboard({ deletedName, initialPage = null }: ConnectorsDashboardProps) {
  const searchParams = useSearchParams();
  const query = useMemo(() => parseListQuery(searchParams), [searchParams]);
  const urlRow = parseRow(searchParams);
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const live = useLiveConnectors();
  const win = useConnectorWindow(query, scrollRef, urlRow, initialPage);

  // The search box: local while typing, in the URL after a pause; follows the URL on Back/Forward.
  const [text, setText] = useState(query.q);
  const typed = useRef(query.q);
  useEffect(() => {
    if (query.q !== typed.current) {
      typed.current = query.q;
      setText(query.q);
    }
  }, [query.q]);
  useEffect(() => {
    if (text.trim() === query.q) return;
    const timer = setTimeout(() => {
      typed.current = text.trim();
      setUrl({ ...query, q: text.trim() }, 0, 'replace');
    }, TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query]);

  // The first row on screen, into the URL once scrolling pauses (shareable position; a URL
  // update re-renders the router's tree, so not while the list is still moving).
  const firstVisible = win.virtualizer.range?.startIndex ?? 0;
  const scrolling = win.virtualizer.isScrolling;
  useEffect(() => {
    if (win.total === null || scrolling || firstVisible === urlRow) return;
    const timer = setTimeout(() => setUrl(query, firstVisible, 'replace'), ROW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [firstVisible, urlRow, query, win.total, scrolling]);

  // Stable between scroll frames (the table re-renders as it scrolls; the strip and filters need not).
  const onSelectStates = useCallback(
    (states: string[]) => setUrl(withFilter(query, 'state', states), 0, 'push'),
    [query],
  );
  const onFilterChange = useCallback(
    (key: FilterKey, values: string[]) => setUrl(withFilter(query, key, values), 0, 'push'),
    [query],
  );
  const onClear = useCallback(() => {
    typed.current = '';
    setText('');
    setUrl({ ...DEFAULT_QUERY, sort: query.sort, order: query.order }, 0, 'push');
  }, [query]);

  const { meta, total } = win;
  const empty = meta !== null && meta.counts.all === 0 && !hasFilters(query);

  return (
    <div className="mx-auto max-w-[96rem] space-y-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Connectors</h1>
          {meta && <BackendBadge backend={meta.backend} />}
        </div>
        <div className="flex items-center gap-4">
          <p
            className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400"
            data-testid="live-status"
            data-mode={live}
          >
            <span
              aria-hidden="true"
              className={`inline-block h-2 w-2 rounded-full ${live === 'live' ? 'bg-green-600' : live === 'polling' ? 'bg-amber-500' : 'bg-slate-400'}`}
            />
            {LIVE_LABEL[live]}
          </p>
          {win.updatedAt > 0 && (
            <p
              className="hidden text-xs text-slate-500 dark:text-slate-400 sm:block"
              aria-live="off"
              data-testid="updated-at"
              suppressHydrationWarning
            >
              Updated {clockTime(win.updatedAt)}
              {win.isFetching && <span className="sr-only"> (refreshing)</span>}
            </p>
          )}
          <Link href="/designer" className={primaryButtonClass}>
            New connector
          </Link>
        </div>
      </header>

      {deletedName && !noticeDismissed && (
        <div
          role="status"
          className="flex items-center justify-between rounded border border-green-300 dark:border-green-800 bg-green-50 dark:bg-green-950/40 px-3 py-2 text-sm text-green-950 dark:text-green-100"
        >
          <span>
            Connector <strong>{deletedName}</strong> was deleted.
          </span>
          <button type="button" className="text-xs underline" onClick={() => setNoticeDismissed(true)}>
            Dismiss
          </button>
        </div>
      )}

      {win.error && (
        <ErrorState
          title="Could not load the connectors"
          message={win.error.message}
          onRetry={() => void win.refetch()}
          retrying={win.isFetching}
        />
      )}

      {!meta && !win.error && <p className="text-sm text-slate-600 dark:text-slate-400">Loading connectors…</p>}

      {empty && (
        <div className="rounded-lg border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 p-10 text-center">
          <p className="text-lg font-medium">No connectors yet</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Design an Azure ExpressRoute connector, validate it and provision it from the designer.
          </p>
          <Link href="/designer" className={`${primaryButtonClass} mt-4`}>
            New connector
          </Link>
        </div>
      )}

      {meta && !empty && (
        <>
          <SummaryStrip counts={meta.counts} activeStates={query.filters.state} onSelect={onSelectStates} />
          <ConnectorFilters
            query={query}
            text={text}
            facets={meta.facets}
            onTextChange={setText}
            onFilterChange={onFilterChange}
            onClear={onClear}
          />
          {total === 0 ? (
            <p className="rounded border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4 text-sm text-slate-600 dark:text-slate-400">
              No connector matches the filter.
            </p>
          ) : (
            <ConnectorTable
              scrollRef={scrollRef}
              items={win.items}
              totalSize={win.virtualizer.getTotalSize()}
              rowAt={win.rowAt}
              sort={query.sort}
              order={query.order}
              onSortChange={(sort, order) => setUrl({ ...query, sort, order }, 0, 'push')}
            />
          )}
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="row-count">
            {total === null
              ? 'Loading…'
              : `${total.toLocaleString('en-US')} of ${meta.counts.all.toLocaleString('en-US')} connector${meta.counts.all === 1 ? '' : 's'}`}
          </p>
        </>
      )}
    </div>
  );
}
