/**
 * The browser's side of the design workspace API (`/api/designs...`,
 * `/api/connectors/{id}/plan`). Every answer is parsed here into strict
 * types, so the components never guess at a shape; a body that does not
 * match becomes an `ApiError` naming the route, not a crash later on.
 */
import '@/lib/util/zod-jitless';
import { z } from 'zod';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { DesignChange, PlanSummary } from '@/lib/connector/diff';
import type { MergeConflict, MergeSide } from '@/lib/connector/merge';
import { ApiError, apiJson } from './api';

const isoTime = z.string();

export const designSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  resource_name: z.string(),
  version: z.number().int(),
  updated_at: isoTime,
  connector_id: z.number().int().nullable().optional(),
  /** The linked live connector's provision state (null when it has none yet). */
  connector_state: z.string().nullable().optional(),
  /** The last version whose provision request reached SUCCESS. */
  provisioned_version: z.number().int().nullable().optional(),
  /** A version sent to the connector whose provision request has not finished yet. */
  pending_version: z.number().int().nullable().optional(),
});
export type DesignSummary = z.infer<typeof designSummarySchema>;

const designListSchema = z.object({ designs: z.array(designSummarySchema) });

// The design itself is validated by the server on the way in; here it only needs to be an object.
const designJson = z.custom<ConnectorDesign>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'a design object');

/** A version's .tf file text as it was saved (comments, layout, other blocks); null when it was saved without one. */
const designFile = z.string().nullable().optional();

export const storedDesignSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  design: designJson,
  hcl: designFile,
  note: z.string().nullable().optional(),
  updated_at: isoTime,
  connector_id: z.number().int().nullable().optional(),
  provisioned_version: z.number().int().nullable().optional(),
  pending_version: z.number().int().nullable().optional(),
});
export type StoredDesign = z.infer<typeof storedDesignSchema>;

export const versionSchema = z.object({
  version: z.number().int(),
  note: z.string().nullable().optional(),
  created_at: isoTime,
});
export type DesignVersion = z.infer<typeof versionSchema>;
const versionListSchema = z.object({ versions: z.array(versionSchema) });

// The shapes of a change and a plan's summary are lib/connector/diff.ts's; these schemas check an answer against them.
export const changeSchema = z.object({
  path: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
}) satisfies z.ZodType<DesignChange>;
export type { DesignChange };
const diffSchema = z.object({ changes: z.array(changeSchema) });

const planSchema = z.object({
  changes: z.array(changeSchema),
  summary: z.object({
    add: z.number().int(),
    change: z.number().int(),
    destroy: z.number().int(),
    text: z.string(),
  }) satisfies z.ZodType<PlanSummary>,
});
export type ConnectorPlan = z.infer<typeof planSchema>;

const driftSchema = z.object({
  connector_id: z.number().int().nullable(),
  provisioned_version: z.number().int().nullable().optional(),
  /** The linked connector no longer exists. */
  connector_missing: z.boolean().optional(),
  drifted: z.boolean(),
  /** From the provisioned version to what the live connector has now. */
  changes: z.array(changeSchema),
});
export type DesignDrift = z.infer<typeof driftSchema>;

const pathSegment = z.union([z.string(), z.number()]);

/** One conflict of a three-way merge (lib/connector/merge.ts): both sides changed the same attribute or block. */
export const mergeConflictSchema = z.object({
  id: z.string(),
  path: z.array(pathSegment),
  kind: z.enum(['attribute', 'block']),
  base: z.unknown().optional(),
  theirs: z.unknown().optional(),
  mine: z.unknown().optional(),
}) satisfies z.ZodType<MergeConflict>;
export type { MergeConflict, MergeSide };

/** The merge a stale save's 409 proposes (lib/services/workspace-merge.ts). */
export const mergeProposalSchema = z.object({
  base_version: z.number().int(),
  theirs_version: z.number().int(),
  theirs_author: z.string().nullable(),
  theirs_changes: z.array(changeSchema),
  mine_changes: z.array(changeSchema),
  conflicts: z.array(mergeConflictSchema),
  merged: designJson,
  file: z.enum(['kept', 'rendered', 'none']),
});
export type MergeProposal = z.infer<typeof mergeProposalSchema>;

/** The 409 body of a stale save: the newer version, how it differs from what was sent, and the merge it proposes. */
export const staleSaveSchema = z.object({
  error: z.string(),
  latest: z.object({ version: z.number().int(), design: designJson, hcl: designFile, note: z.string().nullable().optional(), updated_at: isoTime }),
  changes: z.array(changeSchema),
  merge: mergeProposalSchema,
});
export type StaleSave = z.infer<typeof staleSaveSchema>;

const provisionSentSchema = z.object({
  version: z.number().int(),
  connector_id: z.number().int(),
  provisionRequestId: z.string().nullable(),
});

const importedRef = z.object({ id: z.number().int(), name: z.string(), resource_name: z.string() });
const importedSchema = z.object({ designs: z.array(importedRef), replayed: z.boolean() });
export type ImportedDesigns = z.infer<typeof importedSchema>;

