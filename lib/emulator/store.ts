/**
 * The emulator's persistent state in SQLite (WAL), so connectors and provision
 * requests survive a restart. One connection per process and data file, kept
 * on globalThis because Next bundles each route separately and a plain module
 * variable would be duplicated per route bundle.
 */
import Database from 'better-sqlite3';
import { ensurePrivateDir, preparePrivateDatabaseFile } from '@/lib/store/private-files';
import type { ProvisionOperation } from '@/lib/connector/alkira-types';
import { emulatorConfig } from './config';
import { noteEmulatorWrite } from './changes';
import { seedCatalog, type CatalogEntry, type EmulatorCatalogKind } from './seed';

type Db = Database.Database;

/** Prepared statements, per connection (preparing is most of a small query's cost). */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

function stmt(sql: string): Database.Statement {
  const conn = db();
  let cache = statements.get(conn);
  if (!cache) {
    cache = new Map();
    statements.set(conn, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = conn.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS catalog (
  kind TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS connectors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  marked_for_deletion INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS provision_requests (
  id TEXT PRIMARY KEY,
  connector_id INTEGER NOT NULL,
  operation TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  error_message TEXT,
  applied INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS provision_requests_by_connector ON provision_requests (connector_id, created_at);
CREATE INDEX IF NOT EXISTS connectors_by_name ON connectors (name);
CREATE TABLE IF NOT EXISTS fault_rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  method TEXT,
  path TEXT,
  status INTEGER,
  retry_after INTEGER,
  remaining INTEGER NOT NULL,
  after_commit INTEGER NOT NULL DEFAULT 0,
  delay_ms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

declare global {
  // One database handle per process, kept across Next.js module reloads.
  var __alkiraEmulatorDb: { file: string; db: Db } | undefined;
}
const holder = globalThis;

export function db(): Db {
  const { dataDir, dbFile } = emulatorConfig();
  if (holder.__alkiraEmulatorDb?.file === dbFile) return holder.__alkiraEmulatorDb.db;
  ensurePrivateDir(dataDir);
  preparePrivateDatabaseFile(dbFile);
  const conn = new Database(dbFile);
  conn.pragma('journal_mode = WAL');
  conn.pragma('busy_timeout = 5000');
  conn.exec(SCHEMA);
  const { n } = conn.prepare('SELECT COUNT(*) AS n FROM catalog').get() as { n: number };
  if (n === 0) insertCatalog(conn);
  holder.__alkiraEmulatorDb = { file: dbFile, db: conn };
  return conn;
}

function insertCatalog(conn: Db): void {
  const insert = conn.prepare('INSERT INTO catalog (kind, key, name, body) VALUES (?, ?, ?, ?)');
  for (const [kind, list] of Object.entries(seedCatalog())) {
    for (const e of list) insert.run(kind, e.key, e.name, JSON.stringify(e.body));
  }
}

/** Wipes connectors, provision requests and faults, and reseeds the catalog. Ids keep counting up. */
export function resetStore(): void {
  const conn = db();
  conn.transaction(() => {
    conn.exec('DELETE FROM connectors; DELETE FROM provision_requests; DELETE FROM fault_rules; DELETE FROM catalog;');
    insertCatalog(conn);
  })();
  noteEmulatorWrite();
}

/** A fresh integer from a named counter (instance ids, implicit group ids). */
export function nextCounter(name: string, start: number): number {
  const row = db()
    .prepare(
      `INSERT INTO counters (name, value) VALUES (?, ?)
       ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
    )
    .get(name, start) as { value: number };
  return row.value;
}

// ---- catalog ----

export function catalogList(kind: EmulatorCatalogKind): CatalogEntry[] {
  const rows = stmt('SELECT key, name, body FROM catalog WHERE kind = ? ORDER BY rowid').all(kind) as Array<{
    key: string;
    name: string;
    body: string;
  }>;
  return rows.map((r) => ({ key: r.key, name: r.name, body: JSON.parse(r.body) as Record<string, unknown> }));
}

/** Replaces one catalog object (same key), e.g. a renamed segment. */
export function replaceCatalogEntry(
  kind: EmulatorCatalogKind,
  key: string,
  name: string,
  body: Record<string, unknown>,
): void {
  stmt('UPDATE catalog SET name = ?, body = ? WHERE kind = ? AND key = ?').run(name, JSON.stringify(body), kind, key);
  noteEmulatorWrite();
}

/**
 * A renamed segment, in every connector that names it: the service keeps
 * segments by id, so its connectors show the new name at once.
 */
export function renameSegmentInConnectors(from: string, to: string): number {
  const needle = `%"segmentName":${JSON.stringify(from)}%`;
  const rows = stmt('SELECT id, body FROM connectors WHERE body LIKE ?').all(needle) as Array<{
    id: number;
    body: string;
  }>;
  const rename = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const so of list)
      if (so && typeof so === 'object' && (so as { segmentName?: unknown }).segmentName === from)
        (so as { segmentName: string }).segmentName = to;
  };
  for (const r of rows) {
    const body = JSON.parse(r.body) as { segmentOptions?: unknown; instances?: Array<{ segmentOptions?: unknown }> };
    rename(body.segmentOptions);
    for (const inst of body.instances ?? []) rename(inst.segmentOptions);
    stmt('UPDATE connectors SET body = ? WHERE id = ?').run(JSON.stringify(body), r.id);
  }
  noteEmulatorWrite();
  return rows.length;
}

// ---- connectors ----

export interface ConnectorRow {
  id: number;
  name: string;
  body: Record<string, unknown>;
  markedForDeletion: boolean;
  createdAt: number;
  updatedAt: number;
}

interface RawConnectorRow {
  id: number;
  name: string;
  body: string;
  marked_for_deletion: number;
  created_at: number;
  updated_at: number;
}

function toConnector(r: RawConnectorRow): ConnectorRow {
  return {
    id: r.id,
    name: r.name,
    body: JSON.parse(r.body) as Record<string, unknown>,
    markedForDeletion: r.marked_for_deletion === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A connector as stored (body as JSON text) with its latest provision request, for the list. */
export interface ListedConnector {
  id: number;
  bodyText: string;
  markedForDeletion: boolean;
  latest: ProvisionRequestRow | null;
}

interface RawListedRow {
  id: number;
  body: string;
  marked_for_deletion: number;
  p_id: string | null;
  p_operation: ProvisionOperation;
  p_created_at: number;
  p_duration_ms: number;
  p_outcome: 'SUCCESS' | 'FAILED';
  p_error_message: string | null;
  p_applied: number;
}

/**
 * The list in one indexed query: each connector with its latest provision
 * request (a correlated lookup on `provision_requests_by_connector`), bodies
 * left as text so the list can be written without parsing them again.
 */
export function listConnectorsWithLatest(opts: { name?: string; includeMarked?: boolean }): ListedConnector[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (opts.name !== undefined) {
    where.push('c.name = ?');
    args.push(opts.name);
  }
  if (!opts.includeMarked) where.push('c.marked_for_deletion = 0');
  const sql = `SELECT c.id, c.body, c.marked_for_deletion,
      p.id AS p_id, p.operation AS p_operation, p.created_at AS p_created_at, p.duration_ms AS p_duration_ms,
      p.outcome AS p_outcome, p.error_message AS p_error_message, p.applied AS p_applied
    FROM connectors c
    LEFT JOIN provision_requests p ON p.rowid = (
      SELECT rowid FROM provision_requests WHERE connector_id = c.id ORDER BY created_at DESC, rowid DESC LIMIT 1)
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.id`;
  return (stmt(sql).all(...args) as RawListedRow[]).map((r) => ({
    id: r.id,
    bodyText: r.body,
    markedForDeletion: r.marked_for_deletion === 1,
    latest:
      r.p_id === null
        ? null
        : {
            id: r.p_id,
            connectorId: r.id,
            operation: r.p_operation,
            createdAt: r.p_created_at,
            durationMs: r.p_duration_ms,
            outcome: r.p_outcome,
            errorMessage: r.p_error_message,
            applied: r.p_applied === 1,
          },
  }));
}

export function getConnector(id: number): ConnectorRow | undefined {
  const r = stmt('SELECT * FROM connectors WHERE id = ?').get(id) as RawConnectorRow | undefined;
  return r ? toConnector(r) : undefined;
}

/** A live (not marked for deletion) connector with this name, other than `exceptId`. */
export function findConnectorByName(name: string, exceptId?: number): ConnectorRow | undefined {
  const r = stmt('SELECT * FROM connectors WHERE name = ? AND marked_for_deletion = 0 AND id != ? LIMIT 1').get(
    name,
    exceptId ?? -1,
  ) as RawConnectorRow | undefined;
  return r ? toConnector(r) : undefined;
}

export function insertConnector(
  name: string,
  build: (id: number) => Record<string, unknown>,
  now: number,
): ConnectorRow {
  const conn = db();
  return conn.transaction(() => {
    const { lastInsertRowid } = conn
      .prepare('INSERT INTO connectors (name, body, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, '{}', now, now);
    const id = Number(lastInsertRowid);
    conn.prepare('UPDATE connectors SET body = ? WHERE id = ?').run(JSON.stringify(build(id)), id);
    noteEmulatorWrite();
    return getConnector(id) as ConnectorRow;
  })();
}

export function replaceConnector(id: number, name: string, body: Record<string, unknown>, now: number): void {
  stmt('UPDATE connectors SET name = ?, body = ?, updated_at = ? WHERE id = ?').run(
    name,
    JSON.stringify(body),
    now,
    id,
  );
  noteEmulatorWrite();
}

export function markConnectorForDeletion(id: number, now: number): void {
  stmt('UPDATE connectors SET marked_for_deletion = 1, updated_at = ? WHERE id = ?').run(now, id);
  noteEmulatorWrite();
}

export function deleteConnector(id: number): void {
  stmt('DELETE FROM connectors WHERE id = ?').run(id);
  noteEmulatorWrite();
}

// ---- provision requests ----

export interface ProvisionRequestRow {
  id: string;
  connectorId: number;
  operation: ProvisionOperation;
  createdAt: number;
  durationMs: number;
  outcome: 'SUCCESS' | 'FAILED';
  errorMessage: string | null;
  applied: boolean;
}

interface RawProvisionRow {
  id: string;
  connector_id: number;
  operation: ProvisionOperation;
  created_at: number;
  duration_ms: number;
  outcome: 'SUCCESS' | 'FAILED';
  error_message: string | null;
  applied: number;
}

function toProvision(r: RawProvisionRow): ProvisionRequestRow {
  return {
    id: r.id,
    connectorId: r.connector_id,
    operation: r.operation,
    createdAt: r.created_at,
    durationMs: r.duration_ms,
    outcome: r.outcome,
    errorMessage: r.error_message,
    applied: r.applied === 1,
  };
}

export function insertProvisionRequest(p: Omit<ProvisionRequestRow, 'applied'>): void {
  stmt(
    `INSERT INTO provision_requests (id, connector_id, operation, created_at, duration_ms, outcome, error_message)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.id, p.connectorId, p.operation, p.createdAt, p.durationMs, p.outcome, p.errorMessage);
  noteEmulatorWrite();
}

export function getProvisionRequest(id: string): ProvisionRequestRow | undefined {
  const r = stmt('SELECT * FROM provision_requests WHERE id = ?').get(id) as RawProvisionRow | undefined;
  return r ? toProvision(r) : undefined;
}

export function latestProvisionRequest(connectorId: number): ProvisionRequestRow | undefined {
  const r = stmt(
    'SELECT * FROM provision_requests WHERE connector_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  ).get(connectorId) as RawProvisionRow | undefined;
  return r ? toProvision(r) : undefined;
}

/** Successful deletions whose time has come but whose connector row is still there. */
export function dueDeletions(now: number): ProvisionRequestRow[] {
  const rows = stmt(
    `SELECT * FROM provision_requests
     WHERE operation = 'delete' AND applied = 0 AND outcome = 'SUCCESS' AND created_at + duration_ms <= ?`,
  ).all(now) as RawProvisionRow[];
  return rows.map(toProvision);
}

/**
 * The earliest time after `now` at which some provision request changes state
 * (leaves PENDING at `created_at + floor(duration × pendingShare)`, ends at
 * `created_at + duration`); null when none is under way.
 */
export function nextTransitionAfter(now: number, pendingShare: number): number | null {
  const row = stmt(
    `SELECT MIN(CASE WHEN created_at + CAST(duration_ms * ? AS INTEGER) > ? THEN created_at + CAST(duration_ms * ? AS INTEGER)
                ELSE created_at + duration_ms END) AS t
     FROM provision_requests WHERE created_at + duration_ms > ?`,
  ).get(pendingShare, now, pendingShare, now) as { t: number | null };
  return row.t;
}

export function markProvisionApplied(id: string): void {
  stmt('UPDATE provision_requests SET applied = 1 WHERE id = ?').run(id);
}

export function transaction<T>(fn: () => T): T {
  return db().transaction(fn)();
}
