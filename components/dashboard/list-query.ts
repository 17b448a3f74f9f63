/**
 * The dashboard's view of the list (filters, sort, scroll position) as it
 * lives in the page URL, and the API query it turns into. Pure, so the URL
 * round trip is testable without a browser.
 */
import { CONNECTOR_LIST_SORTS, type ConnectorListSort, type SortOrder } from '@/lib/client/types';
import { LIST_FILTERS, type ListFilter } from '@/lib/contract/connectors';

/** The API's list filters, which the page URL names the same way. */
export const FILTER_KEYS = LIST_FILTERS;
export type FilterKey = ListFilter;

/** The filters and sort as the page URL holds them (the API reads the same parameters into its ListQuery, lib/services/list-query.ts). */
export interface ListView {
  /** Free text: a substring of the name or the id. */
  q: string;
  /** OR within a filter, AND across filters; an empty list = no filter. */
  filters: Record<FilterKey, string[]>;
  sort: ConnectorListSort;
  order: SortOrder;
}

/** Rows per request to the paged list (the API allows up to 200). */
export const PAGE_SIZE = 100;

export const DEFAULT_QUERY: ListView = {
  q: '',
  filters: { state: [], cxp: [], segment: [], group: [], size: [], protocol: [] },
  sort: 'name',
  order: 'asc',
};

/** Anything with `get` (URLSearchParams, Next's ReadonlyURLSearchParams). */
interface ParamSource {
  get(name: string): string | null;
}

function list(value: string | null): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseListQuery(params: ParamSource): ListView {
  const filters = { ...DEFAULT_QUERY.filters };
  for (const key of FILTER_KEYS) filters[key] = list(params.get(key));
  const sort = params.get('sort');
  const order = params.get('order');
  return {
    q: params.get('q')?.trim() ?? '',
    filters,
    sort: (CONNECTOR_LIST_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as ConnectorListSort)
      : DEFAULT_QUERY.sort,
    order: order === 'desc' ? 'desc' : 'asc',
  };
}

/** The first row on screen (0-based) as the URL keeps it (`row`, 1-based); 0 when absent or bad. */
export function parseRow(params: ParamSource): number {
  const n = Number(params.get('row'));
  return Number.isInteger(n) && n > 1 ? n - 1 : 0;
}

/** The filter and sort parameters, defaults left out, in a fixed order. */
function queryParams(query: ListView): [string, string][] {
  const out: [string, string][] = [];
  if (query.q) out.push(['q', query.q]);
  for (const key of FILTER_KEYS) if (query.filters[key].length) out.push([key, query.filters[key].join(',')]);
  if (query.sort !== DEFAULT_QUERY.sort) out.push(['sort', query.sort]);
  if (query.order !== DEFAULT_QUERY.order) out.push(['order', query.order]);
  return out;
}

/** The page URL's query string for this view (`row` 0-based in, 1-based out; omitted at the top). */
export function pageSearch(query: ListView, row = 0): string {
  const params = new URLSearchParams(queryParams(query));
  if (row > 0) params.set('row', String(row + 1));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A stable key for the filter and sort (cache key; same view ⇔ same key). */
export function queryKeyOf(query: ListView): string {
  return new URLSearchParams(queryParams(query)).toString();
}

/** The API URL of one page of this view (always paged: `page` is always sent). */
export function apiPageUrl(query: ListView, page: number, pageSize = PAGE_SIZE): string {
  const params = new URLSearchParams(queryParams(query));
  params.set('page', String(page));
  params.set('page_size', String(pageSize));
  return `/api/connectors?${params}`;
}

/** The 1-based pages that hold rows `first..last` (0-based, inclusive). */
export function pagesFor(first: number, last: number, pageSize = PAGE_SIZE): number[] {
  if (last < first) return [1];
  const from = Math.floor(first / pageSize) + 1;
  const to = Math.floor(last / pageSize) + 1;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function hasFilters(query: ListView): boolean {
  return Boolean(query.q) || FILTER_KEYS.some((k) => query.filters[k].length > 0);
}

export function withFilter(query: ListView, key: FilterKey, values: string[]): ListView {
  return { ...query, filters: { ...query.filters, [key]: values } };
}