const importProblem = z.object({ message: z.string(), line: z.number().int(), column: z.number().int(), path: z.string().optional() });
export type ImportProblem = z.infer<typeof importProblem>;
/** The 422 body of a refused import: each connector with problems, and the file's own. */
const importRefusedSchema = z.object({
  error: z.string(),
  connectors: z.array(z.object({ resource_name: z.string(), name: z.string(), line: z.number().int(), problems: z.array(importProblem) })),
  file_problems: z.array(importProblem),
});
export type ImportRefused = z.infer<typeof importRefusedSchema>;
/** The 409 body of an import whose connectors the workspace already has designs for. */
const importConflictSchema = z.object({ error: z.string(), existing: z.array(importedRef) });
export type ImportConflict = z.infer<typeof importConflictSchema>;

const mergedSchema = z.object({ version: z.number().int(), note: z.string(), file: z.enum(['kept', 'rendered', 'none']) });

const adoptPreviewSchema = z.object({
  connector_id: z.number().int(),
  provisioned_version: z.number().int(),
  latest_version: z.number().int(),
  version: z.number().int(),
  changes: z.array(changeSchema),
});
export type AdoptPreview = z.infer<typeof adoptPreviewSchema>;
const adoptedSchema = z.object({ version: z.number().int(), connector_id: z.number().int(), note: z.string() });

const createdSchema = z.object({ id: z.number().int(), version: z.number().int() });
const savedSchema = z.object({ version: z.number().int() });

/** Fetches a route and parses its answer; a mismatch is reported as the route's fault, with the request's status. */
async function parsed<T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> {
  const body = await apiJson<unknown>(path, init);
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiError(502, { error: `Unexpected answer from ${path.split('?')[0]}: ${result.error.issues[0]?.message ?? 'wrong shape'}` });
  }
  return result.data;
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const workspaceApi = {
  list: () => parsed(designListSchema, '/api/designs').then((r) => r.designs),
  get: (id: number) => parsed(storedDesignSchema, `/api/designs/${id}`),
  getVersion: (id: number, version: number) => parsed(storedDesignSchema, `/api/designs/${id}?version=${version}`),
  /**
   * `hcl`: the .tf file text to store with the version (its keys as variable references: a file writing a
   * pre_shared_key or remote_auth_value in clear is refused with 422, as is one without the design's resource).
   */
  create: (design: ConnectorDesign, note?: string, hcl?: string | null) => parsed(createdSchema, '/api/designs', json('POST', { design, note, hcl })),
  save: (id: number, design: ConnectorDesign, baseVersion: number, note?: string, hcl?: string | null) =>
    parsed(savedSchema, `/api/designs/${id}`, json('PUT', { design, base_version: baseVersion, note, hcl })),
  /**
   * "Import .tf": every chosen connector of the file (`resources`: their labels) becomes a design, all or none.
   * Sending the same import again answers with the designs it made (`replayed`), never duplicates.
   */
  importFile: (hcl: string, fileName: string | undefined, resources: string[]) =>
    parsed(importedSchema, '/api/designs/import', json('POST', { hcl, file_name: fileName ?? null, resources })),
  /** Saves `design` (edited from `baseVersion`) merged into version `theirsVersion`, with a choice per conflict id. */
  saveMerged: (id: number, design: ConnectorDesign, baseVersion: number, theirsVersion: number, resolutions: Record<string, MergeSide>, note?: string, hcl?: string | null) =>
    parsed(mergedSchema, `/api/designs/${id}`, json('PUT', { design, base_version: baseVersion, note, hcl, merge: { theirs_version: theirsVersion, resolutions } })),
  /** What adopting the live connector's values would save (latest version → live). */
  adoptPreview: (id: number) => parsed(adoptPreviewSchema, `/api/designs/${id}/adopt`),
  /** Saves the live values as the next version (after `baseVersion`, the latest the preview was of). */
  adopt: (id: number, baseVersion: number) => parsed(adoptedSchema, `/api/designs/${id}/adopt`, json('POST', { base_version: baseVersion })),
  remove: (id: number) => apiJson<unknown>(`/api/designs/${id}`, { method: 'DELETE' }),
  /** Undoes `remove`. */
  undoRemove: (id: number) => apiJson<unknown>(`/api/designs/${id}/restore`, { method: 'POST' }),
  versions: (id: number) => parsed(versionListSchema, `/api/designs/${id}/versions`).then((r) => r.versions),
  diff: (id: number, from: number, to: number) =>
    parsed(diffSchema, `/api/designs/${id}/diff?from=${from}&to=${to}`).then((r) => r.changes),
  plan: (connectorId: number, design: ConnectorDesign) => parsed(planSchema, `/api/connectors/${connectorId}/plan`, json('POST', { design })),
  drift: (id: number) => parsed(driftSchema, `/api/designs/${id}/drift`),
  /** Provisions a saved version (the server holds its keys) and records the link to the connector. */
  provision: (id: number, version: number) => parsed(provisionSentSchema, `/api/designs/${id}/provision`, json('POST', { version })),
};

/** The newer version a save lost to, when `error` is the 409 of a stale `base_version`; else null. */
export function staleSave(error: unknown): StaleSave | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const result = staleSaveSchema.safeParse(error.body);
  return result.success ? result.data : null;
}

/** Why an import was refused, when `error` is its 422 (problems) or 409 (designs already there); else null. */
export function importRefusal(error: unknown): { problems: ImportRefused } | { conflict: ImportConflict } | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 422) {
    const result = importRefusedSchema.safeParse(error.body);
    return result.success ? { problems: result.data } : null;
  }
  if (error.status === 409) {
    const result = importConflictSchema.safeParse(error.body);
    return result.success ? { conflict: result.data } : null;
  }
  return null;
}
