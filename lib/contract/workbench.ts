/**
 * The contract of the routes around the designer and the server itself: sign-in, health, the tenant's catalogs and
 * snapshot, the activity log, design validation and rendering, HCL parsing, module export, diagnostics, this document.
 */
import '@/lib/util/zod-jitless';
import { z } from 'zod';
import { designErrorsSchema, designIssueSchema, designSchema, errorBodySchema, isoTime, jsonObject } from './common';
import { backendInfoSchema } from './connectors';
import { defineRoute } from './registry';

export const CATALOG_KINDS = [
  'segments',
  'groups',
  'credentials',
  'billing-tags',
  'cxps',
  'ipsec-tunnel-profiles',
] as const;
export const catalogKindSchema = z.enum(CATALOG_KINDS);
export type CatalogKind = z.infer<typeof catalogKindSchema>;

export const segmentItemSchema = z.object({ id: z.string(), name: z.string(), asn: z.number().nullable() });
export const groupItemSchema = z.object({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  description: z.string(),
});
export const credentialItemSchema = z.object({ id: z.string(), name: z.string(), type: z.string() });
export const billingTagItemSchema = z.object({ id: z.number(), name: z.string(), description: z.string() });
export const cxpItemSchema = z.object({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  provider: z.string(),
  providerRegion: z.string(),
  state: z.string(),
});
export const tunnelProfileItemSchema = z.object({ id: z.number(), name: z.string(), description: z.string() });
export type SegmentItem = z.infer<typeof segmentItemSchema>;
export type GroupItem = z.infer<typeof groupItemSchema>;
export type CredentialItem = z.infer<typeof credentialItemSchema>;
export type BillingTagItem = z.infer<typeof billingTagItemSchema>;
export type CxpItem = z.infer<typeof cxpItemSchema>;
export type TunnelProfileItem = z.infer<typeof tunnelProfileItemSchema>;

/** One item of each catalog, as the server normalises it (lib/alkira/catalog.ts): every field is always sent. */
export interface CatalogItemsByKind {
  segments: SegmentItem;
  groups: GroupItem;
  credentials: CredentialItem;
  'billing-tags': BillingTagItem;
  cxps: CxpItem;
  'ipsec-tunnel-profiles': TunnelProfileItem;
}
export type CatalogItem = CatalogItemsByKind[CatalogKind];

const catalogItemSchema = z.union([
  segmentItemSchema,
  groupItemSchema,
  credentialItemSchema,
  billingTagItemSchema,
  cxpItemSchema,
  tunnelProfileItemSchema,
]);

export const auditActorSchema = z.object({ id: z.string(), name: z.string() });
export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: isoTime,
    backend: z.string(),
    actor: auditActorSchema,
    action: z.enum(['create', 'update', 'delete', 'save', 'restore', 'provision', 'adopt', 'reapply']),
    targetType: z.enum(['connector', 'design']),
    targetId: z.string(),
    targetName: z.string(),
    summary: z.string(),
    requestId: z.string().nullable(),
    result: z.object({ state: z.string(), detail: z.string().nullable(), at: isoTime }).nullable(),
  })
  .meta({ id: 'AuditEntry' });
