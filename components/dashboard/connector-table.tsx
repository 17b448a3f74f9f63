'use client';
/**
 * The connector table, virtualized: only the rows in (and just around) the
 * scroll window are in the DOM, spacer rows stand in for the rest. Sortable
 * headers (click or Enter/Space; `aria-sort`). Below `md` only the name and
 * the state remain; wider screens add columns step by step.
 */
import Link from 'next/link';
import { memo, type RefObject } from 'react';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { ConnectorListSort, ConnectorSummary, SortOrder } from '@/lib/client/types';
import { StateBadge } from '@/components/provisioning/state-badge';
import { RelativeTime } from './relative-time';
import { ROW_HEIGHT } from './use-connector-window';

export interface ConnectorTableProps {
  scrollRef: RefObject<HTMLDivElement | null>;
  items: VirtualItem[];
  totalSize: number;
  rowAt(index: number): ConnectorSummary | undefined;
  sort: ConnectorListSort;
  order: SortOrder;
  onSortChange(sort: ConnectorListSort, order: SortOrder): void;
}

interface Column {
  id: string;
  label: string;
  sortKey?: ConnectorListSort;
  /** Tailwind width and visibility for the `<col>`, `<th>` and `<td>`. */
  col: string;
  show: string;
  numeric?: boolean;
}

// Widths are shares of the table (table-fixed: the header row sets them, so rows scrolling in never
// shift the columns). A hidden header cell gives its share back to the visible ones.
/** One per column, in order (a tuple: each cell below names its column by position). */
const COLUMNS: readonly [Column, Column, Column, Column, Column, Column, Column, Column, Column] = [
  { id: 'name', label: 'Name', sortKey: 'name', col: 'w-[44%] md:w-[22%]', show: '' },
  { id: 'state', label: 'Provision state', sortKey: 'state', col: 'w-[56%] md:w-[22%]', show: '' },
  { id: 'cxp', label: 'CXP', sortKey: 'cxp', col: 'w-[12%]', show: 'hidden md:table-cell' },
  { id: 'segments', label: 'Segments', col: 'w-[10%]', show: 'hidden lg:table-cell' },
  { id: 'group', label: 'Group', col: 'w-[10%]', show: 'hidden xl:table-cell' },
  { id: 'size', label: 'Size', sortKey: 'size', col: 'w-[7%]', show: 'hidden lg:table-cell' },
  { id: 'protocol', label: 'Protocol', sortKey: 'protocol', col: 'w-[9%]', show: 'hidden md:table-cell' },
  { id: 'instances', label: 'Instances', col: 'w-[6%]', show: 'hidden 2xl:table-cell', numeric: true },
  { id: 'lastChange', label: 'Last change', sortKey: 'lastChange', col: 'w-[10%]', show: 'hidden md:table-cell' },
];

// Row separators are cell borders: in the collapsed border model they stay inside the fixed row height
// the virtualizer counts on (a painted shadow per cell costs more on every scroll frame).
const ROW_LINE = '[&>td]:border-b [&>td]:border-slate-100 dark:[&>td]:border-slate-800';
const cell = 'truncate px-3 align-middle';

/** One row; memoized, so scrolling renders only the rows that come into the window. */
const Row = memo(function Row({ row, index }: { row: ConnectorSummary; index: number }) {
  return (
    <tr
      data-testid="connector-row"
      data-index={index}
      style={{ height: ROW_HEIGHT }}
      className={`${ROW_LINE} hover:bg-slate-50 dark:hover:bg-slate-800 ${row.provisionState === 'FAILED' ? 'bg-red-50/40 dark:bg-red-950/20' : ''}`}
    >
      <Cells row={row} />
    </tr>
  );
});

