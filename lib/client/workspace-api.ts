/**
 * The browser's side of the design workspace API (`/api/designs...`,
 * `/api/connectors/{id}/plan`), called through the contract (lib/contract):
 * every answer is parsed with the route's schema, so the components never
 * guess at a shape; a body that does not match becomes an `ApiError` naming
 * the route, not a crash later on.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import type { DesignChange } from '@/lib/connector/diff';
import type { MergeConflict, MergeSide } from '@/lib/connector/merge';
import {
  adoptDesign,
  createDesign,
  deleteDesign,
  designAdoptPreview,
  designDiff,
  designDrift,
  designVersions,
  getDesign,
  importConflictSchema,
  importDesigns,
  importRefusedSchema,
  listDesigns,
  planConnector,
  provisionDesign,
  restoreDesign,
  saveDesign,
  staleSaveSchema,
  type ImportConflict,
  type PlanResponse,
  type ImportRefused,
  type StaleSave,
} from '@/lib/contract';
import { ApiError } from './api';
import { callRoute } from './call';

export type {
  AdoptPreview,
  DesignDrift,
  DesignResponse,
  DesignSummary,
  DesignVersion,
  ImportConflict,
  ImportedDesigns,
  ImportProblem,
  ImportRefused,
  MergeProposal,
  StaleSave,
} from '@/lib/contract';
export type { DesignChange, MergeConflict, MergeSide };

/** What a plan dialog shows: the server's plan, or one the browser draws for a connector as a whole (components/provisioning/whole-plan.ts). */
export type ConnectorPlan = Pick<PlanResponse, 'changes' | 'summary'>;

export const workspaceApi = {
  list: () => callRoute(listDesigns).then((r) => r.designs),
  get: (id: number) => callRoute(getDesign, { params: { id } }),
  getVersion: (id: number, version: number) => callRoute(getDesign, { params: { id }, query: { version } }),
  /**
   * `hcl`: the .tf file text to store with the version (its keys as variable references: a file writing a
   * pre_shared_key or remote_auth_value in clear is refused with 422, as is one without the design's resource).
   */
  create: (design: ConnectorDesign, note?: string, hcl?: string | null) =>
    callRoute(createDesign, { body: { design, note, hcl } }),
  save: (id: number, design: ConnectorDesign, baseVersion: number, note?: string, hcl?: string | null) =>
    callRoute(saveDesign, { params: { id }, body: { design, base_version: baseVersion, note, hcl } }),
  /**
   * "Import .tf": every chosen connector of the file (`resources`: their labels) becomes a design, all or none.
   * Sending the same import again answers with the designs it made (`replayed`), never duplicates.
   */
  importFile: (hcl: string, fileName: string | undefined, resources: string[]) =>
    callRoute(importDesigns, { body: { hcl, file_name: fileName ?? null, resources } }),
  /** Saves `design` (edited from `baseVersion`) merged into version `theirsVersion`, with a choice per conflict id. */
  saveMerged: (
    id: number,
    design: ConnectorDesign,
    baseVersion: number,
    theirsVersion: number,
    resolutions: Record<string, MergeSide>,
    note?: string,
    hcl?: string | null,
  ) =>
    callRoute(saveDesign, {
      params: { id },
      body: { design, base_version: baseVersion, note, hcl, merge: { theirs_version: theirsVersion, resolutions } },
    }),
  /** What adopting the live connector's values would save (latest version → live). */
  adoptPreview: (id: number) => callRoute(designAdoptPreview, { params: { id } }),
  /** Saves the live values as the next version (after `baseVersion`, the latest the preview was of). */
  adopt: (id: number, baseVersion: number) =>
    callRoute(adoptDesign, { params: { id }, body: { base_version: baseVersion } }),
  remove: (id: number) => callRoute(deleteDesign, { params: { id } }),
  /** Undoes `remove`. */
  undoRemove: (id: number) => callRoute(restoreDesign, { params: { id } }),
  versions: (id: number) => callRoute(designVersions, { params: { id } }).then((r) => r.versions),
  diff: (id: number, from: number, to: number) =>
    callRoute(designDiff, { params: { id }, query: { from, to } }).then((r) => r.changes),
  plan: (connectorId: number, design: ConnectorDesign) =>
    callRoute(planConnector, { params: { id: connectorId }, body: { design } }),
  drift: (id: number) => callRoute(designDrift, { params: { id } }),
  /** Provisions a saved version (the server holds its keys) and records the link to the connector. */
  provision: (id: number, version: number) => callRoute(provisionDesign, { params: { id }, body: { version } }),
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
