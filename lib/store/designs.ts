/**
 * The design workspace: designs with numbered versions, soft delete, and the
 * link to the live connector a version was provisioned to.
 *
 * For the UI (all under /api/designs, JSON; errors are `{ error, errors? }`):
 * - `POST /api/designs {design, note?, hcl?}` → 201 `{id, version: 1}`. `hcl`
 *   (optional, a string or null): the .tf file text of the version, stored
 *   byte for byte next to the design so the version reopens with its comments
 *   and layout. Checked at the route (lib/http/workspace-body.ts): within the
 *   HCL input limits, no syntax error, a connector resource labelled with the
 *   design's resource_name, and no sensitive value written in clear (keys as
 *   references such as `var.x`); else 400/413/422 naming the problem.
 * - `POST /api/designs/import {hcl, file_name?, resources?}` → 201 `{designs: [{id, name,
 *   resource_name}], replayed: false}`: every chosen connector of a .tf file, all or none
 *   (lib/store/design-imports.ts); 422 naming each connector's problems, 200 `replayed: true`
 *   for the same import again, 409 `{existing}` when the workspace has designs of those names.
 * - `GET /api/designs?q=&sort=name|updated|created|id&order=asc|desc` →
 *   `{designs: [{id, name, resource_name, version, updated_at, created_at,
 *   connector_id, provisioned_version, pending_version, connector_state}]}`.
 * - `GET /api/designs/{id}[?version=N]` → `{id, version, design, hcl, note, updated_at,
 *   connector_id, provisioned_version, pending_version}` (`hcl`: the version's
 *   file text, or null when it was saved without one). Sensitive values
 *   (pre-shared keys, remote auth values) come back as the stored secret
 *   `{"stored": true}` to every role; send it back unchanged in PUT/plan to
 *   keep the stored value (`keepStoredSecrets`), or a new value to change it.
 * - `PUT /api/designs/{id} {design, base_version, note?, hcl?}` → `{version}`; 409
 *   `{error, latest: {version, design, hcl, note, updated_at}, changes}` when
 *   `base_version` is not the latest (`changes`: latest vs. what was sent; a
 *   secret sent as text always reads as changed, never compared with the stored one).
 *   Restoring an old version: GET it with `?version=N`, then PUT its design with
 *   `base_version` = the latest version (it becomes a new version).
 * - `DELETE /api/designs/{id}` → `{id, deleted: true}` (soft);
 *   `POST /api/designs/{id}/restore` undoes it.
 * - `GET /api/designs/{id}/versions` → `{versions: [{version, note, created_at}]}` newest first.
 * - `GET /api/designs/{id}/diff?from=N&to=M` → `{changes: [{path, action, before?, after?}]}`.
 * - Provisioning a design: `POST /api/designs/{id}/provision {version?}` creates
 *   (or, when already linked, updates) the connector from that version, links
 *   it and records the version as pending (`pending_version`); it becomes
 *   `provisioned_version` only when the provision request reaches SUCCESS, and
 *   a FAILED (or PARTIAL_SUCCESS) request leaves the previous one. After
 *   provisioning through /api/connectors yourself,
 *   `POST /api/designs/{id}/provisioned {connector_id, version}` records it the
 *   same way (pending while the app's last request for it is still running).
 * - `GET /api/designs/{id}/drift` → `{connector_id, provisioned_version, drifted,
 *   changes}`: the live connector against the last successfully provisioned version.
 * - `POST /api/connectors/{id}/plan {design}` → `{changes, summary}`.
 * - `GET /api/designs/{id}/export?format=tf|module`, `GET /api/export?designs=1,2`.
 */
import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { ConnectorDesign } from '@/lib/connector/design';
import type { DesignSort } from '@/lib/contract/designs';
import { getDb } from './db';
import type { StoreSchema } from './schema';
import { TERMINAL_STATES } from './provision-history';
import { openDesign, sealDesign } from './secrets';

export interface DesignListRow {
  id: number;
  name: string;
  resource_name: string;
  version: number;
  created_at: string;
  updated_at: string;
  connector_id: number | null;
  provisioned_version: number | null;
  /** A version sent to the connector whose provision request has not reached a final state yet. */
  pending_version: number | null;
  backend: string | null;
}

export interface StoredDesign {
  id: number;
  version: number;
  /** Decrypted: callers mask before answering a browser. */
  design: ConnectorDesign;
  /** The .tf file text saved with this version, as sent; null when it was saved without one. */
  hcl: string | null;
  note: string;
  updated_at: string;
  latest_version: number;
  connector_id: number | null;
  /** The last version whose provision request reached SUCCESS. */
  provisioned_version: number | null;
  pending_version: number | null;
  pending_request_id: string | null;
  backend: string | null;
}

export interface VersionInfo {
  version: number;
  note: string;
  created_at: string;
}

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

