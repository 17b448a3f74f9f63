/**
 * The design workspace: designs with numbered versions, soft delete, and the
 * link to the live connector a version was provisioned to.
 *
 * For the UI (all under /api/designs, JSON; errors are `{ error, errors? }`):
 * - `POST /api/designs {design, note?}` → 201 `{id, version: 1}`.
 * - `GET /api/designs?q=&sort=name|updated|created|id&order=asc|desc` →
 *   `{designs: [{id, name, resource_name, version, updated_at, created_at,
 *   connector_id, provisioned_version, connector_state}]}`.
 * - `GET /api/designs/{id}[?version=N]` → `{id, version, design, note, updated_at,
 *   connector_id, provisioned_version}`. Pre-shared keys come back as
 *   `"********"`; send that mask back unchanged in PUT/plan to keep the stored
 *   key (`keepMaskedSecrets`), or a new value to change it.
 * - `PUT /api/designs/{id} {design, base_version, note?}` → `{version}`; 409
 *   `{error, latest: {version, design, note, updated_at}, changes}` when
 *   `base_version` is not the latest (`changes`: latest vs. what was sent).
 *   Restoring an old version: GET it with `?version=N`, then PUT its design with
 *   `base_version` = the latest version (it becomes a new version).
 * - `DELETE /api/designs/{id}` → `{id, deleted: true}` (soft);
 *   `POST /api/designs/{id}/restore` undoes it.
 * - `GET /api/designs/{id}/versions` → `{versions: [{version, note, created_at}]}` newest first.
 * - `GET /api/designs/{id}/diff?from=N&to=M` → `{changes: [{path, action, before?, after?}]}`.
 * - Provisioning a design: `POST /api/designs/{id}/provision {version?}` creates
 *   (or, when already linked, updates) the connector from that version and
 *   records the link; or, after provisioning through /api/connectors yourself,
 *   `POST /api/designs/{id}/provisioned {connector_id, version}` records it.
 * - `GET /api/designs/{id}/drift` → `{connector_id, provisioned_version, drifted,
 *   changes}`: the live connector against the provisioned version.
 * - `POST /api/connectors/{id}/plan {design}` → `{changes, summary}`.
 * - `GET /api/designs/{id}/export?format=tf|module`, `GET /api/export?designs=1,2`.
 */
import { sql } from 'kysely';
import type { ConnectorDesign } from '@/lib/connector/design';
import { getDb } from './db';
import { openDesign, sealDesign } from './secrets';

export interface DesignSummary {
  id: number;
  name: string;
  resource_name: string;
  version: number;
  created_at: string;
  updated_at: string;
  connector_id: number | null;
  provisioned_version: number | null;
  backend: string | null;
}

export interface StoredDesign {
  id: number;
  version: number;
  /** Decrypted: callers mask before answering a browser. */
  design: ConnectorDesign;
  note: string;
  updated_at: string;
  latest_version: number;
  connector_id: number | null;
  provisioned_version: number | null;
  backend: string | null;
}

export interface VersionInfo {
  version: number;
  note: string;
  created_at: string;
}

export const DESIGN_SORTS = ['name', 'updated', 'created', 'id'] as const;
export type DesignSort = (typeof DESIGN_SORTS)[number];

export interface ListOptions {
  q?: string;
  sort?: DesignSort;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

function now(): string {
  return new Date().toISOString();
}

function parseStored(text: string): ConnectorDesign {
  return openDesign(JSON.parse(text) as ConnectorDesign);
}

export async function createDesign(design: ConnectorDesign, note = ''): Promise<{ id: number; version: 1 }> {
  const db = await getDb();
  const sealed = JSON.stringify(sealDesign(design));
  const at = now();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('designs')
      .values({ name: design.name, resource_name: design.resource_name, latest_version: 1, connector_id: null, provisioned_version: null, backend: null, created_at: at, updated_at: at, deleted_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await tx.insertInto('design_versions').values({ design_id: id, version: 1, design: sealed, note, created_at: at }).execute();
    return { id, version: 1 as const };
  });
}

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => '\\' + c);
}

