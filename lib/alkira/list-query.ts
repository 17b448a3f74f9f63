/**
 * The dashboard list's query language, framework-free: parse `?q=&state=…&page=`
 * (zod; a bad value is reported naming its parameter), and filter, sort, page,
 * count and facet connector summaries. Pure functions over plain rows, so the
 * route stays thin and the rules are unit-tested without a server.
 *
 * Sorting is done once per tenant snapshot (`ListIndex`): each request then
 * filters an already-sorted array (O(n) with cheap predicates) and slices a page.
 */
import { z } from 'zod';
import type { ConnectorSummary } from '@/lib/client/types';

export const LIST_STATES = ['SUCCESS', 'FAILED', 'PENDING', 'IN_PROGRESS', 'NONE'] as const;
export type ListState = (typeof LIST_STATES)[number];
export const LIST_SORTS = ['name', 'state', 'cxp', 'size', 'protocol', 'lastChange', 'id'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const LIST_PARAMS = ['q', 'state', 'cxp', 'segment', 'group', 'size', 'protocol', 'sort', 'order', 'page', 'page_size'] as const;
export const MAX_PAGE_SIZE = 200;
const MAX_TEXT = 200;

export interface ListQuery {
  q?: string;
  state?: ListState[];
  cxp?: string[];
  segment?: string[];
  group?: string[];
  size?: string[];
  protocol?: string[];
  sort: ListSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A query parameter that does not parse; `param` names it. */
export class ListQueryError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'ListQueryError';
  }
}

/** A comma-separated list of non-empty values (OR within the filter). */
const csv = z
  .string()
  .max(MAX_TEXT * 4, `at most ${MAX_TEXT * 4} characters`)
  .transform((s) => [...new Set(s.split(',').map((v) => v.trim()).filter((v) => v !== ''))])
  .refine((list) => list.length > 0, 'give at least one value (comma-separated)');

const upperCsv = csv.transform((list) => list.map((v) => v.toUpperCase()));

const positiveInt = (max?: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a positive whole number')
    .transform(Number)
    .refine((n) => n >= 1, 'must be at least 1')
    .refine((n) => max === undefined || n <= max, `must be at most ${max}`);

const schema = z.object({
  q: z.string().max(MAX_TEXT, `at most ${MAX_TEXT} characters`).optional(),
  state: upperCsv
    .refine((list) => list.every((s) => (LIST_STATES as readonly string[]).includes(s)), `each value must be one of ${LIST_STATES.join(', ')}`)
    .transform((list) => list as ListState[])
    .optional(),
  cxp: csv.optional(),
  segment: csv.optional(),
  group: csv.optional(),
  size: upperCsv.optional(),
  protocol: upperCsv.optional(),
  sort: z.enum(LIST_SORTS, { message: `must be one of ${LIST_SORTS.join(', ')}` }).default('name'),
  order: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).default('asc'),
  page: positiveInt().default(1),
  page_size: positiveInt(MAX_PAGE_SIZE).default(50),
});

/** True when the request asks for the paged envelope: any query parameter (unknown ones are then refused). */
export function wantsPagedList(params: URLSearchParams): boolean {
  return [...params.keys()].length > 0;
}

/** Parses the list parameters; throws `ListQueryError` naming the first bad one. Unknown parameters are refused too. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!(LIST_PARAMS as readonly string[]).includes(key)) {
      throw new ListQueryError(key, `Unknown query parameter "${key.slice(0, 40)}"; use ${LIST_PARAMS.join(', ')}`);
    }
    if (key in raw) throw new ListQueryError(key, `Query parameter "${key}" is given more than once; use one (comma-separated values)`);
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue.path[0] ?? 'query');
    throw new ListQueryError(param, `Query parameter "${param}" ${issue.message}`);
  }
  const d = parsed.data;
  const q = d.q?.trim();
  return {
    ...(q ? { q } : {}),
    ...(d.state ? { state: d.state } : {}),
    ...(d.cxp ? { cxp: d.cxp } : {}),
    ...(d.segment ? { segment: d.segment } : {}),
    ...(d.group ? { group: d.group } : {}),
    ...(d.size ? { size: d.size } : {}),
    ...(d.protocol ? { protocol: d.protocol } : {}),
    sort: d.sort,
    order: d.order,
    page: d.page,
    pageSize: d.page_size,
  };
}

// ---- rows ----

/** The list state of a summary: its provision state, NONE when unknown. */
export function listState(row: Pick<ConnectorSummary, 'provisionState'>): ListState {
  const s = row.provisionState;
  if (s === 'SUCCESS' || s === 'FAILED' || s === 'PENDING' || s === 'IN_PROGRESS') return s;
  if (s === 'PARTIAL_SUCCESS') return 'FAILED';
  return 'NONE';
}

export interface ListCounts {
  byState: Record<ListState, number>;
  failedLast24h: number;
  inFlight: number;
  all: number;
}

export interface ListFacets {
  cxp: string[];
  segment: string[];
  group: string[];
  size: string[];
  protocol: string[];
}