/** Stores a new design as version 1; `hcl` is its file text (checked by the caller; stored as is), null for none. */
export async function createDesign(
  design: ConnectorDesign,
  note = '',
  hcl: string | null = null,
): Promise<{ id: number; version: 1 }> {
  const db = await getDb();
  const sealed = JSON.stringify(sealDesign(design));
  const at = now();
  return db
    .transaction()
    .execute(async (tx) => ({ id: await insertNewDesign(tx, sealed, design, note, hcl, at), version: 1 as const }));
}

/** Inserts a design and its version 1 (`sealed`: the design with its secrets sealed) in `tx`; answers its id. */
export async function insertNewDesign(
  tx: Transaction<StoreSchema>,
  sealed: string,
  design: ConnectorDesign,
  note: string,
  hcl: string | null,
  at: string,
): Promise<number> {
  const row = await tx
    .insertInto('designs')
    .values({
      name: design.name,
      resource_name: design.resource_name,
      latest_version: 1,
      connector_id: null,
      provisioned_version: null,
      pending_version: null,
      pending_request_id: null,
      backend: null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await tx
    .insertInto('design_versions')
    .values({ design_id: id, version: 1, design: sealed, note, created_at: at, hcl })
    .execute();
  return id;
}

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => '\\' + c);
}

export async function listDesigns(options: ListOptions = {}): Promise<DesignListRow[]> {
  const db = await getDb();
  // Names sort case-insensitively, the same on both databases (their collations differ).
  const column = {
    name: sql<string>`lower(name)`,
    updated: sql<string>`updated_at`,
    created: sql<string>`created_at`,
    id: sql<string>`id`,
  };
  const order = options.order ?? (options.sort === 'name' ? 'asc' : 'desc');
  let query = db
    .selectFrom('designs')
    .select([
      'id',
      'name',
      'resource_name',
      'latest_version',
      'created_at',
      'updated_at',
      'connector_id',
      'provisioned_version',
      'pending_version',
      'pending_request_id',
      'backend',
    ])
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
  const read = () =>
    query
      .orderBy(column[options.sort ?? 'updated'], order)
      .orderBy('id', order)
      .limit(options.limit ?? 5000)
      .offset(options.offset ?? 0)
      .execute();
  let rows = await read();
  // A pending provision whose request has settled meanwhile: settle it before answering.
  if (rows.some((r) => r.pending_request_id !== null) && (await settlePendingProvisions()) > 0) rows = await read();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    resource_name: r.resource_name,
    version: Number(r.latest_version),
    created_at: r.created_at,
    updated_at: r.updated_at,
    connector_id: r.connector_id === null ? null : Number(r.connector_id),
    provisioned_version: r.provisioned_version === null ? null : Number(r.provisioned_version),
    pending_version: r.pending_version === null ? null : Number(r.pending_version),
    backend: r.backend,
  }));
}

/** A design at `version` (default: latest); null when it does not exist or is deleted. */
export async function getDesign(id: number, version?: number): Promise<StoredDesign | null> {
  const db = await getDb();
  const readHead = () =>
    db.selectFrom('designs').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  let head = await readHead();
  if (!head) return null;
  if (head.pending_request_id !== null && (await settlePendingProvisions()) > 0) head = await readHead();
  if (!head) return null;
  const wanted = version ?? Number(head.latest_version);
  const row = await db
    .selectFrom('design_versions')
    .selectAll()
    .where('design_id', '=', id)
    .where('version', '=', wanted)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id,
    version: Number(row.version),
    design: parseStored(row.design),
    hcl: row.hcl ?? null,
    note: row.note,
    updated_at: version === undefined ? head.updated_at : row.created_at,
    latest_version: Number(head.latest_version),
    connector_id: head.connector_id === null ? null : Number(head.connector_id),
    provisioned_version: head.provisioned_version === null ? null : Number(head.provisioned_version),
    pending_version: head.pending_version === null ? null : Number(head.pending_version),
    pending_request_id: head.pending_request_id,
    backend: head.backend,
  };
}

export type UpdateResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'stale'; latest: StoredDesign };

/**
 * Saves `design` (and its file text `hcl`, null for none) as version
 * base_version + 1 — only if base_version is still the latest (the
 * compare-and-set is one UPDATE, so two writers cannot both win).
 */
export async function updateDesign(
  id: number,
  design: ConnectorDesign,
  baseVersion: number,
  note = '',
  hcl: string | null = null,
): Promise<UpdateResult> {
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
    await tx
      .insertInto('design_versions')
      .values({ design_id: id, version: baseVersion + 1, design: sealed, note, created_at: at, hcl })
      .execute();
    return true;
  });
  if (won) return { ok: true, version: baseVersion + 1 };
  const latest = await getDesign(id);
  return latest ? { ok: false, reason: 'stale', latest } : { ok: false, reason: 'not-found' };
}