export async function listDesigns(options: ListOptions = {}): Promise<DesignSummary[]> {
  const db = await getDb();
  // Names sort case-insensitively, the same on both databases (their collations differ).
  const column = { name: sql<string>`lower(name)`, updated: sql<string>`updated_at`, created: sql<string>`created_at`, id: sql<string>`id` };
  const order = options.order ?? (options.sort === 'name' ? 'asc' : 'desc');
  let query = db
    .selectFrom('designs')
    .select(['id', 'name', 'resource_name', 'latest_version', 'created_at', 'updated_at', 'connector_id', 'provisioned_version', 'backend'])
    .where('deleted_at', 'is', null);
  const q = options.q?.trim().toLowerCase();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(resource_name)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const rows = await query
    .orderBy(column[options.sort ?? 'updated'], order)
    .orderBy('id', order)
    .limit(options.limit ?? 5000)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    resource_name: r.resource_name,
    version: Number(r.latest_version),
    created_at: r.created_at,
    updated_at: r.updated_at,
    connector_id: r.connector_id === null ? null : Number(r.connector_id),
    provisioned_version: r.provisioned_version === null ? null : Number(r.provisioned_version),
    backend: r.backend,
  }));
}

/** A design at `version` (default: latest); null when it does not exist or is deleted. */
export async function getDesign(id: number, version?: number): Promise<StoredDesign | null> {
  const db = await getDb();
  const head = await db.selectFrom('designs').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!head) return null;
  const wanted = version ?? Number(head.latest_version);
  const row = await db.selectFrom('design_versions').selectAll().where('design_id', '=', id).where('version', '=', wanted).executeTakeFirst();
  if (!row) return null;
  return {
    id,
    version: Number(row.version),
    design: parseStored(row.design),
    note: row.note,
    updated_at: version === undefined ? head.updated_at : row.created_at,
    latest_version: Number(head.latest_version),
    connector_id: head.connector_id === null ? null : Number(head.connector_id),
    provisioned_version: head.provisioned_version === null ? null : Number(head.provisioned_version),
    backend: head.backend,
  };
}

export type UpdateResult = { ok: true; version: number } | { ok: false; reason: 'not-found' } | { ok: false; reason: 'stale'; latest: StoredDesign };

/**
 * Saves `design` as version base_version + 1 — only if base_version is still
 * the latest (the compare-and-set is one UPDATE, so two writers cannot both win).
 */
export async function updateDesign(id: number, design: ConnectorDesign, baseVersion: number, note = ''): Promise<UpdateResult> {
  const db = await getDb();
  const sealed = JSON.stringify(sealDesign(design));
  const at = now();
  const won = await db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('designs')
      .set({ latest_version: baseVersion + 1, name: design.name, resource_name: design.resource_name, updated_at: at })
      .where('id', '=', id)
      .where('latest_version', '=', baseVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await tx.insertInto('design_versions').values({ design_id: id, version: baseVersion + 1, design: sealed, note, created_at: at }).execute();
    return true;
  });
  if (won) return { ok: true, version: baseVersion + 1 };
  const latest = await getDesign(id);
  return latest ? { ok: false, reason: 'stale', latest } : { ok: false, reason: 'not-found' };
}

export async function listVersions(id: number): Promise<VersionInfo[] | null> {
  const db = await getDb();
  const head = await db.selectFrom('designs').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!head) return null;
  const rows = await db.selectFrom('design_versions').select(['version', 'note', 'created_at']).where('design_id', '=', id).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: Number(r.version), note: r.note, created_at: r.created_at }));
}

/** Soft delete; false when there was nothing to delete. */
export async function deleteDesign(id: number): Promise<boolean> {
  const db = await getDb();
  const res = await db.updateTable('designs').set({ deleted_at: now() }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Undoes a delete; false when the design is not deleted (or never existed). */
export async function restoreDesign(id: number): Promise<boolean> {
  const db = await getDb();
  const res = await db.updateTable('designs').set({ deleted_at: null }).where('id', '=', id).where('deleted_at', 'is not', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records that `version` of the design is what connector `connectorId` (on `backend`) now runs. */
export async function recordProvisioned(id: number, connectorId: number, version: number, backend: string): Promise<boolean> {
  const db = await getDb();
  const res = await db
    .updateTable('designs')
    .set({ connector_id: connectorId, provisioned_version: version, backend })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('latest_version', '>=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The raw stored row of a version (tests assert secrets are not in it). */
export async function rawVersionRow(id: number, version: number): Promise<string | null> {
  const db = await getDb();
  const row = await db.selectFrom('design_versions').select('design').where('design_id', '=', id).where('version', '=', version).executeTakeFirst();
  return row?.design ?? null;
}
