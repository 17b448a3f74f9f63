'use client';
/**
 * Tenant-wide counts above the table: all, by state, failed in the last 24 h
 * and in flight. Each is a toggle that filters the table by that state.
 */
import { memo } from 'react';
import type { ConnectorCounts } from '@/lib/client/types';

interface Tile {
  id: string;
  label: string;
  value: number;
  /** The state filter this tile sets; [] = all. */
  states: string[];
  tone: string;
}

const TONES = {
  neutral: 'border-slate-200 dark:border-slate-700',
  ok: 'border-green-300 dark:border-green-800',
  bad: 'border-red-300 dark:border-red-800',
  running: 'border-amber-300 dark:border-amber-700',
  none: 'border-slate-300 dark:border-slate-600',
};

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

export const SummaryStrip = memo(function SummaryStrip({
  counts,
  activeStates,
  onSelect,
}: {
  counts: ConnectorCounts;
  activeStates: string[];
  onSelect(states: string[]): void;
}) {
  const by = counts.byState;
  const tiles: Tile[] = [
    { id: 'all', label: 'All connectors', value: counts.all, states: [], tone: TONES.neutral },
    { id: 'success', label: 'Success', value: by.SUCCESS ?? 0, states: ['SUCCESS'], tone: TONES.ok },
    { id: 'failed', label: 'Failed', value: by.FAILED ?? 0, states: ['FAILED'], tone: TONES.bad },
    {
      id: 'in-flight',
      label: 'In flight',
      value: counts.inFlight,
      states: ['PENDING', 'IN_PROGRESS'],
      tone: TONES.running,
    },
    { id: 'pending', label: 'Pending', value: by.PENDING ?? 0, states: ['PENDING'], tone: TONES.running },
    {
      id: 'in-progress',
      label: 'In progress',
      value: by.IN_PROGRESS ?? 0,
      states: ['IN_PROGRESS'],
      tone: TONES.running,
    },
    { id: 'none', label: 'Not provisioned', value: by.NONE ?? 0, states: ['NONE'], tone: TONES.none },
  ];
  return (
    <section aria-label="Provision summary" className="space-y-2">
      <ul className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1 sm:mx-0 sm:grid sm:grid-cols-4 sm:overflow-visible sm:px-0 lg:grid-cols-8">
        {tiles.map((t) => {
          const active = sameSet(t.states, activeStates);
          return (
            <li key={t.id} className="min-w-[7.5rem] shrink-0 sm:min-w-0">
              <button
                type="button"
                data-testid={`summary-${t.id}`}
                aria-pressed={active}
                onClick={() => onSelect(active && t.states.length ? [] : t.states)}
                className={`flex w-full flex-col items-start rounded-lg border bg-white dark:bg-slate-900 px-3 py-2 text-left shadow-sm hover:bg-slate-50 dark:hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400 ${t.tone} ${
                  active ? 'ring-2 ring-blue-500 dark:ring-blue-400' : ''
                }`}
              >
                <span className="text-xs font-medium text-slate-600 dark:text-slate-400">{t.label}</span>
                <span className="text-xl font-semibold tabular-nums">{t.value.toLocaleString('en-US')}</span>
              </button>
            </li>
          );
        })}
        <li className="min-w-[7.5rem] shrink-0 sm:min-w-0">
          <button
            type="button"
            data-testid="summary-failed-24h"
            aria-pressed={false}
            title="Failed in the last 24 hours; shows every failed connector"
            onClick={() => onSelect(['FAILED'])}
            className={`flex w-full flex-col items-start rounded-lg border bg-red-50 dark:bg-red-950/40 px-3 py-2 text-left shadow-sm hover:bg-red-100 dark:hover:bg-red-950 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-400 ${TONES.bad}`}
          >
            <span className="text-xs font-medium text-red-900 dark:text-red-200">Failed, last 24 h</span>
            <span className="text-xl font-semibold tabular-nums text-red-900 dark:text-red-100">
              {counts.failedLast24h.toLocaleString('en-US')}
            </span>
          </button>
        </li>
      </ul>
    </section>
  );
});
