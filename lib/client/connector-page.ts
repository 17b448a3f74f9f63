/**
 * The paged connector list and its live events as the dashboard reads them
 * (issue 12's contract: `GET /api/connectors?…` and `GET /api/connectors/events`);
 * the shapes themselves are defined once, in ./types.
 */
import type { ConnectorListPageResponse, ConnectorListState, ConnectorSummary } from './types';

export type { ConnectorChangeEvent, ConnectorCounts, ConnectorFacets, ConnectorStateEvent } from './types';

export type ListState = ConnectorListState;
/** A list row: the summary with segment and group names, and the error of a failed connector. */
export type ConnectorRow = ConnectorSummary;
export type ConnectorPageResponse = ConnectorListPageResponse;
