/**
 * The dashboard's URL ↔ view round trip and the in-place patching of live
 * state changes (pure parts of components/dashboard/).
 */
import { describe, expect, it } from 'vitest';
import {
  apiPageUrl,
  pageSearch,
  pagesFor,
  parseListQuery,
  parseRow,
  queryKeyOf,
  DEFAULT_QUERY,
} from '@/components/dashboard/list-query';
import { inFlightRequests, knownState, patchPage } from '@/components/dashboard/live-patch';
import type { ConnectorListPageResponse, ConnectorSummary } from '@/lib/client/types';

const params = (s: string) => new URLSearchParams(s);

describe('list view in the URL', () => {
  it('reads filters, sort and row from a shared URL and writes the same URL back', () => {
    const url = 'q=eastus&state=FAILED,IN_PROGRESS&cxp=USEAST-AZURE-1&segment=dmz&sort=lastChange&order=desc&row=41';
    const query = parseListQuery(params(url));
    expect(query.q).toBe('eastus');
    expect(query.filters.state).toEqual(['FAILED', 'IN_PROGRESS']);
    expect(query.filters.cxp).toEqual(['USEAST-AZURE-1']);
    expect(query.filters.group).toEqual([]);
    expect(query).toMatchObject({ sort: 'lastChange', order: 'desc' });
    expect(parseRow(params(url))).toBe(40);
    expect(pageSearch(query, 40)).toBe(`?${url.replace(/,/g, '%2C')}`);
  });

  it('falls back to the defaults for unknown sort keys, orders and rows, and leaves defaults out of the URL', () => {
    const query = parseListQuery(params('sort=password&order=sideways&row=-3&state='));
    expect(query).toEqual(DEFAULT_QUERY);
    expect(parseRow(params('row=abc'))).toBe(0);
    expect(pageSearch(query)).toBe('');
  });

  it('asks the API for one page of the same view; the cache key ignores the scroll position', () => {
    const query = parseListQuery(params('protocol=IPSEC&row=300'));
    expect(apiPageUrl(query, 3)).toBe('/api/connectors?protocol=IPSEC&page=3&page_size=100');
    expect(queryKeyOf(query)).toBe(queryKeyOf(parseListQuery(params('protocol=IPSEC'))));
    expect(pagesFor(95, 130)).toEqual([1, 2]);
    expect(pagesFor(0, -1)).toEqual([1]);
  });
});

function row(id: number, provisionState: string | null, extra: Partial<ConnectorSummary> = {}): ConnectorSummary {
  return {
    id,
    name: `er-prod-${id}`,
    cxp: 'USWEST-AZURE-1',
    size: 'SMALL',
    tunnelProtocol: 'VXLAN_GPE',
    instances: 1,
    segments: 1,
    enabled: true,
    provisionState,
    lastChange: '2026-01-01T00:00:00.000Z',
    lastProvisionRequestId: `req-${id}`,
    segmentNames: ['prod'],
    groupNames: [],
    errorMessage: null,
    lastProvisionOperation: 'create',
    ...extra,
  };
}

function page(rows: ConnectorSummary[]): ConnectorListPageResponse {
  return {
    backend: { mode: 'emulator' },
    connectors: rows,
    total: rows.length,
    page: 1,
    page_size: 100,
    counts: {
      byState: { SUCCESS: 5, FAILED: 1, PENDING: 0, IN_PROGRESS: 2, NONE: 0 },
      failedLast24h: 1,
      inFlight: 2,
      all: 8,
    },
    facets: { cxp: [], segment: [], group: [], size: [], protocol: [] },
  };
}

describe('live state patches', () => {
  const cached = page([row(1, 'SUCCESS'), row(2, 'IN_PROGRESS'), row(3, 'PENDING', { lastProvisionRequestId: null })]);

  it('moves the row and the tenant counts when a request fails', () => {
    const event = {
      connectorId: 2,
      requestId: 'req-2',
      state: 'FAILED',
      errorMessage: 'circuit rejected',
      at: '2026-01-01T00:05:00.000Z',
    };
    const next = patchPage(cached, event, knownState([cached], 2));
    expect(next.connectors[1]).toMatchObject({
      provisionState: 'FAILED',
      errorMessage: 'circuit rejected',
      lastChange: event.at,
    });
    expect(next.connectors[0]).toBe(cached.connectors[0]);
    expect(next.counts.byState).toMatchObject({ IN_PROGRESS: 1, FAILED: 2 });
    expect(next.counts).toMatchObject({ inFlight: 1, failedLast24h: 2, all: 8 });
  });

  it('leaves a page alone when the state is already known, and moves counts on other pages too', () => {
    const same = { connectorId: 1, requestId: 'req-1', state: 'SUCCESS', errorMessage: null, at: 'x' };
    expect(patchPage(cached, same, 'SUCCESS')).toBe(cached);
    const other = page([row(9, 'SUCCESS')]);
    const moved = patchPage(
      other,
      { connectorId: 2, requestId: 'req-2', state: 'SUCCESS', errorMessage: null, at: 'x' },
      'IN_PROGRESS',
    );
    expect(moved.connectors).toBe(other.connectors);
    expect(moved.counts.byState).toMatchObject({ SUCCESS: 6, IN_PROGRESS: 1 });
  });

  it('polls only in-flight requests it knows the id of', () => {
    expect([...inFlightRequests([cached, undefined])]).toEqual([['req-2', 2]]);
  });
});