// Row links are not prefetched: scrolling past thousands of rows would prefetch each one.
function Cells({ row }: { row: ConnectorSummary }) {
  const failed = row.provisionState === 'FAILED';
  return (
    <>
      <td className="px-3 align-middle font-medium">
        {/* Two lines on a phone (the name is most of what the row has room for), one from md up. */}
        <div className="line-clamp-2 break-words md:line-clamp-1 md:break-all">
          <Link
            href={`/connectors/${row.id}`}
            prefetch={false}
            title={row.name}
            className="text-blue-800 dark:text-blue-300 underline-offset-2 hover:underline"
          >
            {row.name}
          </Link>
        </div>
      </td>
      <td className="px-3 align-middle">
        <div className="flex min-w-0 items-center gap-2">
          <StateBadge state={row.provisionState} />
          {failed && (
            <Link
              href={`/connectors/${row.id}#history`}
              prefetch={false}
              className="shrink-0 text-xs text-blue-800 dark:text-blue-300 underline underline-offset-2"
            >
              Request history
            </Link>
          )}
        </div>
        {failed && row.errorMessage && (
          <p
            data-testid="row-error"
            title={row.errorMessage}
            className="mt-0.5 truncate text-xs text-red-800 dark:text-red-300"
          >
            {row.errorMessage}
          </p>
        )}
      </td>
      <td className={`${cell} font-mono text-xs ${COLUMNS[2].show}`}>{row.cxp}</td>
      <td className={`${cell} ${COLUMNS[3].show}`} title={row.segmentNames?.join(', ')}>
        {row.segmentNames?.length ? row.segmentNames.join(', ') : row.segments}
      </td>
      <td className={`${cell} ${COLUMNS[4].show}`}>{row.groupNames?.join(', ') || '—'}</td>
      <td className={`${cell} ${COLUMNS[5].show}`}>{row.size}</td>
      <td className={`${cell} ${COLUMNS[6].show}`}>{row.tunnelProtocol}</td>
      <td className={`${cell} text-right tabular-nums ${COLUMNS[7].show}`}>{row.instances}</td>
      <td className={`${cell} text-slate-600 dark:text-slate-400 ${COLUMNS[8].show}`}>
        <RelativeTime iso={row.lastChange} />
      </td>
    </>
  );
}

export function ConnectorTable({ scrollRef, items, totalSize, rowAt, sort, order, onSortChange }: ConnectorTableProps) {
  const toggle = (key: ConnectorListSort) => onSortChange(key, sort === key && order === 'asc' ? 'desc' : 'asc');
  const top = items[0]?.start ?? 0;
  const last = items.at(-1);
  const bottom = last ? totalSize - last.end : 0;

  return (
    <div
      ref={scrollRef}
      data-testid="connector-scroll"
      className="h-[calc(100dvh-19rem)] min-h-[22rem] overflow-auto [contain:strict] rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 shadow-sm"
    >
      <table className="w-full table-fixed text-sm">
        <caption className="sr-only">Connectors; click a column header to sort</caption>
        <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-800 text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr>
            {COLUMNS.map((c) => {
              const active = sort === c.sortKey;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={c.sortKey ? (active ? (order === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
                  className={`px-3 py-2 font-semibold ${c.col} ${c.numeric ? 'text-right' : ''} ${c.show}`}
                >
                  {c.sortKey ? (
                    <button
                      type="button"
                      onClick={() => toggle(c.sortKey as ConnectorListSort)}
                      className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 dark:hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400"
                    >
                      {c.label}
                      <span
                        aria-hidden="true"
                        className={active ? 'text-slate-900 dark:text-slate-100' : 'text-slate-400 dark:text-slate-500'}
                      >
                        {active && order === 'desc' ? '▼' : '▲'}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr data-spacer="">
              <td colSpan={COLUMNS.length} style={{ height: top, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rowAt(item.index);
            if (!row) {
              return (
                <tr key={`loading-${item.index}`} data-testid="connector-row-loading" style={{ height: ROW_HEIGHT }}>
                  <td colSpan={COLUMNS.length} className="px-3">
                    <span className="block h-3 w-2/3 rounded bg-slate-200 dark:bg-slate-700" />
                    <span className="sr-only">Loading row {item.index + 1}</span>
                  </td>
                </tr>
              );
            }
            return <Row key={row.id} row={row} index={item.index} />;
          })}
          {bottom > 0 && (
            <tr data-spacer="">
              <td colSpan={COLUMNS.length} style={{ height: bottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
