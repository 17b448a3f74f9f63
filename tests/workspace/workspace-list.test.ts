import { describe, expect, it } from 'vitest';
import { searchDesigns, sortDesigns } from '@/components/workspace/workspace-list';
import type { DesignSummary } from '@/lib/client/workspace-api';

const row = (id: number, name: string, extra: Partial<DesignSummary> = {}): DesignSummary => ({
  id,
  name,
  resource_name: name.replace(/-/g, '_'),
  version: 1,
  created_at: `2026-01-0${id}T00:00:00Z`,
  updated_at: `2026-01-0${id}T00:00:00Z`,
  connector_id: null,
  connector_state: null,
  provisioned_version: null,
  pending_version: null,
  ...extra,
});

const rows = [
  row(1, 'Prod-West', { version: 4, connector_id: 9, connector_state: 'SUCCESS' }),
  row(2, 'lab-east', { connector_id: 3, connector_state: 'FAILED' }),
  row(3, 'staging', { version: 2 }),
  row(4, 'prod-east', { connector_id: 5, connector_state: 'IN_PROGRESS' }),
];

describe('workspace list', () => {
  it('searches name and resource label, case-insensitively', () => {
    expect(searchDesigns(rows, 'PROD').map((r) => r.id)).toEqual([1, 4]);
    expect(searchDesigns(rows, 'lab_east').map((r) => r.id)).toEqual([2]);
    expect(searchDesigns(rows, '  ').length).toBe(4);
  });

  it('sorts by name, version, update time and linked state, both ways', () => {
    expect(sortDesigns(rows, { key: 'name', direction: 'ascending' }).map((r) => r.name)).toEqual([
      'lab-east',
      'prod-east',
      'Prod-West',
      'staging',
    ]);
    expect(sortDesigns(rows, { key: 'version', direction: 'descending' }).map((r) => r.id)).toEqual([1, 3, 2, 4]);
    expect(sortDesigns(rows, { key: 'updated_at', direction: 'descending' }).map((r) => r.id)).toEqual([4, 3, 2, 1]);
    // Running first, then done, failed, and never provisioned last.
    expect(sortDesigns(rows, { key: 'connector_state', direction: 'ascending' }).map((r) => r.id)).toEqual([
      4, 1, 2, 3,
    ]);
  });
});
