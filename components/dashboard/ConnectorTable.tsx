'use client';
/** The connector rows with sortable column headers (click or Enter/Space; `aria-sort` on the header). */
import Link from 'next/link';
import type { ConnectorSummary } from '@/lib/client/types';
import { StateBadge } from '@/components/provisioning/StateBadge';
import { RelativeTime } from './RelativeTime';
import type { SortKey, SortSpec } from './connector-list';

export interface ConnectorTableProps {
  rows: ConnectorSummary[];
  sort: SortSpec;
  onSortChange(sort: SortSpec): void;
}

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'cxp', label: 'CXP' },
  { key: 'size', label: 'Size' },
  { key: 'tunnelProtocol', label: 'Tunnel protocol' },
  { key: 'instances', label: 'Instances', numeric: true },
  { key: 'segments', label: 'Segments', numeric: true },
  { key: 'enabled', label: 'Enabled' },
  { key: 'provisionState', label: 'Provision state' },
  { key: 'lastChange', label: 'Last change' },
];

export function ConnectorTable({ rows, sort, onSortChange }: ConnectorTableProps) {
  const toggle = (key: SortKey) =>
    onSortChange({
      key,
      direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending',
    });

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-700 text-sm">
        <caption className="sr-only">Connectors; click a column header to sort</caption>
        <thead className="bg-slate-100 dark:bg-slate-800 text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr>
            {COLUMNS.map((col) => {
              const active = sort.key === col.key;
              return (
                <th
                  key={col.key}
                  scope="col"
                  aria-sort={active ? sort.direction : 'none'}
                  className={`px-3 py-2 font-semibold ${col.numeric ? 'text-right' : ''}`}
                >
                  <button
                    type="button"
                    onClick={() => toggle(col.key)}
                    className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 dark:hover:text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400"
                  >
                    {col.label}
                    <span aria-hidden="true" className={active ? 'text-slate-900 dark:text-slate-100' : 'text-slate-300 dark:text-slate-600'}>
                      {active && sort.direction === 'descending' ? '▼' : '▲'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.id} data-testid="connector-row" className="hover:bg-slate-50 dark:hover:bg-slate-800">
              <td className="px-3 py-2 font-medium">
                <Link href={`/connectors/${row.id}`} className="text-blue-800 dark:text-blue-300 underline-offset-2 hover:underline">
                  {row.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{row.cxp}</td>
              <td className="px-3 py-2">{row.size}</td>
              <td className="px-3 py-2">{row.tunnelProtocol}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.instances}</td>
              <td className="px-3 py-2 text-right tabular-nums">{row.segments}</td>
              <td className="px-3 py-2">{row.enabled ? 'Yes' : 'No'}</td>
              <td className="px-3 py-2">
                <StateBadge state={row.provisionState} />
              </td>
              <td className="px-3 py-2 text-slate-600 dark:text-slate-400">
                <RelativeTime iso={row.lastChange} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
