/** The contract of the design workspace routes (`/api/designs...`). */
import '@/lib/util/zod-jitless';
import { z } from 'zod';
import {
  changeSchema,
  designErrorsSchema,
  designIdParams,
  designSchema,
  errorBodySchema,
  isoTime,
  mergeConflictSchema,
  unresolvedErrorSchema,
  versionNumber,
} from './common';
import type { ImportProblem } from '@/lib/connector/hcl/import-plan';
import { defineRoute } from './registry';

export const MAX_NOTE_LENGTH = 2000;
export const DESIGN_SORTS = ['name', 'updated', 'created', 'id'] as const;
export type DesignSort = (typeof DESIGN_SORTS)[number];

/** A version's .tf file text as it was saved (comments, layout, other blocks); null when it was saved without one. */
const designFile = z.string().nullable();

export const designSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    resource_name: z.string(),
    version: z.number().int(),
    created_at: isoTime,
    updated_at: isoTime,
    connector_id: z.number().int().nullable(),
    connector_state: z
      .string()
      .nullable()
      .describe("The linked live connector's provision state (null when it has none yet)"),
    provisioned_version: z
      .number()
      .int()
      .nullable()
      .describe('The last version whose provision request reached SUCCESS'),
    pending_version: z
      .number()
      .int()
      .nullable()
      .describe('A version sent to the connector whose provision request has not finished yet'),
  })
  .meta({ id: 'DesignSummary' });
export type DesignSummary = z.infer<typeof designSummarySchema>;

/** A design version as the workspace answers it (sensitive values masked). */
export const designResponseSchema = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    latest_version: z.number().int(),
    design: designSchema,
    hcl: designFile,
    note: z.string(),
    updated_at: isoTime,
    connector_id: z.number().int().nullable(),
    provisioned_version: z.number().int().nullable(),
    pending_version: z.number().int().nullable(),
  })
  .meta({ id: 'DesignVersionView' });
/** A saved version as the API answers it (the store's `StoredDesign` is the row, keys decrypted). */
export type DesignResponse = z.infer<typeof designResponseSchema>;

export const versionSchema = z.object({ version: z.number().int(), note: z.string(), created_at: isoTime });
export type DesignVersion = z.infer<typeof versionSchema>;

export const driftSchema = z.object({
  connector_id: z.number().int().nullable(),
  provisioned_version: z.number().int().optional(),
  connector_missing: z.boolean().optional().describe('The linked connector no longer exists'),
  drifted: z.boolean(),
  changes: z.array(changeSchema).describe('From the provisioned version to what the live connector has now'),
});
export type DesignDrift = z.infer<typeof driftSchema>;

/** The merge a stale save's 409 proposes (lib/alkira/workspace-merge.ts). */
export const mergeProposalSchema = z.object({
  base_version: z.number().int(),
  theirs_version: z.number().int(),
  theirs_author: z.string().nullable(),
  theirs_changes: z.array(changeSchema),
  mine_changes: z.array(changeSchema),
  conflicts: z.array(mergeConflictSchema),
  merged: designSchema,
  file: z.enum(['kept', 'rendered', 'none']),
});
export type MergeProposal = z.infer<typeof mergeProposalSchema>;

/** The 409 body of a stale save: the newer version, how it differs from what was sent, and the merge it proposes. */
export const staleSaveSchema = errorBodySchema.extend({
  latest: z.object({
    version: z.number().int(),
    design: designSchema,
    hcl: designFile,
    note: z.string(),
    updated_at: isoTime,
  }),
  changes: z.array(changeSchema),
  merge: mergeProposalSchema,
});
export type StaleSave = z.infer<typeof staleSaveSchema>;

const importedRef = z.object({ id: z.number().int(), name: z.string(), resource_name: z.string() });
export const importedSchema = z.object({ designs: z.array(importedRef), replayed: z.boolean() });
export type ImportedDesigns = z.infer<typeof importedSchema>;
const importProblem: z.ZodType<ImportProblem> = z.object({
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  path: z.string().optional(),
});
export type { ImportProblem };
/** The 422 body of a refused import: each connector with problems, and the file's own. */
export const importRefusedSchema = errorBodySchema.extend({
  connectors: z.array(
    z.object({ resource_name: z.string(), name: z.string(), line: z.number().int(), problems: z.array(importProblem) }),
  ),
  file_problems: z.array(importProblem),
});
export type ImportRefused = z.infer<typeof importRefusedSchema>;
/** The 409 body of an import whose connectors the workspace already has designs for. */
export const importConflictSchema = errorBodySchema.extend({ existing: z.array(importedRef) });
export type ImportConflict = z.infer<typeof importConflictSchema>;

