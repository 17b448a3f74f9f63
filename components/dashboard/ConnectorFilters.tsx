'use client';
/** Text filter (name or CXP) and state filter above the connector table. */
import { KNOWN_STATES } from '@/lib/client/provision-state';
import type { ConnectorFilter } from './connector-list';

export interface ConnectorFiltersProps {
  filter: ConnectorFilter;
  onChange(filter: ConnectorFilter): void;
}

const inputClass =
  'rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1.5 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200 dark:focus:ring-blue-800';

export function ConnectorFilters({ filter, onChange }: ConnectorFiltersProps) {
  return (
    <div role="search" className="flex flex-wrap items-end gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="connector-filter-text" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Filter by name or CXP
        </label>
        <input
          id="connector-filter-text"
          type="search"
          className={`${inputClass} w-64`}
          value={filter.text}
          placeholder="e.g. prod or USWEST"
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="connector-filter-state" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Provision state
        </label>
        <select
          id="connector-filter-state"
          className={inputClass}
          value={filter.state}
          onChange={(e) => onChange({ ...filter, state: e.target.value })}
        >
          <option value="">All states</option>
          {KNOWN_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          <option value="NONE">Not provisioned</option>
        </select>
      </div>
    </div>
  );
}