export async function listVersions(id: number): Promise<VersionInfo[] | null> {
  const db = await getDb();
  const head = await db
    .selectFrom('designs')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!head) return null;
  const rows = await db
    .selectFrom('design_versions')
    .select(['version', 'note', 'created_at'])
    .where('design_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ version: Number(r.version), note: r.note, created_at: r.created_at }));
}

/** The designs (not deleted) linked to connector `connectorId` on `backend`: the ones that manage it. */
export async function designsLinkedTo(
  connectorId: number,
  backend: string,
): Promise<{ id: number; name: string; version: number; provisioned_version: number | null }[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('designs')
    .select(['id', 'name', 'latest_version', 'provisioned_version'])
    .where('connector_id', '=', connectorId)
    .where('backend', '=', backend)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    version: Number(r.latest_version),
    provisioned_version: r.provisioned_version === null ? null : Number(r.provisioned_version),
  }));
}

/** Soft delete; false when there was nothing to delete. */
export async function deleteDesign(id: number): Promise<boolean> {
  const db = await getDb();
  const res = await db
    .updateTable('designs')
    .set({ deleted_at: now() })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Undoes a delete; false when the design is not deleted (or never existed). */
export async function restoreDesign(id: number): Promise<boolean> {
  const db = await getDb();
  const res = await db
    .updateTable('designs')
    .set({ deleted_at: null })
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Records that `version` of the design is what connector `connectorId` (on
 * `backend`) runs now: a provision that already succeeded, or a connector
 * provisioned outside the app and linked by hand. Clears any pending provision.
 */
export async function recordProvisioned(
  id: number,
  connectorId: number,
  version: number,
  backend: string,
): Promise<boolean> {
  const db = await getDb();
  const res = await db
    .updateTable('designs')
    .set({
      connector_id: connectorId,
      provisioned_version: version,
      pending_version: null,
      pending_request_id: null,
      backend,
    })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('latest_version', '>=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Records that `version` was SENT to connector `connectorId` by provision
 * request `requestId`: the design is linked to the connector at once (the next
 * provision updates it), but the version becomes `provisioned_version` only
 * when the request reaches SUCCESS (`settlePendingProvisions`). A different
 * connector than the linked one starts with no provisioned version.
 */
export async function recordProvisionSent(
  id: number,
  connectorId: number,
  version: number,
  backend: string,
  requestId: string | null,
): Promise<boolean> {
  const db = await getDb();
  const recorded = await db.transaction().execute(async (tx) => {
    const head = await tx
      .selectFrom('designs')
      .select(['connector_id', 'backend', 'provisioned_version'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!head) return false;
    const sameConnector =
      head.connector_id !== null && Number(head.connector_id) === connectorId && head.backend === backend;
    const res = await tx
      .updateTable('designs')
      .set({
        connector_id: connectorId,
        backend,
        provisioned_version: sameConnector ? head.provisioned_version : null,
        pending_version: version,
        pending_request_id: requestId,
      })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .where('latest_version', '>=', version)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  });
  // The request may have settled (and been recorded) before the pending row was written.
  if (recorded && requestId !== null) await settlePendingProvisions();
  return recorded;
}

/**
 * Settles every pending design provision whose request the provision history
 * has seen reach a final state: SUCCESS makes the pending version the
 * provisioned one; FAILED or PARTIAL_SUCCESS drops it, keeping the previous
 * provisioned version. Called when the app learns a final state
 * (lib/services/summary.ts), after recording a send, and lazily on read.
 * Returns how many designs changed.
 */
export async function settlePendingProvisions(): Promise<number> {
  const db = await getDb();
  const settledAs = (eb: ExpressionBuilder<StoreSchema, 'designs'>, states: string[]) =>
    eb.exists(
      eb
        .selectFrom('provision_history as h')
        .select('h.seq')
        .whereRef('h.backend', '=', 'designs.backend')
        .whereRef('h.request_id', '=', 'designs.pending_request_id')
        .where('h.state', 'in', states),
    );
  const succeeded = await db
    .updateTable('designs')
    .set((eb) => ({ provisioned_version: eb.ref('pending_version'), pending_version: null, pending_request_id: null }))
    .where('pending_request_id', 'is not', null)
    .where((eb) => settledAs(eb, ['SUCCESS']))
    .executeTakeFirst();
  const failed = await db
    .updateTable('designs')
    .set({ pending_version: null, pending_request_id: null })
    .where('pending_request_id', 'is not', null)
    .where((eb) =>
      settledAs(
        eb,
        [...TERMINAL_STATES].filter((s) => s !== 'SUCCESS'),
      ),
    )
    .executeTakeFirst();
  return Number(succeeded.numUpdatedRows) + Number(failed.numUpdatedRows);
}

/** The raw stored row of a version (tests assert secrets are not in it). */
export async function rawVersionRow(id: number, version: number): Promise<string | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('design_versions')
    .select('design')
    .where('design_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.design ?? null;
}
