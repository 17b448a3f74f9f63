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
  type CatalogItemsByKind,
  type CatalogKind,
  type ConnectorListPageResponse,
  type ConnectorListResponse,
} from '@/lib/contract';
import { apiJson, callRoute, routeUrl } from './call';

export { ApiError, apiJson, errorMessage } from './call';

export const api = {
  // The whole tenant's list is not re-parsed in the browser (10,000 rows): the API tests hold it to the contract.
  listConnectors: () => apiJson<ConnectorListResponse>(routeUrl(listConnectors)),
  /** One page of the filtered list; `url` from `apiPageUrl` (components/dashboard/list-query.ts). */
  listConnectorPage: (url: string) => apiJson<ConnectorListPageResponse>(url),
  getConnector: (id: number) => callRoute(getConnector, { params: { id } }),
  getConnectorDesign: (id: number): Promise<ConnectorDesign> => callRoute(getConnectorDesign, { params: { id } }),
  /** The workspace designs that manage the connector (editing it directly makes them drift). */
  managingDesigns: (id: number) => callRoute(connectorDesigns, { params: { id } }),
  createConnector: (design: ConnectorDesign) =>
    callRoute(createConnector, { query: { provision: 'true' }, body: design }),
  updateConnector: (id: number, design: ConnectorDesign) =>
    callRoute(updateConnector, { params: { id }, body: design }),
  deleteConnector: (id: number) => callRoute(deleteConnector, { params: { id } }),
  getProvisionRequest: (id: string) => callRoute(getProvisionRequest, { params: { id } }),
  listActivity: (filter: { user?: string; connector?: string } = {}) => callRoute(activity, { query: filter }),
  getCatalog: <K extends CatalogKind>(kind: K) =>
    callRoute(catalog, { params: { kind } }).then((r) => r.items as CatalogItemsByKind[K][]),
};
