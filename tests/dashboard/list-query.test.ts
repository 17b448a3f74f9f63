/**
 * The dashboard list's query rules, without a server: parsing (bad values
 * name their parameter), filters (OR within, AND across), sort orders, paging,
 * whole-tenant counts and facets.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectorSummary } from '@/lib/client/types';
import {
  buildListIndex,
  ListQueryError,
  parseListQuery,
  queryList,
  wantsPagedList,
  type ListQuery,
} from '@/lib/services/list-query';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

function row(id: number, over: Partial<ConnectorSummary> = {}): ConnectorSummary {
  return {
    id,
    name: `conn-${String(id).padStart(3, '0')}`,
    cxp: 'USWEST-AZURE-1',
    size: 'MEDIUM',
    tunnelProtocol: 'VXLAN',
    instances: 1,
    segments: 1,
    enabled: true,
    provisionState: 'SUCCESS',
    lastChange: null,
    lastProvisionRequestId: null,
    segmentNames: ['prod'],
    groupNames: ['networking'],
    errorMessage: null,
    lastProvisionOperation: null,
    ...over,
  };
}

const ROWS: ConnectorSummary[] = [
  row(1, {
    name: 'sea-sap-prod',
    size: 'LARGE',
    provisionState: 'FAILED',
    lastChange: hoursAgo(2),
    errorMessage: 'circuit rejected',
  }),
  row(2, {
    name: 'nyc-payments',
    cxp: 'USEAST-AZURE-1',
    tunnelProtocol: 'IPSEC',
    segmentNames: ['dmz', 'internal'],
    groupNames: ['security'],
  }),
  row(3, {
    name: 'ams-erp',
    cxp: 'EUWEST-AZURE-1',
    provisionState: 'IN_PROGRESS',
    size: 'SMALL',
    lastChange: hoursAgo(0.1),
  }),
  row(4, { name: 'SEA-backup', provisionState: null, groupNames: [] }),
  row(5, {
    name: 'dub-crm',
    cxp: 'EUWEST-AZURE-1',
    provisionState: 'FAILED',
    lastChange: hoursAgo(30),
    size: '2LARGE',
  }),
  row(6, { name: 'lax-vdi', provisionState: 'PENDING', tunnelProtocol: 'IPSEC', segmentNames: ['dmz'] }),
];

const parse = (qs: string) => parseListQuery(new URLSearchParams(qs));
const run = (qs: string) => queryList(buildListIndex(ROWS, NOW), parse(qs));
const ids = (qs: string) => run(qs).rows.map((r) => r.id);

function badParam(qs: string): string {
  try {
    parse(qs);
  } catch (err) {
    if (err instanceof ListQueryError) return `${err.param}: ${err.message}`;
    throw err;
  }
  throw new Error(`"${qs}" parsed`);
}

describe('parsing the list parameters', () => {
  it('asks for the paged envelope whenever a query parameter is present', () => {
    expect(wantsPagedList(new URLSearchParams(''))).toBe(false);
    expect(wantsPagedList(new URLSearchParams('colour=red'))).toBe(true);
    expect(wantsPagedList(new URLSearchParams('page=2'))).toBe(true);
    expect(wantsPagedList(new URLSearchParams('q='))).toBe(true);
  });

  it('fills defaults and normalises lists', () => {
    expect(parse('q=%20sap%20&state=failed,%20PENDING,&size=large')).toEqual<ListQuery>({
      q: 'sap',
      state: ['FAILED', 'PENDING'],
      size: ['LARGE'],
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 50,
    });
  });

  it('names the parameter of each bad value', () => {
    expect(badParam('page=0')).toMatch(/^page: .*"page" must be at least 1/);
    expect(badParam('page=two')).toMatch(/^page: .*positive whole number/);
    expect(badParam('page_size=201')).toMatch(/^page_size: .*at most 200/);
    expect(badParam('state=DONE')).toMatch(/^state: .*SUCCESS, FAILED, PENDING, IN_PROGRESS, NONE/);
    expect(badParam('sort=colour')).toMatch(/^sort: .*name, state, cxp/);
    expect(badParam('order=up')).toMatch(/^order: .*asc or desc/);
    expect(badParam('cxp=,,')).toMatch(/^cxp: .*at least one value/);
    expect(badParam('sate=FAILED')).toMatch(/^sate: Unknown query parameter "sate"/);
    expect(badParam('page=1&page=2')).toMatch(/^page: .*more than once/);
    expect(badParam(`q=${'x'.repeat(201)}`)).toMatch(/^q: /);
  });
});

describe('filtering, sorting and paging', () => {
  it('matches q against the name (any case) and the id', () => {
    expect(ids('q=SEA')).toEqual([4, 1]);
    expect(ids('q=5')).toEqual([5]);
  });

  it('ORs values within a filter and ANDs filters', () => {
    expect(ids('state=FAILED,PENDING')).toEqual([5, 6, 1]);
    expect(ids('state=FAILED&cxp=EUWEST-AZURE-1')).toEqual([5]);
    expect(ids('segment=dmz')).toEqual([6, 2]);
    expect(ids('segment=internal,prod&protocol=ipsec')).toEqual([2]);
    expect(ids('group=security,networking&size=LARGE,SMALL')).toEqual([3, 1]);
  });

  it('treats a connector without a known state as NONE', () => {
    expect(ids('state=NONE')).toEqual([4]);
  });

  it('sorts by each key, both ways, ties by name', () => {
    expect(ids('sort=name')).toEqual([3, 5, 6, 2, 4, 1]);
    expect(ids('sort=name&order=desc')).toEqual([1, 4, 2, 6, 5, 3]);
    expect(ids('sort=state')).toEqual([5, 1, 3, 6, 2, 4]);
    expect(ids('sort=size')).toEqual([3, 6, 2, 4, 1, 5]);
    expect(ids('sort=lastChange&order=desc')).toEqual([3, 1, 5, 4, 2, 6]);
    expect(ids('sort=id&order=desc')).toEqual([6, 5, 4, 3, 2, 1]);
    expect(ids('sort=cxp').slice(0, 2)).toEqual([3, 5]);
    expect(ids('sort=protocol').slice(0, 2)).toEqual([6, 2]);
  });

  it('pages the filtered rows and reports their total', () => {
    expect(run('page_size=4')).toMatchObject({ total: 6, page: 1, pageSize: 4 });
    expect(ids('page_size=4&page=2')).toEqual([4, 1]);
    expect(ids('page_size=4&page=3')).toEqual([]);
    expect(run('state=FAILED&page_size=1&page=2')).toMatchObject({
      total: 2,
      rows: [expect.objectContaining({ id: 1 })],
    });
  });
});

describe('one index answering many requests', () => {
  it('gives the same answers when a filter is asked again, paged or reversed', () => {
    const index = buildListIndex(ROWS, NOW);
    const ask = (qs: string) => queryList(index, parse(qs)).rows.map((r) => r.id);
    expect(ask('state=FAILED,PENDING&page_size=2')).toEqual([5, 6]);
    expect(ask('state=FAILED,PENDING&page_size=2&page=2')).toEqual([1]);
    expect(ask('state=FAILED,PENDING&order=desc')).toEqual([1, 6, 5]);
    expect(ask('state=FAILED,PENDING&sort=id')).toEqual([1, 5, 6]);
    expect(ask('segment=dmz')).toEqual([6, 2]);
    expect(ask('page_size=2&page=3')).toEqual([4, 1]);
  });
});

describe('counts and facets', () => {
  it('counts the whole tenant by state, failed in the last 24 h and in flight', () => {
    expect(buildListIndex(ROWS, NOW).counts).toEqual({
      byState: { SUCCESS: 1, FAILED: 2, PENDING: 1, IN_PROGRESS: 1, NONE: 1 },
      failedLast24h: 1,
      inFlight: 2,
      all: 6,
    });
  });

  it('offers each value present in the tenant once, sizes in size order', () => {
    expect(buildListIndex(ROWS, NOW).facets).toEqual({
      cxp: ['EUWEST-AZURE-1', 'USEAST-AZURE-1', 'USWEST-AZURE-1'],
      segment: ['dmz', 'internal', 'prod'],
      group: ['networking', 'security'],
      size: ['SMALL', 'MEDIUM', 'LARGE', '2LARGE'],
      protocol: ['IPSEC', 'VXLAN'],
    });
  });
});
