/** Filtering and sorting of the dashboard's connector rows (pure, so the table stays simple). */
import { CONNECTOR_SIZES } from '@/lib/connector/design';
import type { ConnectorSummary } from '@/lib/client/types';

export type SortKey =
  | 'name'
  | 'cxp'
  | 'size'
  | 'tunnelProtocol'
  | 'instances'
  | 'segments'
  | 'enabled'
  | 'provisionState'
  | 'lastChange';

export type SortDirection = 'ascending' | 'descending';

export interface SortSpec {
  key: SortKey;
  direction: SortDirection;
}

/** `''` = every state; `'NONE'` = never provisioned (null state). */
export interface ConnectorFilter {
  text: string;
  state: string;
}

export function filterConnectors(rows: ConnectorSummary[], filter: ConnectorFilter): ConnectorSummary[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (needle && !row.name.toLowerCase().includes(needle) && !row.cxp.toLowerCase().includes(needle)) return false;
    if (filter.state === 'NONE') return !row.provisionState;
    if (filter.state) return row.provisionState === filter.state;
    return true;
  });
}

// Lifecycle order, so sorting by state groups running, done and failed rows sensibly.
const STATE_RANK: Record<string, number> = { PENDING: 0, IN_PROGRESS: 1, SUCCESS: 2, PARTIAL_SUCCESS: 3, FAILED: 4 };

function sortValue(row: ConnectorSummary, key: SortKey): string | number {
  switch (key) {
    case 'size': {
      const rank = (CONNECTOR_SIZES as readonly string[]).indexOf(row.size);
      return rank === -1 ? CONNECTOR_SIZES.length : rank;
    }
    case 'enabled':
      return row.enabled ? 1 : 0;
    case 'provisionState':
      return row.provisionState ? (STATE_RANK[row.provisionState] ?? 5) : 6;
    case 'lastChange':
      return row.lastChange ? Date.parse(row.lastChange) || 0 : 0;
    case 'instances':
    case 'segments':
      return row[key];
    default:
      return row[key].toLowerCase();
  }
}

export function sortConnectors(rows: ConnectorSummary[], sort: SortSpec): ConnectorSummary[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    // Ties fall back to the id so the order is stable between refreshes.
    return cmp !== 0 ? cmp * sign : a.id - b.id;
  });
}