/** Rows of one tenant snapshot, with what every request reuses: sort orders, counts, facets, search keys. */
export interface ListIndex {
  rows: ConnectorSummary[];
  counts: ListCounts;
  facets: ListFacets;
  /** Lower-cased "name id" per row, for `q`. */
  search: string[];
  sorted: Map<string, number[]>;
}

const STATE_RANK: Record<ListState, number> = { FAILED: 0, IN_PROGRESS: 1, PENDING: 2, SUCCESS: 3, NONE: 4 };
const SIZE_RANK: Record<string, number> = { SMALL: 0, MEDIUM: 1, LARGE: 2, '2LARGE': 3, '5LARGE': 4, '10LARGE': 5 };

type Key = string | number;

function sortKey(row: ConnectorSummary, sort: ListSort): Key {
  switch (sort) {
    case 'name':
      return row.name.toLowerCase();
    case 'state':
      return STATE_RANK[listState(row)];
    case 'cxp':
      return row.cxp ?? '';
    case 'size':
      return SIZE_RANK[row.size] ?? 99;
    case 'protocol':
      return row.tunnelProtocol ?? '';
    case 'lastChange':
      return row.lastChange ? Date.parse(row.lastChange) : -1;
    case 'id':
      return row.id;
  }
}

function compareKeys(a: Key, b: Key): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Indexes of `rows` in `sort` order (ties by name, then id), ascending. */
function sortOrder(rows: ConnectorSummary[], sort: ListSort): number[] {
  const keys = rows.map((r) => sortKey(r, sort));
  const names = rows.map((r) => r.name.toLowerCase());
  return rows
    .map((_, i) => i)
    .sort((i, j) => compareKeys(keys[i], keys[j]) || compareKeys(names[i], names[j]) || rows[i].id - rows[j].id);
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));
}

/** Counts over the whole tenant; `failedSince` is the ISO time "failed in the last 24 h" starts at. */
export function countRows(rows: ConnectorSummary[], failedSince: number): ListCounts {
  const byState: Record<ListState, number> = { SUCCESS: 0, FAILED: 0, PENDING: 0, IN_PROGRESS: 0, NONE: 0 };
  let failedLast24h = 0;
  for (const r of rows) {
    const s = listState(r);
    byState[s]++;
    if (s === 'FAILED' && r.lastChange && Date.parse(r.lastChange) >= failedSince) failedLast24h++;
  }
  return { byState, failedLast24h, inFlight: byState.PENDING + byState.IN_PROGRESS, all: rows.length };
}

export function buildListIndex(rows: ConnectorSummary[], now = Date.now()): ListIndex {
  return {
    rows,
    counts: countRows(rows, now - 86_400_000),
    facets: {
      cxp: distinct(rows.map((r) => r.cxp)),
      segment: distinct(rows.flatMap((r) => r.segmentNames)),
      group: distinct(rows.flatMap((r) => r.groupNames)),
      size: distinct(rows.map((r) => r.size)).sort((a, b) => (SIZE_RANK[a] ?? 99) - (SIZE_RANK[b] ?? 99)),
      protocol: distinct(rows.map((r) => r.tunnelProtocol)),
    },
    search: rows.map((r) => `${r.name.toLowerCase()}\u0000${r.id}`),
    sorted: new Map(),
  };
}

function matcher(query: ListQuery): (row: ConnectorSummary, search: string) => boolean {
  const q = query.q?.toLowerCase();
  const states = query.state && new Set<string>(query.state);
  const cxps = query.cxp && new Set(query.cxp);
  const segments = query.segment && new Set(query.segment);
  const groups = query.group && new Set(query.group);
  const sizes = query.size && new Set(query.size);
  const protocols = query.protocol && new Set(query.protocol);
  return (row, search) =>
    (!q || search.includes(q)) &&
    (!states || states.has(listState(row))) &&
    (!cxps || cxps.has(row.cxp)) &&
    (!segments || row.segmentNames.some((s) => segments.has(s))) &&
    (!groups || row.groupNames.some((g) => groups.has(g))) &&
    (!sizes || sizes.has(row.size.toUpperCase())) &&
    (!protocols || protocols.has(row.tunnelProtocol.toUpperCase()));
}

export interface ListPage {
  rows: ConnectorSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** The rows matching `query`, sorted, and the requested page of them. */
export function queryList(index: ListIndex, query: ListQuery): ListPage {
  let order = index.sorted.get(query.sort);
  if (!order) {
    order = sortOrder(index.rows, query.sort);
    index.sorted.set(query.sort, order);
  }
  const matches = matcher(query);
  const start = (query.page - 1) * query.pageSize;
  const end = start + query.pageSize;
  const page: ConnectorSummary[] = [];
  let total = 0;
  const n = order.length;
  for (let k = 0; k < n; k++) {
    const i = order[query.order === 'asc' ? k : n - 1 - k];
    if (!matches(index.rows[i], index.search[i])) continue;
    if (total >= start && total < end) page.push(index.rows[i]);
    total++;
  }
  return { rows: page, total, page: query.page, pageSize: query.pageSize };
}