export const activitySchema = z.object({
  entries: z.array(auditEntrySchema),
  users: z.array(auditActorSchema),
  connectors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ActivityResponse = z.infer<typeof activitySchema>;

// The roles and permissions of lib/auth/roles.ts, spelt out here (the contract sits below auth); a test holds them equal.
export const ROLE_NAMES = ['viewer', 'designer', 'operator'] as const;
export const PERMISSION_NAMES = ['view', 'saveDesign', 'provision'] as const;
export const meSchema = z.object({
  mode: z.enum(['local', 'oidc']),
  user: z
    .object({ id: z.string(), name: z.string(), email: z.string().nullable(), role: z.enum(ROLE_NAMES).nullable() })
    .nullable(),
  permissions: z.record(z.enum(PERMISSION_NAMES), z.boolean()),
});

export const healthSchema = z.object({
  ok: z.boolean(),
  backend: backendInfoSchema,
  upstream: z.object({
    reachable: z.boolean(),
    latencyMs: z.number(),
    status: z.number().int().optional(),
    error: z.string().optional(),
  }),
});

export const designCheckSchema = z.object({
  ok: z.boolean(),
  errors: z.array(designIssueSchema),
  warnings: z.array(designIssueSchema),
});
/** The answer of a design check: the domain's check without its internal reference-literal paths. */
export type DesignCheckResponse = z.infer<typeof designCheckSchema>;

const span = z.object({ from: z.number().int(), to: z.number().int() });
export const hclDiagnosticSchema = z.looseObject({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int().optional(),
  endColumn: z.number().int().optional(),
  from: z.number().int(),
  to: z.number().int(),
  path: z.string().optional(),
  resource: z.string().optional(),
});
export const parsedHclSchema = z.object({
  designs: z.array(
    z.looseObject({ resource_name: z.string(), design: designSchema, line: z.number().int(), range: span.optional() }),
  ),
  diagnostics: z.array(hclDiagnosticSchema),
});

const idOrName = z.union([z.string(), z.number()]);
export const tenantSnapshotSchema = z.object({
  connectors: z
    .array(z.tuple([idOrName, z.string(), z.string().nullable(), z.array(z.string().nullable())]))
    .describe('[id, name, vHub prefix, loopback subnets] per connector'),
  catalog: z.record(z.string(), z.array(z.object({ id: idOrName, name: z.string() }))),
});

const TRUE = ['1', 'true', 'yes'];
const upstream = {
  502: { description: 'The Alkira API failed or answered badly', schema: errorBodySchema },
  504: { description: 'The Alkira API did not answer in time', schema: errorBodySchema },
};
const redirect = (description: string) => ({ description });

export const login = defineRoute({
  method: 'GET',
  path: '/api/auth/login',
  summary: 'Start the OpenID Connect sign-in (redirects to the identity provider)',
  query: z.object({ returnTo: z.string().optional().describe('The app path to come back to') }),
  responses: { 302: redirect('To the identity provider (local mode: to /)') },
});

export const callback = defineRoute({
  method: 'GET',
  path: '/api/auth/callback',
  summary: 'Where the identity provider returns: sets the session cookie',
  query: z.object({ code: z.string().optional(), state: z.string().optional() }),
  responses: {
    302: redirect('Local mode: to /'),
    303: redirect('Back to where sign-in started (or to /?signin_error=…)'),
  },
});

export const logout = defineRoute({
  method: 'POST',
  path: '/api/auth/logout',
  summary: "End the session (from a browser form, the identity provider's too)",
  responses: {
    200: { description: 'Signed out', schema: z.object({ signedOut: z.literal(true) }) },
    303: redirect("A form post: to the provider's logout or /"),
  },
});

export const me = defineRoute({
  method: 'GET',
  path: '/api/auth/me',
  summary: 'Who is signed in, and what they may do',
  responses: { 200: { description: 'The user (null when nobody is signed in)', schema: meSchema } },
});

export const health = defineRoute({
  method: 'GET',
  path: '/api/health',
  summary: 'Whether the server can reach the Alkira API',
  responses: {
    200: { description: 'Healthy', schema: healthSchema },
    503: { description: 'The Alkira API is not usable', schema: healthSchema },
  },
});

export const eventLoopDiagnostics = defineRoute({
  method: 'GET',
  path: '/api/diagnostics/event-loop',
  summary: 'Event-loop delay and memory (only with CONNECTOR_STUDIO_DIAGNOSTICS=1)',
  query: z.object({ reset: z.string().optional().describe('1: start a new window') }),
  responses: {
    200: {
      description: 'The figures since start or the last reset',
      schema: z.object({
        maxDelayMs: z.number(),
        p99DelayMs: z.number(),
        meanDelayMs: z.number(),
        maxBlockedMs: z.number(),
        rssBytes: z.number(),
        eventStreams: z.number().int().describe('Open dashboard event streams'),
      }),
    },
    404: { description: 'Diagnostics are off', schema: errorBodySchema },
  },
});

export const activity = defineRoute({
  method: 'GET',
  path: '/api/activity',
  summary: 'The audit trail, newest first, and the filter options',
  query: z.object({
    user: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .refine((v) => v === undefined || v.length <= 256, 'user must be at most 256 characters')
      .describe('A user id'),
    connector: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .refine((v) => v === undefined || /^\d{1,15}$/.test(v), 'connector must be a connector id (a positive integer)')
      .describe('A connector id'),
    limit: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .refine(
        (n) => n === undefined || (Number.isInteger(n) && n >= 1 && n <= 1000),
        'limit must be an integer from 1 to 1000',
      )
      .meta({ type: 'integer', minimum: 1, maximum: 1000 }),
  }),
  responses: { 200: { description: 'The entries', schema: activitySchema } },
});

export const catalog = defineRoute({
  method: 'GET',
  path: '/api/catalog/{kind}',
  summary: "One of the tenant's catalogs, as the designer's pickers offer it",
  params: z.object({
    kind: z.enum(CATALOG_KINDS, {
      error: (issue) => `Unknown catalog ${JSON.stringify(issue.input)}; one of: ${CATALOG_KINDS.join(', ')}`,
    }),
  }),
  responses: {
    200: { description: 'The items', schema: z.object({ items: z.array(catalogItemSchema) }) },
    404: { description: 'No such catalog', schema: errorBodySchema },
    ...upstream,
  },
});

export const validateDesign = defineRoute({
  method: 'POST',
  path: '/api/designs/validate',
  summary: "The designer's own check of a design (and with ?tenant=1 the tenant checks)",
  query: z.object({
    tenant: z
      .string()
      .optional()
      .transform((v) => TRUE.includes((v ?? '').toLowerCase()))
      .meta({
        type: 'string',
        description: '1/true/yes: add the checks against the live tenant (overlaps, taken names, references)',
      }),
    connector: z
      .string()
      .optional()
      .describe('With tenant: the design is that connector (an edit), whose own name and addresses do not count'),
  }),
  body: designSchema,
  bodyRequired: true,
  responses: {
    200: { description: 'The findings', schema: designCheckSchema },
    422: { description: 'A key the resource does not have', schema: designErrorsSchema },
    ...upstream,
  },
});

/** The render route's source text can be far larger than a design alone; bounded all the same. */
export const MAX_SOURCE_CHARS = 2 * 1024 * 1024;

/** `POST /api/designs/hcl`'s body: the design, render options, and optionally a .tf file to update in place. */
export const renderHclBody = z
  .object({
    design: designSchema,
    options: z.unknown().optional().meta({
      type: 'object',
      description: '{ omitDefaults?: boolean, preSharedKeys?: "variable" | "inline" }',
    }),
    source: z
      .string({ error: '"source" must be the text of a .tf file (a string)' })
      .superRefine((text, ctx) => {
        if (text.length > MAX_SOURCE_CHARS)
          ctx.addIssue({
            code: 'custom',
            message: `"source" is ${text.length} characters; at most ${MAX_SOURCE_CHARS} are accepted`,
            params: { status: 413 },
          });
      })
      .optional()
      .describe('An existing .tf file: its connector resource is updated in place'),
    resource: z
      .string({ error: '"resource" must be the label of a connector resource (a non-empty string)' })
      .min(1, '"resource" must be the label of a connector resource (a non-empty string)')
      .optional()
      .describe('Which connector resource of `source` (when it has several)'),
  })
  .refine((body) => body.resource === undefined || body.source !== undefined, {
    error: '"resource" names a resource of "source"; send "source" too',
  });

export const renderHcl = defineRoute({
  method: 'POST',
  path: '/api/designs/hcl',
  summary: 'Render a design as HCL, or update its resource in an existing .tf file',
  body: renderHclBody,
  bodyRequired: true,
  responses: {
    200: { description: 'The HCL', contentType: 'text/plain' },
    404: { description: '`resource` is not in `source`', schema: errorBodySchema },
    413: { description: 'Too large', schema: errorBodySchema },
    422: {
      description: 'The design (or options) has errors, or `source` cannot be read',
      schema: designErrorsSchema.partial({ errors: true }),
    },
  },
});

export const parseHcl = defineRoute({
  method: 'POST',
  path: '/api/hcl/parse',
  summary: 'Read the connector resources of a .tf file as designs',
  description:
    'Problems in the HCL are diagnostics in a 200 answer. 422 when the parse runs over its time budget; 429 when this client already has too many files waiting.',
  bodyContentType: 'text/plain',
  bodyRequired: true,
  responses: {
    200: { description: 'The designs and diagnostics', schema: parsedHclSchema },
    413: { description: 'Larger than 1 MiB', schema: errorBodySchema },
    422: { description: 'Over the time budget', schema: errorBodySchema },
    429: { description: 'Too many files waiting', schema: errorBodySchema },
  },
});

export const MAX_EXPORT_DESIGNS = 500;

const designIdList = z
  .string()
  .transform((text) => [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ])
  .superRefine((ids, ctx) => {
    if (ids.length > MAX_EXPORT_DESIGNS)
      ctx.addIssue({
        code: 'custom',
        message: `At most ${MAX_EXPORT_DESIGNS} designs per export`,
        params: { status: 413 },
      });
    for (const id of ids)
      if (!/^\d{1,9}$/.test(id) || Number(id) <= 0)
        ctx.addIssue({
          code: 'custom',
          message: `Design ${JSON.stringify(id)} does not exist`,
          params: { status: 404 },
        });
  })
  .transform((ids) => ids.map(Number));

/** `GET /api/export`'s query: what goes into the module, and how catalog picks are written. */
export const exportModuleQuery = z
  .object({
    designs: designIdList.optional().describe(`Comma-separated design ids (at most ${MAX_EXPORT_DESIGNS})`),
    connectors: z
      .string()
      .refine((v) => v === 'live', {
        error: (i) => `Unknown connectors=${JSON.stringify(i.input)}; use connectors=live`,
      })
      .optional()
      .describe('live: every live connector too'),
    format: z
      .string()
      .refine((v) => v === 'module', { error: 'Several designs export as a module only (format=module)' })
      .optional()
      .describe('module (the only format for several designs)'),
    data: z
      .string()
      .refine((v) => v === '' || v === 'ids' || v === 'names', {
        error: (i) =>
          `Unknown data=${JSON.stringify(i.input)}; use data=names (catalog picks as data sources) or leave it out`,
      })
      .optional()
      .describe('names: catalog picks as data sources by name'),
  })
  .refine((q) => (q.designs?.length ?? 0) > 0 || q.connectors === 'live', {
    error: 'Nothing to export: give ?designs=1,2,3 and/or ?connectors=live',
  });

export const exportModule = defineRoute({
  method: 'GET',
  path: '/api/export',
  summary: 'Download one module (.zip) with several designs and/or the live connectors',
  query: exportModuleQuery,
  responses: {
    200: { description: 'The module', contentType: 'application/zip' },
    404: { description: 'A design that does not exist', schema: errorBodySchema },
    413: { description: 'More than 500 designs', schema: errorBodySchema },
    ...upstream,
  },
});

export const tenantSnapshot = defineRoute({
  method: 'GET',
  path: '/api/tenant/snapshot',
  summary: "The tenant as the designer's tenant checks read it (ETag-revalidated)",
  responses: {
    200: { description: 'The snapshot (nothing secret)', schema: tenantSnapshotSchema },
    304: { description: 'Unchanged since the `If-None-Match` ETag' },
    ...upstream,
  },
});

export const openApiDocument = defineRoute({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This document: the HTTP API as OpenAPI 3.1',
  responses: {
    200: {
      description: 'The OpenAPI document',
      schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
    },
  },
});

export const WORKBENCH_ROUTES = [
  login,
  callback,
  logout,
  me,
  health,
  eventLoopDiagnostics,
  activity,
  catalog,
  validateDesign,
  renderHcl,
  parseHcl,
  exportModule,
  tenantSnapshot,
  openApiDocument,
] as const;
