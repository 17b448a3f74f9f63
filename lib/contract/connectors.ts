/** The contract of the connector routes (`/api/connectors...`, `/api/provision-requests/{id}`). */
import '@/lib/util/zod-jitless';
import { z } from 'zod';
import { PROVISION_OPERATIONS, type AlkiraConnector } from '@/lib/connector/alkira-types';
import {
  changeSchema,
  connectorIdParams,
  designErrorsSchema,
  designSchema,
  errorBodySchema,
  flagParam,
  isoTime,
  jsonObject,
  planSummarySchema,
  unresolvedErrorSchema,
  unresolvedReferenceSchema,
} from './common';
import { defineRoute } from './registry';

export const provisionOperationSchema = z.enum(PROVISION_OPERATIONS);

/** Which Alkira the server talks to: its embedded emulator, or a tenant portal. */
export const backendInfoSchema = z
  .object({ mode: z.enum(['emulator', 'portal']), host: z.string().optional() })
  .meta({ id: 'Backend' });
export type BackendInfo = z.infer<typeof backendInfoSchema>;
export type BackendMode = BackendInfo['mode'];

export const connectorSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    cxp: z.string(),
    size: z.string(),
    tunnelProtocol: z.string(),
    instances: z.number().int(),
    segments: z.number().int(),
    enabled: z.boolean(),
    provisionState: z.string().nullable(),
    lastChange: isoTime.nullable().describe('ISO time of the last provisioning change'),
    lastProvisionRequestId: z.string().nullable(),
    segmentNames: z.array(z.string()).describe("Segment names of the connector's segment options"),
    groupNames: z.array(z.string()).describe('The connector group, as a one-element list (empty when it has none)'),
    errorMessage: z.string().nullable().describe("The last FAILED request's message, when the state is FAILED"),
    lastProvisionOperation: provisionOperationSchema.nullable(),
  })
  .meta({ id: 'ConnectorSummary' });
export type ConnectorSummary = z.infer<typeof connectorSummarySchema>;

/** A connector's state in the list (`?state=`, `counts.byState`): its provision state, NONE when it has none. */
export const CONNECTOR_LIST_STATES = ['SUCCESS', 'FAILED', 'PENDING', 'IN_PROGRESS', 'NONE'] as const;
export type ConnectorListState = (typeof CONNECTOR_LIST_STATES)[number];
export const CONNECTOR_LIST_SORTS = ['name', 'state', 'cxp', 'size', 'protocol', 'lastChange', 'id'] as const;
export type ConnectorListSort = (typeof CONNECTOR_LIST_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
/** The list's filters (OR within one, AND across them); the dashboard's URL uses the same names. */
export const LIST_FILTERS = ['state', 'cxp', 'segment', 'group', 'size', 'protocol'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];
export const LIST_PARAMS = ['q', ...LIST_FILTERS, 'sort', 'order', 'page', 'page_size'] as const;
export const MAX_PAGE_SIZE = 200;
const MAX_TEXT = 200;

/** A comma-separated list of non-empty values (OR within the filter). */
const csv = z
  .string()
  .max(MAX_TEXT * 4, `at most ${MAX_TEXT * 4} characters`)
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ])
  .refine((list) => list.length > 0, 'give at least one value (comma-separated)');