export const adoptPreviewSchema = z.object({
  connector_id: z.number().int(),
  provisioned_version: z.number().int(),
  latest_version: z.number().int(),
  version: z.number().int().describe('The version adopting saves'),
  changes: z.array(changeSchema).describe('latest version → the live values'),
});
export type AdoptPreview = z.infer<typeof adoptPreviewSchema>;

// ---- request bodies ----

const unknownFields = (expected: readonly string[]) => (issue: { code: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' && issue.keys
    ? `Unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; expected ${expected.join(', ')}`
    : undefined;

const noteField = z
  .string({ error: '"note" must be a string' })
  .refine((note) => note.length <= MAX_NOTE_LENGTH, {
    error: `"note" is longer than ${MAX_NOTE_LENGTH} characters`,
    params: { status: 413 },
  })
  .nullish()
  .transform((v) => v ?? '')
  .describe(`What changed (at most ${MAX_NOTE_LENGTH} characters)`);
const hclField = z
  .unknown()
  .optional()
  .meta({
    type: ['string', 'null'],
    description:
      "The version's .tf file text, stored as sent (checked against the design: keys as variable references; 413 over 1 MiB, 422 naming each problem)",
  });

// `design` last: its problem is reported after those of the envelope's own fields.
export const createDesignBody = z.strictObject(
  { note: noteField, hcl: hclField, design: designSchema },
  { error: unknownFields(['design', 'note', 'hcl']) },
);

export const mergeRequestSchema = z
  .unknown()
  .optional()
  .meta({
    type: 'object',
    description:
      'A save of a stale base merged into the newer version: { theirs_version, resolutions: { "<conflict id>": "theirs" | "mine" } }',
    properties: {
      theirs_version: { type: 'integer', minimum: 1 },
      resolutions: { type: 'object', additionalProperties: { enum: ['theirs', 'mine'] } },
    },
    required: ['theirs_version'],
  });

export const saveDesignBody = z.strictObject(
  {
    note: noteField,
    hcl: hclField,
    base_version: versionNumber('base_version', '"base_version" is required: the version your edit started from'),
    merge: mergeRequestSchema,
    design: designSchema,
  },
  { error: unknownFields(['design', 'note', 'hcl', 'base_version', 'merge']) },
);

const designIdParamsOnly = designIdParams;
const notFound = { description: 'No such design (or version)', schema: errorBodySchema };
const upstream = {
  502: { description: 'The Alkira API failed or answered badly', schema: errorBodySchema },
  504: { description: 'The Alkira API did not answer in time', schema: errorBodySchema },
};
const designRefused = {
  description: "The design's errors (or the file's problems), each at its path",
  schema: designErrorsSchema,
};

export const listDesigns = defineRoute({
  method: 'GET',
  path: '/api/designs',
  summary: 'List the workspace designs',
  query: z.object({
    q: z.string().max(200, 'q is longer than 200 characters').optional().describe('Text in the name or resource name'),
    sort: z
      .enum(DESIGN_SORTS, {
        error: (issue) => `Unknown sort ${JSON.stringify(issue.input)}; use one of ${DESIGN_SORTS.join(', ')}`,
      })
      .default('updated'),
    order: z.enum(['asc', 'desc'], { error: 'order must be "asc" or "desc"' }).optional(),
  }),
  responses: { 200: { description: 'The designs', schema: z.object({ designs: z.array(designSummarySchema) }) } },
});

export const createDesign = defineRoute({
  method: 'POST',
  path: '/api/designs',
  summary: 'Save a new design (version 1)',
  body: createDesignBody,
  bodyRequired: true,
  responses: {
    201: {
      description: 'Saved; `Location` names it',
      schema: z.object({ id: z.number().int(), version: z.number().int() }),
    },
    413: { description: 'Too large (the note, the file or the body)', schema: errorBodySchema },
    422: designRefused,
  },
});

const RESOURCES_MESSAGE = '"resources" must be a non-empty list of resource labels (at most 1000)';

export const importDesigns = defineRoute({
  method: 'POST',
  path: '/api/designs/import',
  summary: 'Import the connectors of a .tf file as designs, all or none',
  description: 'Sending the same import again answers 200 with the designs it made (`replayed`), never duplicates.',
  body: z.strictObject(
    {
      hcl: z
        .string({ error: '"hcl" must be the text of the .tf file (a string)' })
        .describe('The .tf file text (at most 1 MiB)'),
      file_name: z
        .string({ error: '"file_name" must be a file name (at most 255 characters, no control characters)' })
        .max(255, '"file_name" must be a file name (at most 255 characters, no control characters)')
        .regex(
          /^[^\u0000-\u001f\u007f]*$/,
          '"file_name" must be a file name (at most 255 characters, no control characters)',
        )
        .nullish()
        .transform((v) => (v ? v.trim() || null : null)),
      resources: z
        .array(z.string({ error: RESOURCES_MESSAGE }).max(200, RESOURCES_MESSAGE), { error: RESOURCES_MESSAGE })
        .min(1, RESOURCES_MESSAGE)
        .max(1000, RESOURCES_MESSAGE)
        .transform((list) => [...new Set(list)])
        .optional()
        .describe('The labels of the connector resources to import (every one when absent)'),
    },
    { error: unknownFields(['hcl', 'file_name', 'resources']) },
  ),
  bodyRequired: true,
  responses: {
    200: { description: 'The same import was already made: its designs (`replayed: true`)', schema: importedSchema },
    201: { description: 'Imported', schema: importedSchema },
    409: {
      description: 'The workspace already has designs for some of these connector names',
      schema: importConflictSchema,
    },
    413: { description: 'The file is too large', schema: errorBodySchema },
    422: { description: 'A chosen connector or the file has errors: nothing saved', schema: importRefusedSchema },
  },
});

export const getDesign = defineRoute({
  method: 'GET',
  path: '/api/designs/{id}',
  summary: 'A design version (the latest, or `?version=N`)',
  params: designIdParamsOnly,
  query: z.object({ version: versionNumber('version').optional() }),
  responses: {
    200: { description: 'The version (sensitive values masked)', schema: designResponseSchema },
    404: notFound,
  },
});

export const saveDesign = defineRoute({
  method: 'PUT',
  path: '/api/designs/{id}',
  summary: 'Save the next version of a design',
  description:
    'A stale `base_version` answers 409 with the latest version, what differs from it and a three-way merge proposal; sent again with `merge: { theirs_version, resolutions }` the merged design is saved.',
  params: designIdParamsOnly,
  body: saveDesignBody,
  bodyRequired: true,
  responses: {
    200: {
      description: 'Saved (`note` and `file` when merged)',
      schema: z.object({
        id: z.number().int(),
        version: z.number().int(),
        note: z.string().optional(),
        file: z.enum(['kept', 'rendered', 'none']).optional(),
      }),
    },
    404: notFound,
    409: { description: 'The base version is not the latest (or a merge needs choices)', schema: staleSaveSchema },
    413: { description: 'Too large (the note, the file or the body)', schema: errorBodySchema },
    422: designRefused,
  },
});

export const deleteDesign = defineRoute({
  method: 'DELETE',
  path: '/api/designs/{id}',
  summary: 'Delete a design (undo: POST /api/designs/{id}/restore)',
  params: designIdParamsOnly,
  responses: {
    200: {
      description: 'Deleted',
      schema: z.object({ id: z.number().int(), deleted: z.literal(true), restore: z.string() }),
    },
    404: notFound,
  },
});

export const designAdoptPreview = defineRoute({
  method: 'GET',
  path: '/api/designs/{id}/adopt',
  summary: "What adopting the live connector's values would save (latest → live)",
  params: designIdParamsOnly,
  responses: {
    200: { description: 'The preview', schema: adoptPreviewSchema },
    404: notFound,
    409: { description: 'Not provisioned, or nothing to adopt', schema: errorBodySchema },
    ...upstream,
  },
});

export const adoptDesign = defineRoute({
  method: 'POST',
  path: '/api/designs/{id}/adopt',
  summary: 'Save the live values as the next version, which the connector now runs',
  params: designIdParamsOnly,
  body: z.strictObject(
    {
      base_version: versionNumber('base_version', '"base_version" is required: the latest version the preview was of'),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' && issue.keys
          ? `Unknown field ${JSON.stringify(issue.keys[0])}; expected base_version`
          : undefined,
    },
  ),
  responses: {
    200: {
      description: 'Saved',
      schema: z.object({
        id: z.number().int(),
        version: z.number().int(),
        connector_id: z.number().int(),
        note: z.string(),
      }),
    },
    404: notFound,
    409: { description: 'The latest version is not the one previewed, or nothing to adopt', schema: errorBodySchema },
    ...upstream,
  },
});

export const designDiff = defineRoute({
  method: 'GET',
  path: '/api/designs/{id}/diff',
  summary: 'What changed between two versions',
  params: designIdParamsOnly,
  query: z.object({
    from: versionNumber('from', 'Give both versions: ?from=N&to=M'),
    to: versionNumber('to', 'Give both versions: ?from=N&to=M'),
  }),
  responses: {
    200: {
      description: 'The changes (sensitive values as "(sensitive)")',
      schema: z.object({
        id: z.number().int(),
        from: z.number().int(),
        to: z.number().int(),
        changes: z.array(changeSchema),
      }),
    },
    404: notFound,
  },
});

export const designDrift = defineRoute({
  method: 'GET',
  path: '/api/designs/{id}/drift',
  summary: 'How the live connector differs from the provisioned version',
  params: designIdParamsOnly,
  responses: { 200: { description: 'The drift', schema: driftSchema }, 404: notFound, ...upstream },
});

export const EXPORT_FORMATS = ['tf', 'module'] as const;
const dataParam = z
  .enum(['', 'ids', 'names'], {
    error: (issue) =>
      `Unknown data=${JSON.stringify(issue.input)}; use data=names (catalog picks as data sources) or leave it out`,
  })
  .optional()
  .transform((v) => v === 'names')
  .meta({ type: 'string', enum: ['ids', 'names'], description: 'names: catalog picks as data sources by name' });

export const exportDesign = defineRoute({
  method: 'GET',
  path: '/api/designs/{id}/export',
  summary: 'Download a design as one .tf file or a module (.zip)',
  params: designIdParamsOnly,
  query: z.object({
    format: z
      .enum(EXPORT_FORMATS, {
        error: (issue) => `Unknown format ${JSON.stringify(issue.input)}; use format=tf or format=module`,
      })
      .default('tf'),
    data: dataParam,
  }),
  responses: {
    200: {
      description: 'The .tf file (text/plain) or the module (application/zip), as an attachment',
      contentType: 'text/plain',
    },
    404: notFound,
    ...upstream,
  },
});

export const designVersions = defineRoute({
  method: 'GET',
  path: '/api/designs/{id}/versions',
  summary: "A design's versions, newest first",
  params: designIdParamsOnly,
  responses: {
    200: { description: 'The versions', schema: z.object({ id: z.number().int(), versions: z.array(versionSchema) }) },
    404: notFound,
  },
});

export const restoreDesign = defineRoute({
  method: 'POST',
  path: '/api/designs/{id}/restore',
  summary: 'Undo a delete',
  params: designIdParamsOnly,
  responses: {
    200: { description: 'Restored', schema: z.object({ id: z.number().int(), deleted: z.literal(false) }) },
    404: notFound,
  },
});

export const provisionDesign = defineRoute({
  method: 'POST',
  path: '/api/designs/{id}/provision',
  summary: 'Provision a saved version (creates or updates the linked connector)',
  params: designIdParamsOnly,
  body: z.object({
    version: versionNumber('version').optional().describe('The version to provision (default: the latest)'),
  }),
  responses: {
    202: {
      description: 'Sent',
      schema: z.object({
        design_id: z.number().int(),
        version: z.number().int(),
        connector_id: z.number().int(),
        provisionRequestId: z.string().nullable(),
      }),
    },
    404: notFound,
    409: {
      description: 'References do not resolve, or the name is taken',
      schema: unresolvedErrorSchema.partial({ unresolved: true }),
    },
    422: designRefused,
    ...upstream,
  },
});

export const linkProvisioned = defineRoute({
  method: 'POST',
  path: '/api/designs/{id}/provisioned',
  summary: 'Link a version to a connector provisioned through /api/connectors',
  params: designIdParamsOnly,
  body: z.object({
    connector_id: z
      .union([z.number(), z.string()], { error: '"connector_id" is required' })
      .transform(String)
      .meta({ type: 'integer', minimum: 1, description: 'The connector the version was provisioned to' }),
    version: versionNumber('version'),
  }),
  bodyRequired: true,
  responses: {
    200: {
      description: "Linked (pending until the connector's request succeeds)",
      schema: z.object({
        id: z.number().int(),
        connector_id: z.number().int(),
        provisioned_version: z.number().int().nullable(),
        pending_version: z.number().int().nullable(),
      }),
    },
    404: notFound,
    409: { description: "The connector's last provision request failed", schema: errorBodySchema },
  },
});

export const DESIGN_ROUTES = [
  listDesigns,
  createDesign,
  importDesigns,
  getDesign,
  saveDesign,
  deleteDesign,
  designAdoptPreview,
  adoptDesign,
  designDiff,
  designDrift,
  exportDesign,
  designVersions,
  restoreDesign,
  provisionDesign,
  linkProvisioned,
] as const;
