'use client';
/**
 * The filters above the connector table: free text (name or id), provision
 * state, CXP, segment, group, size and tunnel protocol. The options come from
 * the tenant's facets; a value from a shared URL that is not among them is
 * still offered, so the select shows what is applied.
 */
import { memo, useState } from 'react';
import type { ConnectorFacets } from '@/lib/client/types';
import type { FilterKey, ListView } from './list-query';

export interface ConnectorFiltersProps {
  query: ListView;
  text: string;
  facets: ConnectorFacets | null;
  onTextChange(text: string): void;
  onFilterChange(key: FilterKey, values: string[]): void;
  onClear(): void;
}

const inputClass =
  'rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1.5 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200 dark:focus:ring-blue-800';

const STATE_OPTIONS: { value: string; label: string }[] = [
  { value: 'SUCCESS', label: 'SUCCESS' },
  { value: 'FAILED', label: 'FAILED' },
  { value: 'PENDING,IN_PROGRESS', label: 'In flight (PENDING, IN_PROGRESS)' },
  { value: 'PENDING', label: 'PENDING' },
  { value: 'IN_PROGRESS', label: 'IN_PROGRESS' },
  { value: 'NONE', label: 'Not provisioned' },
];

const FACET_FILTERS: { key: Exclude<FilterKey, 'state'>; label: string; all: string }[] = [
  { key: 'cxp', label: 'CXP', all: 'All CXPs' },
  { key: 'segment', label: 'Segment', all: 'All segments' },
  { key: 'group', label: 'Group', all: 'All groups' },
  { key: 'size', label: 'Size', all: 'All sizes' },
  { key: 'protocol', label: 'Tunnel protocol', all: 'All protocols' },
];

function Select({
  id,
  label,
  value,
  all,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  all: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const offered =
    value && !options.some((o) => o.value === value)
      ? [...options, { value, label: value.replaceAll(',', ', ') }]
      : options;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <select
        id={id}
        className={`${inputClass} max-w-[14rem]`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{all}</option>
        {offered.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const split = (value: string) => (value ? value.split(',') : []);

export const ConnectorFilters = memo(function ConnectorFilters({
  query,
  text,
  facets,
  onTextChange,
  onFilterChange,
  onClear,
}: ConnectorFiltersProps) {
  const filtered = Boolean(text) || Object.values(query.filters).some((v) => v.length > 0);
  // On a phone the facet filters fold away behind a toggle; from `md` up they are always shown.
  const [more, setMore] = useState(false);
  const activeFacets = FACET_FILTERS.filter((f) => query.filters[f.key].length > 0).length;
  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="connector-filter-text" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Search name or id
        </label>
        <input
          id="connector-filter-text"
          type="search"
          className={`${inputClass} w-56`}
          value={text}
          placeholder="e.g. prod-eastus"
          onChange={(e) => onTextChange(e.target.value)}
        />
      </div>
      <Select
        id="connector-filter-state"
        label="Provision state"
        all="All states"
        value={query.filters.state.join(',')}
        options={STATE_OPTIONS}
        onChange={(v) => onFilterChange('state', split(v))}
      />
      <button
        type="button"
        aria-expanded={more}
        aria-controls="connector-facet-filters"
        onClick={() => setMore(!more)}
        className="pb-1.5 text-sm text-blue-800 dark:text-blue-300 underline underline-offset-2 md:hidden"
      >
        {more ? 'Fewer filters' : `More filters${activeFacets ? ` (${activeFacets} active)` : ''}`}
      </button>
      <div
        id="connector-facet-filters"
        className={`${more ? 'flex' : 'hidden'} w-full flex-wrap items-end gap-3 md:flex md:w-auto`}
      >
        {FACET_FILTERS.map((f) => (
          <Select
            key={f.key}
            id={`connector-filter-${f.key}`}
            label={f.label}
            all={f.all}
            value={query.filters[f.key].join(',')}
            options={(facets?.[f.key] ?? []).map((v) => ({ value: v, label: v }))}
            onChange={(v) => onFilterChange(f.key, split(v))}
          />
        ))}
      </div>
      {filtered && (
        <button
          type="button"
          onClick={onClear}
          className="pb-1.5 text-sm text-blue-800 dark:text-blue-300 underline underline-offset-2"
        >
          Clear filters
        </button>
      )}
    </div>
  );
});