const upperCsv = csv.transform((list) => list.map((v) => v.toUpperCase()));
const positiveInt = (max?: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a positive whole number')
    .transform(Number)
    .refine((n) => n >= 1, 'must be at least 1')
    .refine((n) => max === undefined || n <= max, `must be at most ${max}`);

/** The dashboard list's query parameters (any one of them asks for the paged answer). */
export const connectorListQuerySchema = z.object({
  q: z
    .string()
    .max(MAX_TEXT, `at most ${MAX_TEXT} characters`)
    .optional()
    .describe('Text in the name, id, CXP, segment or group'),
  state: upperCsv
    .refine(
      (list) => list.every((s) => (CONNECTOR_LIST_STATES as readonly string[]).includes(s)),
      `each value must be one of ${CONNECTOR_LIST_STATES.join(', ')}`,
    )
    .transform((list) => list as ConnectorListState[])
    .optional()
    .describe(`Comma-separated: ${CONNECTOR_LIST_STATES.join(', ')}`),
  cxp: csv.optional().describe('Comma-separated CXP names'),
  segment: csv.optional().describe('Comma-separated segment names'),
  group: csv.optional().describe('Comma-separated group names'),
  size: upperCsv.optional().describe('Comma-separated sizes'),
  protocol: upperCsv.optional().describe('Comma-separated tunnel protocols'),
  sort: z.enum(CONNECTOR_LIST_SORTS, { message: `must be one of ${CONNECTOR_LIST_SORTS.join(', ')}` }).default('name'),
  order: z.enum(SORT_ORDERS, { message: 'must be asc or desc' }).default('asc'),
  page: positiveInt().default(1).meta({ type: 'integer', minimum: 1 }),
  page_size: positiveInt(MAX_PAGE_SIZE).default(50).meta({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE }),
});

/** A parsed list query, as the list reads it. */
export interface ListQuery {
  q?: string;
  state?: ConnectorListState[];
  cxp?: string[];
  segment?: string[];
  group?: string[];
  size?: string[];
  protocol?: string[];
  sort: ConnectorListSort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export const connectorListSchema = z.object({
  backend: backendInfoSchema,
  connectors: z.array(connectorSummarySchema),
});
export type ConnectorListResponse = z.infer<typeof connectorListSchema>;

export const connectorCountsSchema = z.object({
  byState: z.record(z.enum(CONNECTOR_LIST_STATES), z.number().int()),
  failedLast24h: z.number().int(),
  inFlight: z.number().int(),
  all: z.number().int(),
});
export type ConnectorCounts = z.infer<typeof connectorCountsSchema>;

export const connectorFacetsSchema = z.object({
  cxp: z.array(z.string()),
  segment: z.array(z.string()),
  group: z.array(z.string()),
  size: z.array(z.string()),
  protocol: z.array(z.string()),
});
export type ConnectorFacets = z.infer<typeof connectorFacetsSchema>;

export const connectorListPageSchema = connectorListSchema.extend({
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  counts: connectorCountsSchema,
  facets: connectorFacetsSchema,
});
export type ConnectorListPageResponse = z.infer<typeof connectorListPageSchema>;

export const provisionRequestRecordSchema = z.object({
  id: z.string(),
  operation: provisionOperationSchema,
  state: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  errorMessage: z.string().optional(),
});
export type ProvisionRequestRecord = z.infer<typeof provisionRequestRecordSchema>;

export const connectorDetailSchema = z.object({
  connector: connectorSummarySchema,
  settings: jsonObject<AlkiraConnector>('The live connector as the Alkira API has it; every preSharedKey masked'),
  provisionRequests: z.array(provisionRequestRecordSchema),
});
export type ConnectorDetailResponse = z.infer<typeof connectorDetailSchema>;

export const createdConnectorSchema = z.object({
  id: z.number().int(),
  connector: connectorSummarySchema,
  provisionRequestId: z.string().nullable(),
  adopted: z.boolean().optional().describe('Alkira created it but its answer was lost; found by name and adopted'),
  message: z.string().optional(),
});
export type CreateConnectorResponse = z.infer<typeof createdConnectorSchema>;
export const updatedConnectorSchema = z.object({ id: z.number().int(), provisionRequestId: z.string().nullable() });
export type UpdateConnectorResponse = z.infer<typeof updatedConnectorSchema>;
export const deletedConnectorSchema = z.object({ provisionRequestId: z.string().nullable() });
export type DeleteConnectorResponse = z.infer<typeof deletedConnectorSchema>;

export const managingDesignsSchema = z.object({
  connector_id: z.number().int(),
  designs: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      version: z.number().int(),
      provisioned_version: z.number().int().nullable(),
    }),
  ),
});
export type ManagingDesignsResponse = z.infer<typeof managingDesignsSchema>;

export const provisionRequestStatusSchema = z.object({
  id: z.string(),
  state: z.string(),
  errorMessage: z.string().optional(),
});
export type ProvisionRequestStatus = z.infer<typeof provisionRequestStatusSchema>;

export const planSchema = z.object({
  connector_id: z.number().int(),
  changes: z.array(changeSchema),
  summary: planSummarySchema,
  unresolved: z.array(unresolvedReferenceSchema).optional(),
});
export type PlanResponse = z.infer<typeof planSchema>;

/** `GET /api/connectors/events`, `event: state`. */
export const connectorStateEventSchema = z.object({
  connectorId: z.number().int(),
  requestId: z.string(),
  state: z.string(),
  errorMessage: z.string().nullable(),
  at: isoTime,
});
export type ConnectorStateEvent = z.infer<typeof connectorStateEventSchema>;
/** `GET /api/connectors/events`, `event: connector`. */
export const connectorChangeEventSchema = z.object({
  connectorId: z.number().int(),
  action: z.enum(['created', 'updated', 'deleted']),
});
export type ConnectorChangeEvent = z.infer<typeof connectorChangeEventSchema>;

const provisionQuery = z.object({
  provision: flagParam(true, 'false/0/no: write the connector without provisioning it (default: provision)'),
});
const notFound = { description: 'No such connector', schema: errorBodySchema };
const upstream = {
  502: { description: 'The Alkira API failed or answered badly', schema: errorBodySchema },
  504: { description: 'The Alkira API did not answer in time', schema: errorBodySchema },
};
const designRefused = { description: "The design's errors, each at its path", schema: designErrorsSchema };

