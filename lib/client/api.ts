/**
 * Browser-side fetch helpers for the proxy routes. Every failure becomes an
 * `ApiError` carrying the status and the route's JSON error body, so the UI
 * can show the API's own message (and 422/409 details).
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import {
  activity,
  catalog,
  connectorDesigns,
  createConnector,
  deleteConnector,
  getConnector,
  getConnectorDesign,
  getProvisionRequest,
  listConnectors,
  updateConnector,
  type ApiErrorBody,
  type CatalogItemsByKind,
  type CatalogKind,
  type ConnectorListPageResponse,
  type ConnectorListResponse,
} from '@/lib/contract';
import { callRoute, routeUrl } from './call';

export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.error);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

async function readErrorBody(response: Response): Promise<ApiErrorBody> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as Partial<ApiErrorBody>;
    if (parsed && typeof parsed.error === 'string') return parsed as ApiErrorBody;
  } catch {
    // Not JSON (a proxy or crash page): fall through to a generic message.
  }
  return { error: `The server answered ${response.status} ${response.statusText}`.trim() };
}

/** Fetches a proxy route and parses its JSON; throws `ApiError` on non-2xx. */
export async function apiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      cache: 'no-store',
    });
  } catch (cause) {
    throw new ApiError(0, { error: `Could not reach the server: ${errorMessage(cause)}` });
  }
  if (!response.ok) throw new ApiError(response.status, await readErrorBody(response));
  return (await response.json()) as T;
}

export const api = {
  // The whole tenant's list is not re-parsed in the browser (10,000 rows): the API tests hold it to the contract.
  listConnectors: () => apiJson<ConnectorListResponse>(routeUrl(listConnectors)),
  /** One page of the filtered list; `url` from `apiPageUrl` (components/dashboard/list-query.ts). */
  listConnectorPage: (url: string) => apiJson<ConnectorListPageResponse>(url),
  getConnector: (id: number) => callRoute(getConnector, { params: { id } }),
  getConnectorDesign: (id: number): Promise<ConnectorDesign> => callRoute(getConnectorDesign, { params: { id } }),
  /** The workspace designs that manage the connector (editing it directly makes them drift). */
  managingDesigns: (id: number) => callRoute(connectorDesigns, { params: { id } }),
  createConnector: (design: ConnectorDesign) => callRoute(createConnector, { query: { provision: 'true' }, body: design }),
  updateConnector: (id: number, design: ConnectorDesign) => callRoute(updateConnector, { params: { id }, body: design }),
  deleteConnector: (id: number) => callRoute(deleteConnector, { params: { id } }),
  getProvisionRequest: (id: string) => callRoute(getProvisionRequest, { params: { id } }),
  listActivity: (filter: { user?: string; connector?: string } = {}) => callRoute(activity, { query: filter }),
  getCatalog: <K extends CatalogKind>(kind: K) => callRoute(catalog, { params: { kind } }).then((r) => r.items as CatalogItemsByKind[K][]),
};
