/**
 * The paged connector list and its live events, as the browser reads them
 * (issue 12's contract: `GET /api/connectors?…` and `GET /api/connectors/events`).
 */
import type { BackendInfo, ConnectorSummary, ProvisionOperation } from './types';

/** States the list can be filtered by; NONE = never provisioned. */
export const LIST_STATES = ['SUCCESS', 'FAILED', 'PENDING', 'IN_PROGRESS', 'NONE'] as const;
export type ListState = (typeof LIST_STATES)[number];

/** A list row: the summary plus what the dashboard shows for failed rows. */
export interface ConnectorRow extends ConnectorSummary {
  segmentNames: string[];
  groupNames: string[];
  /** The last FAILED request's message, when the current state is FAILED. */
  errorMessage: string | null;
  lastProvisionOperation: ProvisionOperation | null;
}

export interface ConnectorCounts {
  byState: Partial<Record<ListState, number>>;
  failedLast24h: number;
  inFlight: number;
  all: number;
}

export interface ConnectorFacets {
  cxp: string[];
  segment: string[];
  group: string[];
  size: string[];
  protocol: string[];
}

export interface ConnectorPageResponse {
  backend: BackendInfo;
  connectors: ConnectorRow[];
  /** Rows matching the filters. */
  total: number;
  page: number;
  page_size: number;
  /** Over the whole tenant, not the filter. */
  counts: ConnectorCounts;
  facets: ConnectorFacets;
}

/** `event: state` */
export interface ConnectorStateEvent {
  connectorId: number;
  requestId: string | null;
  state: string;
  errorMessage: string | null;
  at: string;
}

/** `event: connector` */
export interface ConnectorChangeEvent {
  connectorId: number;
  action: 'created' | 'updated' | 'deleted';
}