export const listConnectors = defineRoute({
  method: 'GET',
  path: '/api/connectors',
  summary: 'List connectors',
  description:
    'Without query parameters: every connector, unpaged. With any list parameter: one page, the total, whole-tenant counts and facets. Unknown or repeated parameters are refused (400 naming `param`).',
  query: connectorListQuerySchema,
  responses: {
    200: {
      description: 'Every connector (no parameters) or one page (any parameter)',
      schema: z.union([connectorListPageSchema, connectorListSchema]),
    },
    400: {
      description: 'A query parameter that does not parse',
      schema: errorBodySchema.extend({ param: z.string() }),
    },
    ...upstream,
  },
});

export const createConnector = defineRoute({
  method: 'POST',
  path: '/api/connectors',
  summary: 'Create (and provision) a connector from a design',
  query: provisionQuery,
  body: designSchema,
  bodyRequired: true,
  responses: {
    201: { description: 'Created; `provisionRequestId` follows the provisioning', schema: createdConnectorSchema },
    409: {
      description: 'A connector of that name exists, or references do not resolve (`unresolved`)',
      schema: unresolvedErrorSchema.partial({ unresolved: true }),
    },
    422: designRefused,
    ...upstream,
  },
});

export const connectorEvents = defineRoute({
  method: 'GET',
  path: '/api/connectors/events',
  summary: 'Live dashboard events (Server-Sent Events)',
  description:
    '`event: state` (ConnectorStateEvent) when a provision request changes state, `event: connector` (ConnectorChangeEvent) when a connector is written. 429 beyond CONNECTOR_STUDIO_MAX_STREAMS_PER_USER streams per user.',
  responses: {
    200: { description: 'An event stream', contentType: 'text/event-stream' },
    429: { description: 'Too many open streams for this user', schema: errorBodySchema },
  },
});

export const getConnector = defineRoute({
  method: 'GET',
  path: '/api/connectors/{id}',
  summary: 'One connector: its summary, live settings (keys masked) and provision requests',
  params: connectorIdParams,
  responses: { 200: { description: 'The connector', schema: connectorDetailSchema }, 404: notFound, ...upstream },
});

export const updateConnector = defineRoute({
  method: 'PUT',
  path: '/api/connectors/{id}',
  summary: 'Replace a connector with a design (and provision it)',
  params: connectorIdParams,
  query: provisionQuery,
  body: designSchema,
  bodyRequired: true,
  responses: {
    200: { description: 'Updated', schema: updatedConnectorSchema },
    404: notFound,
    409: {
      description: 'References do not resolve against the tenant',
      schema: unresolvedErrorSchema.partial({ unresolved: true }),
    },
    422: designRefused,
    ...upstream,
  },
});

export const deleteConnector = defineRoute({
  method: 'DELETE',
  path: '/api/connectors/{id}',
  summary: 'Delete a connector (and provision the deletion)',
  params: connectorIdParams,
  query: provisionQuery,
  responses: { 202: { description: 'Deletion sent', schema: deletedConnectorSchema }, 404: notFound, ...upstream },
});

export const getConnectorDesign = defineRoute({
  method: 'GET',
  path: '/api/connectors/{id}/design',
  summary: 'A live connector read back as a design (keys as stored secrets)',
  params: connectorIdParams,
  responses: { 200: { description: 'The design', schema: designSchema }, 404: notFound, ...upstream },
});

export const connectorDesigns = defineRoute({
  method: 'GET',
  path: '/api/connectors/{id}/designs',
  summary: 'The workspace designs that manage this connector',
  params: connectorIdParams,
  responses: { 200: { description: 'The linked designs', schema: managingDesignsSchema }, 404: notFound, ...upstream },
});

export const planConnectorBody = z.object({ design: designSchema });
export const planConnector = defineRoute({
  method: 'POST',
  path: '/api/connectors/{id}/plan',
  summary: 'What provisioning a design to this connector would change',
  params: connectorIdParams,
  body: planConnectorBody,
  bodyRequired: true,
  responses: { 200: { description: 'The plan', schema: planSchema }, 404: notFound, 422: designRefused, ...upstream },
});

export const getProvisionRequest = defineRoute({
  method: 'GET',
  path: '/api/provision-requests/{id}',
  summary: "A provision request's state",
  params: z.object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, {
        error: (issue) => `Provision request ${JSON.stringify(issue.input)} does not exist`,
      })
      .describe('The provision request id'),
  }),
  responses: {
    200: { description: 'Its state', schema: provisionRequestStatusSchema },
    404: { description: 'No such request', schema: errorBodySchema },
    ...upstream,
  },
});

export const CONNECTOR_ROUTES = [
  listConnectors,
  createConnector,
  connectorEvents,
  getConnector,
  updateConnector,
  deleteConnector,
  getConnectorDesign,
  connectorDesigns,
  planConnector,
  getProvisionRequest,
] as const;
