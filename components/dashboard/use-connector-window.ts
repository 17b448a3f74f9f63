'use client';
/**
 * The rows on screen, fetched page by page from the server's filtered list:
 * a virtualizer over the whole result (`total` rows) and one react-query per
 * page that the visible window touches. Pages scrolled away stay cached;
 * state changes are patched into them in place (use-live-connectors.ts).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { api } from '@/lib/client/api';
import type { ConnectorListPageResponse, ConnectorSummary } from '@/lib/client/types';
import type { InitialPage } from './initial-page';
import { apiPageUrl, PAGE_SIZE, pagesFor, queryKeyOf, type ListView } from './list-query';

/** Every cached page of the list lives under this key. */
export const PAGE_KEY_ROOT = ['connectors', 'page'] as const;
export const pageQueryKey = (viewKey: string, page: number) => [...PAGE_KEY_ROOT, viewKey, page] as const;

/** Fixed row height (px): the error of a failed row is one truncated line. */
export const ROW_HEIGHT = 56;

export type ConnectorMeta = Pick<ConnectorListPageResponse, 'backend' | 'counts' | 'facets'>;

/** The rows a server render lays out before the browser measures the scroller (about one screen). */
const SERVER_RECT = { width: 1280, height: 12 * ROW_HEIGHT };

export function useConnectorWindow(
  query: ListView,
  scrollRef: RefObject<HTMLDivElement | null>,
  restoreRow: number,
  initialPage: InitialPage | null = null,
) {
  const viewKey = queryKeyOf(query);
  const [known, setKnown] = useState<{ viewKey: string; total: number } | null>(null);
  const total = known?.viewKey === viewKey ? known.total : null;

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: SERVER_RECT,
  });
  const items = virtualizer.getVirtualItems();
  const [firstItem] = items;
  const lastItem = items.at(-1);
  const pages = total === null || !firstItem || !lastItem ? [1] : pagesFor(firstItem.index, lastItem.index);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: pageQueryKey(viewKey, page),
      queryFn: () => api.listConnectorPage(apiPageUrl(query, page)),
      initialData: initialPage?.viewKey === viewKey && initialPage.page === page ? initialPage.data : undefined,
      // Live events keep cached pages current; a page is refetched only when invalidated.
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 120_000,
    })),
  });

  const loaded = results.map((r, i) => ({ page: pages[i], data: r.data })).filter((r) => r.data);
  const first = loaded[0]?.data;
  const error = results.find((r) => r.error)?.error ?? null;

  // The total for this view, once a page of it has arrived (re-render at once).
  if (first && (known?.viewKey !== viewKey || known.total !== first.total)) setKnown({ viewKey, total: first.total });

  // Counts, facets and the backend are tenant-wide: keep the last ones across filter changes.
  const lastMeta = useRef<ConnectorMeta | null>(null);
  if (first) lastMeta.current = first;
  const meta: ConnectorMeta | null = first ?? lastMeta.current;

  const byPage = new Map(loaded.map((r) => [r.page, r.data as ConnectorListPageResponse]));
  const rowAt = (index: number): ConnectorSummary | undefined =>
    byPage.get(Math.floor(index / PAGE_SIZE) + 1)?.connectors[index % PAGE_SIZE];

  // Scroll to the URL's row once the view's total is known (first load, back/forward, filter change).
  const restoredFor = useRef<string | null>(null);
  useEffect(() => {
    if (total === null || restoredFor.current === viewKey || !scrollRef.current) return;
    restoredFor.current = viewKey;
    if (restoreRow > 0 && restoreRow < total) virtualizer.scrollToIndex(restoreRow, { align: 'start' });
    else scrollRef.current?.scrollTo({ top: 0 });
  }, [total, viewKey, restoreRow, virtualizer, scrollRef]);

  const updatedAt = Math.max(0, ...results.map((r) => r.dataUpdatedAt));
  return {
    virtualizer,
    items,
    total,
    rowAt,
    meta,
    error,
    updatedAt,
    isFetching: results.some((r) => r.isFetching),
    refetch: () => Promise.all(results.map((r) => r.refetch())),
  };
}
