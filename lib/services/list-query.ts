/**
 * The dashboard list's query language, framework-free: parse `?q=&state=…&page=`
 * (zod; a bad value is reported naming its parameter), and filter, sort, page,
 * count and facet connector summaries. Pure functions over plain rows, so the
 * route stays thin and the rules are unit-tested without a server.
 *
 * Sorting is done once per tenant snapshot (`ListIndex`): each request then
 * filters an already-sorted array (O(n) with cheap predicates) and slices a page.
 */
import {
  CONNECTOR_LIST_STATES,
  connectorListQuerySchema,
  LIST_PARAMS,
  type ConnectorCounts,
  type ConnectorFacets,
  type ConnectorListSort,
  type ConnectorListState,
  type ConnectorSummary,
  type ListQuery,
} from '@/lib/contract/connectors';

export { LIST_PARAMS, MAX_PAGE_SIZE, type ListQuery } from '@/lib/contract/connectors';

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
    if (key in raw)
      throw new ListQueryError(
        key,
        `Query parameter "${key}" is given more than once; use one (comma-separated values)`,
      );
    raw[key] = value;
  }
  const parsed = connectorListQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue?.path[0] ?? 'query');
    throw new ListQueryError(param, `Query parameter "${param}" ${issue?.message ?? 'is invalid'}`);
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
export function listState(row: Pick<ConnectorSummary, 'provisionState'>): ConnectorListState {
  const s = row.provisionState;
  if (s === 'SUCCESS' || s === 'FAILED' || s === 'PENDING' || s === 'IN_PROGRESS') return s;
  if (s === 'PARTIAL_SUCCESS') return 'FAILED';
  return 'NONE';
}

/** Rows of one tenant snapshot, with what every request reuses: sort orders, counts, facets, search keys. */
export interface ListIndex {
  rows: ConnectorSummary[];
  counts: ConnectorCounts;
  facets: ConnectorFacets;
  /** Per row, the values the filters compare (columns: no per-row work at query time). */
  search: string[];
  state: ConnectorListState[];
  cxp: string[];
  size: string[];
  protocol: string[];
  segments: string[][];
  groups: string[][];
  sorted: Map<string, number[]>;
  /** Row positions matching a filter, in a sort's ascending order (the last few filters asked for). */
  matched: Map<string, number[]>;
}

const MATCH_CACHE_SIZE = 64;

const STATE_RANK: Record<ConnectorListState, number> = { FAILED: 0, IN_PROGRESS: 1, PENDING: 2, SUCCESS: 3, NONE: 4 };
const SIZE_RANK: Record<string, number> = { SMALL: 0, MEDIUM: 1, LARGE: 2, '2LARGE': 3, '5LARGE': 4, '10LARGE': 5 };

type Key = string | number;

function sortKey(row: ConnectorSummary, sort: ConnectorListSort): Key {
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
function sortOrder(rows: ConnectorSummary[], sort: ConnectorListSort): number[] {
  const keys = rows.map((r) => sortKey(r, sort));
  const names = rows.map((r) => r.name.toLowerCase());
  return (
    rows
      .map((_, i) => i)
      // i and j are positions in rows (and so in keys and names).
      .sort(
        (i, j) =>
          compareKeys(keys[i] as Key, keys[j] as Key) ||
          compareKeys(names[i] as string, names[j] as string) ||
          (rows[i] as ConnectorSummary).id - (rows[j] as ConnectorSummary).id,
      )
  );
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));
}

/** Counts over the whole tenant; `failedSince` is the ISO time "failed in the last 24 h" starts at. */
export function countRows(rows: ConnectorSummary[], failedSince: number): ConnectorCounts {
  const byState: Record<ConnectorListState, number> = { SUCCESS: 0, FAILED: 0, PENDING: 0, IN_PROGRESS: 0, NONE: 0 };
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
    state: rows.map(listState),
    cxp: rows.map((r) => r.cxp),
    size: rows.map((r) => (r.size ?? '').toUpperCase()),
    protocol: rows.map((r) => (r.tunnelProtocol ?? '').toUpperCase()),
    segments: rows.map((r) => r.segmentNames),
    groups: rows.map((r) => r.groupNames),
    sorted: new Map(),
    matched: new Map(),
  };
}

function anyIn(values: string[], wanted: Set<string>): boolean {
  for (const v of values) if (wanted.has(v)) return true;
  return false;
}

/** A predicate over row positions of `index`; null when the query filters nothing. */
function matcher(index: ListIndex, query: ListQuery): ((i: number) => boolean) | null {
  const q = query.q?.toLowerCase();
  const states = query.state && new Set<string>(query.state);
  const cxps = query.cxp && new Set(query.cxp);
  const segments = query.segment && new Set(query.segment);
  const groups = query.group && new Set(query.group);
  const sizes = query.size && new Set(query.size);
  const protocols = query.protocol && new Set(query.protocol);
  if (!q && !states && !cxps && !segments && !groups && !sizes && !protocols) return null;
  // i is a row position: every column of the index has an entry for it.
  return (i) =>
    (!states || states.has(index.state[i] as string)) &&
    (!cxps || cxps.has(index.cxp[i] as string)) &&
    (!sizes || sizes.has(index.size[i] as string)) &&
    (!protocols || protocols.has(index.protocol[i] as string)) &&
    (!segments || anyIn(index.segments[i] as string[], segments)) &&
    (!groups || anyIn(index.groups[i] as string[], groups)) &&
    (!q || (index.search[i] as string).includes(q));
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
  const start = (query.page - 1) * query.pageSize;
  const end = start + query.pageSize;
  const matched = matchedRows(index, query, order);
  const n = matched.length;
  const page: ConnectorSummary[] = [];
  for (let k = start; k < Math.min(end, n); k++) {
    const position = matched[query.order === 'asc' ? k : n - 1 - k] as number; // k < n
    page.push(index.rows[position] as ConnectorSummary);
  }
  return { rows: page, total: n, page: query.page, pageSize: query.pageSize };
}

/** The row positions matching the query's filters in `order` (cached per filter and sort: paging and flipping the order reuse it). */
function matchedRows(index: ListIndex, query: ListQuery, order: number[]): number[] {
  const matches = matcher(index, query);
  if (!matches) return order;
  const key = JSON.stringify([
    query.sort,
    query.q,
    query.state,
    query.cxp,
    query.segment,
    query.group,
    query.size,
    query.protocol,
  ]);
  const hit = index.matched.get(key);
  if (hit) {
    index.matched.delete(key); // most recently used goes last
    index.matched.set(key, hit);
    return hit;
  }
  const out: number[] = [];
  for (const i of order) if (matches(i)) out.push(i);
  index.matched.set(key, out);
  if (index.matched.size > MATCH_CACHE_SIZE) index.matched.delete(index.matched.keys().next().value as string);
  return out;
}
