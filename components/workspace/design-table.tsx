'use client';
/** The workspace's design rows with sortable column headers (`aria-sort` on the header, as on the connector table). */
import Link from 'next/link';
import type { DesignSummary } from '@/lib/client/workspace-api';
import { StateBadge } from '@/components/provisioning/state-badge';
import { RelativeTime } from '@/components/dashboard/relative-time';
import type { DesignTableSort, DesignSortKey } from './workspace-list';

const COLUMNS: { key: DesignSortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'resource_name', label: 'Resource label' },
  { key: 'version', label: 'Version', numeric: true },
  { key: 'connector_state', label: 'Live connector' },
  { key: 'updated_at', label: 'Last updated' },
];

export interface DesignTableProps {
  rows: DesignSummary[];
  sort: DesignTableSort;
  onSortChange(sort: DesignTableSort): void;
  /** Deletes a design (undoable from the page's notice). */
  onDelete(row: DesignSummary): void;
}

export function DesignTable({ rows, sort, onSortChange, onDelete }: DesignTableProps) {
  const toggle = (key: DesignSortKey) =>
    onSortChange({ key, direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' });

  return (
    // `relative`: the screen-reader-only texts (absolutely positioned) scroll with the table instead of widening the page.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-700">
        <caption className="sr-only">Designs in the workspace; click a column header to sort</caption>
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-400">
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
                    className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400 dark:hover:text-white"
                  >
                    {col.label}
                    <span
                      aria-hidden="true"
                      className={active ? 'text-slate-900 dark:text-slate-100' : 'text-slate-300 dark:text-slate-600'}
                    >
                      {active && sort.direction === 'descending' ? '▼' : '▲'}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.id} data-testid="design-row" className="hover:bg-slate-50 dark:hover:bg-slate-800">
              <td className="px-3 py-2 font-medium">
                <Link
                  href={`/designs/${row.id}`}
                  className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
                >
                  {row.name || `Design ${row.id}`}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{row.resource_name}</td>
              <td className="px-3 py-2 text-right tabular-nums">v{row.version}</td>
              <td className="px-3 py-2">
                {row.connector_id != null ? (
                  <span className="inline-flex items-center gap-2">
                    <StateBadge state={row.connector_state} />
                    <Link
                      href={`/connectors/${row.connector_id}`}
                      className="text-xs text-blue-800 underline-offset-2 hover:underline dark:text-blue-300"
                    >
                      #{row.connector_id}
                    </Link>
                    <span className="text-xs text-slate-600 dark:text-slate-400">
                      {row.provisioned_version != null && `runs v${row.provisioned_version}`}
                      {row.pending_version != null &&
                        `${row.provisioned_version != null ? ' · ' : ''}provisioning v${row.pending_version}…`}
                    </span>
                  </span>
                ) : (
                  <span className="text-xs text-slate-600 dark:text-slate-400">Not provisioned</span>
                )}
              </td>
              <td className="px-3 py-2 text-slate-600 dark:text-slate-400">
                <RelativeTime iso={row.updated_at} />
              </td>
              <td className="px-3 py-2 text-right">
                <button
                  type="button"
                  className="btn-link-danger text-xs"
                  onClick={() => onDelete(row)}
                  aria-label={`Delete design ${row.name}`}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
