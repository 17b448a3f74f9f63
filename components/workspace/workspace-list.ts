/** Search and sort of the workspace's design rows (pure, so the table stays simple). */
import type { DesignSummary } from '@/lib/client/workspace-api';

export type DesignSortKey = 'name' | 'resource_name' | 'version' | 'connector_state' | 'updated_at';
export interface DesignTableSort {
  key: DesignSortKey;
  direction: 'ascending' | 'descending';
}

/** Rows whose name or resource label contains the text (case-insensitive). */
export function searchDesigns(rows: readonly DesignSummary[], text: string): DesignSummary[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((r) => r.name.toLowerCase().includes(needle) || r.resource_name.toLowerCase().includes(needle));
}

// Linked and running first, then done, failed, and designs never provisioned last.
const STATE_RANK: Record<string, number> = { PENDING: 0, IN_PROGRESS: 1, SUCCESS: 2, PARTIAL_SUCCESS: 3, FAILED: 4 };

function sortValue(row: DesignSummary, key: DesignSortKey): string | number {
  switch (key) {
    case 'version':
      return row.version;
    case 'updated_at':
      return Date.parse(row.updated_at) || 0;
    case 'connector_state':
      if (row.connector_id == null) return 7;
      return row.connector_state ? (STATE_RANK[row.connector_state] ?? 5) : 6;
    default:
      return row[key].toLowerCase();
  }
}

export function sortDesigns(rows: readonly DesignSummary[], sort: DesignTableSort): DesignSummary[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    // Ties fall back to the id so the order is stable between refreshes.
    return cmp !== 0 ? cmp * sign : a.id - b.id;
  });
}
