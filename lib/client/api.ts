/**
 * Browser-side fetch helpers for the proxy routes. Every failure becomes an
 * `ApiError` carrying the status and the route's JSON error body, so the UI
 * can show the API's own message (and 422/409 details).
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type {
  ActivityResponse,
  ApiErrorBody,
  CatalogItemsByKind,
  CatalogKind,
  ConnectorDetailResponse,
  ConnectorListPageResponse,
  ConnectorListResponse,
  CreateConnectorResponse,
  DeleteConnectorResponse,
  ManagingDesignsResponse,
  ProvisionRequestStatus,
  UpdateConnectorResponse,
} from './types';

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
  listConnectors: () => apiJson<ConnectorListResponse>('/api/connectors'),
  /** One page of the filtered list; `url` from `apiPageUrl` (components/dashboard/list-query.ts). */
  listConnectorPage: (url: string) => apiJson<ConnectorListPageResponse>(url),
  getConnector: (id: number) => apiJson<ConnectorDetailResponse>(`/api/connectors/${id}`),
  getConnectorDesign: (id: number) => apiJson<ConnectorDesign>(`/api/connectors/${id}/design`),
  /** The workspace designs that manage the connector (editing it directly makes them drift). */
  managingDesigns: (id: number) => apiJson<ManagingDesignsResponse>(`/api/connectors/${id}/designs`),
  createConnector: (design: ConnectorDesign) =>
    apiJson<CreateConnectorResponse>('/api/connectors?provision=true', { method: 'POST', body: JSON.stringify(design) }),
  updateConnector: (id: number, design: ConnectorDesign) =>
    apiJson<UpdateConnectorResponse>(`/api/connectors/${id}`, { method: 'PUT', body: JSON.stringify(design) }),
  deleteConnector: (id: number) => apiJson<DeleteConnectorResponse>(`/api/connectors/${id}`, { method: 'DELETE' }),
  getProvisionRequest: (id: string) =>
    apiJson<ProvisionRequestStatus>(`/api/provision-requests/${encodeURIComponent(id)}`),
  listActivity: (filter: { user?: string; connector?: string } = {}) => {
    const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
    return apiJson<ActivityResponse>(`/api/activity${params.size ? `?${params}` : ''}`);
  },
  getCatalog: <K extends CatalogKind>(kind: K) =>
    apiJson<{ items: CatalogItemsByKind[K][] }>(`/api/catalog/${kind}`).then((r) => r.items),
};
