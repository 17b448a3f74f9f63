/**
 * The JSON shapes of the app's own proxy routes (`/api/...`), as the browser
 * sees them. See the integration contract; these mirror it field for field.
 */
import type { AlkiraConnector, ProvisionOperation } from '@/lib/connector/alkira-types';
import type { DesignIssue } from '@/lib/connector/design';
import type { AuditActor, AuditEntry } from '@/lib/store/audit-log';

/** Which Alkira the server talks to: its embedded emulator, or a tenant portal. */
export type BackendMode = 'emulator' | 'portal';

export interface BackendInfo {
  mode: BackendMode;
  host?: string;
}

export interface ConnectorSummary {
  id: number;
  name: string;
  cxp: string;
  size: string;
  tunnelProtocol: string;
  instances: number;
  segments: number;
  enabled: boolean;
  provisionState: string | null;
  /** ISO timestamp of the last provisioning change. */
  lastChange: string | null;
  lastProvisionRequestId: string | null;
  /** Segment names of the connector's segment options (the API names segments by name). */
  segmentNames: string[];
  /** The connector group, as a one-element list (empty when it has none). */
  groupNames: string[];
  /** The last FAILED request's message, when the current state is FAILED and the app knows it. */
  errorMessage: string | null;
  /** The operation of the app's latest provision request for this connector. */
  lastProvisionOperation: ProvisionOperation | null;
}

/** `GET /api/connectors` without query parameters: every connector, unpaged (export, old callers). */
export interface ConnectorListResponse {
  backend: BackendInfo;
  connectors: ConnectorSummary[];
}

/** A connector's state in the list (`?state=`, `counts.byState`): its provision state, NONE when it has none. */
export const CONNECTOR_LIST_STATES = ['SUCCESS', 'FAILED', 'PENDING', 'IN_PROGRESS', 'NONE'] as const;
export type ConnectorListState = (typeof CONNECTOR_LIST_STATES)[number];

/** What the list sorts by (`?sort=`). */
export const CONNECTOR_LIST_SORTS = ['name', 'state', 'cxp', 'size', 'protocol', 'lastChange', 'id'] as const;
export type ConnectorListSort = (typeof CONNECTOR_LIST_SORTS)[number];

/** `?order=`. */
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Whole-tenant counts of the paged list. */
export interface ConnectorCounts {
  byState: Record<ConnectorListState, number>;
  failedLast24h: number;
  inFlight: number;
  all: number;
}

/** The values each filter can take in the tenant (sorted). */
export interface ConnectorFacets {
  cxp: string[];
  segment: string[];
  group: string[];
  size: string[];
  protocol: string[];
}

/** `GET /api/connectors?…` with any list parameter: one page, the filter's total, whole-tenant counts and facets. */
export interface ConnectorListPageResponse extends ConnectorListResponse {
  total: number;
  page: number;
  page_size: number;
  counts: ConnectorCounts;
  facets: ConnectorFacets;
}

/** `GET /api/connectors/events`, `event: state`. */
export interface ConnectorStateEvent {
  connectorId: number;
  requestId: string;
  state: string;
  errorMessage: string | null;
  at: string;
}

/** `GET /api/connectors/events`, `event: connector`. */
export interface ConnectorChangeEvent {
  connectorId: number;
  action: 'created' | 'updated' | 'deleted';
}

export interface ProvisionRequestRecord {
  id: string;
  operation: ProvisionOperation;
  state: string;
  createdAt: string;
  updatedAt: string;
  errorMessage?: string;
}

export interface ConnectorDetailResponse {
  connector: ConnectorSummary;
  /** The live connector; every preSharedKey arrives masked. */
  settings: AlkiraConnector;
  provisionRequests: ProvisionRequestRecord[];
}

export interface CreateConnectorResponse {
  id: number;
  connector: ConnectorSummary;
  provisionRequestId: string | null;
}

export interface UpdateConnectorResponse {
  id: number;
  provisionRequestId: string | null;
}

export interface DeleteConnectorResponse {
  provisionRequestId: string | null;
}

/** `GET /api/connectors/{id}/designs`: the workspace designs linked to a connector (they manage it). */
export interface ManagingDesignsResponse {
  connector_id: number;
  designs: { id: number; name: string; version: number; provisioned_version: number | null }[];
}

export interface ProvisionRequestStatus {
  id: string;
  state: string;
  errorMessage?: string;
}

/** The tenant catalogs `GET /api/catalog/<kind>` answers. */
export const CATALOG_KINDS = ['segments', 'groups', 'credentials', 'billing-tags', 'cxps', 'ipsec-tunnel-profiles'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** One item of each catalog, as the server normalises it (lib/alkira/catalog.ts): every field is always sent. */
export interface SegmentItem { id: string; name: string; asn: number | null }
export interface GroupItem { id: string | number; name: string; description: string }
export interface CredentialItem { id: string; name: string; type: string }
export interface BillingTagItem { id: number; name: string; description: string }
export interface CxpItem { id: string | number; name: string; provider: string; providerRegion: string; state: string }
export interface TunnelProfileItem { id: number; name: string; description: string }

export interface CatalogItemsByKind {
  segments: SegmentItem;
  groups: GroupItem;
  credentials: CredentialItem;
  'billing-tags': BillingTagItem;
  cxps: CxpItem;
  'ipsec-tunnel-profiles': TunnelProfileItem;
}

export type CatalogItem = CatalogItemsByKind[CatalogKind];

/** A reference the proxy could not resolve against the tenant (409). */
export interface UnresolvedReference {
  path: string;
  value: string;
  message: string;
}

/** Every proxy error body: `error` always, the rest depending on the status. */
export interface ApiErrorBody {
  error: string;
  /** 422: the design's issues, each at its dotted design path. */
  errors?: DesignIssue[];
  unresolved?: UnresolvedReference[];
}

/** One audit trail entry: its shape is the store's, defined once there. */
export type { AuditEntry };

/** `GET /api/activity`: the audit trail (newest first) and the filter options. */
export interface ActivityResponse {
  entries: AuditEntry[];
  users: AuditActor[];
  connectors: Array<{ id: string; name: string }>;
}
