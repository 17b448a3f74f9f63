/**
 * The emulator's persistent state in SQLite (WAL), so connectors and provision
 * requests survive a restart. One connection per process and data file, kept
 * on globalThis because Next bundles each route separately and a plain module
 * variable would be duplicated per route bundle.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { emulatorConfig } from './config';
import { seedCatalog, type CatalogEntry, type CatalogKind } from './seed';

type Db = Database.Database;

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
  mkdirSync(dataDir, { recursive: true });
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

export function catalogList(kind: CatalogKind): CatalogEntry[] {
  const rows = db().prepare('SELECT key, name, body FROM catalog WHERE kind = ? ORDER BY rowid').all(kind) as Array<{
    key: string;
    name: string;
    body: string;
  }>;
  return rows.map((r) => ({ key: r.key, name: r.name, body: JSON.parse(r.body) as Record<string, unknown> }));
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

export function listConnectors(opts: { name?: string; includeMarked?: boolean }): ConnectorRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (opts.name !== undefined) {
    where.push('name = ?');
    args.push(opts.name);
  }
  if (!opts.includeMarked) where.push('marked_for_deletion = 0');
  const sql = `SELECT * FROM connectors ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id`;
  return (db().prepare(sql).all(...args) as RawConnectorRow[]).map(toConnector);
}

export function getConnector(id: number): ConnectorRow | undefined {
  const r = db().prepare('SELECT * FROM connectors WHERE id = ?').get(id) as RawConnectorRow | undefined;
  return r ? toConnector(r) : undefined;
}

/** A live (not marked for deletion) connector with this name, other than `exceptId`. */
export function findConnectorByName(name: string, exceptId?: number): ConnectorRow | undefined {
  const r = db()
    .prepare('SELECT * FROM connectors WHERE name = ? AND marked_for_deletion = 0 AND id != ? LIMIT 1')
    .get(name, exceptId ?? -1) as RawConnectorRow | undefined;
  return r ? toConnector(r) : undefined;
}

export function insertConnector(name: string, build: (id: number) => Record<string, unknown>, now: number): ConnectorRow {
  const conn = db();
  return conn.transaction(() => {
    const { lastInsertRowid } = conn
      .prepare('INSERT INTO connectors (name, body, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, '{}', now, now);
    const id = Number(lastInsertRowid);
    conn.prepare('UPDATE connectors SET body = ? WHERE id = ?').run(JSON.stringify(build(id)), id);
    return getConnector(id) as ConnectorRow;
  })();
}

export function replaceConnector(id: number, name: string, body: Record<string, unknown>, now: number): void {
  db().prepare('UPDATE connectors SET name = ?, body = ?, updated_at = ? WHERE id = ?').run(name, JSON.stringify(body), now, id);
}

export function markConnectorForDeletion(id: number, now: number): void {
  db().prepare('UPDATE connectors SET marked_for_deletion = 1, updated_at = ? WHERE id = ?').run(now, id);
}

export function deleteConnector(id: number): void {
  db().prepare('DELETE FROM connectors WHERE id = ?').run(id);
}

// ---- provision requests ----

export type ProvisionOperation = 'create' | 'update' | 'delete';

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
  db()
    .prepare(
      `INSERT INTO provision_requests (id, connector_id, operation, created_at, duration_ms, outcome, error_message)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(p.id, p.connectorId, p.operation, p.createdAt, p.durationMs, p.outcome, p.errorMessage);
}

export function getProvisionRequest(id: string): ProvisionRequestRow | undefined {
  const r = db().prepare('SELECT * FROM provision_requests WHERE id = ?').get(id) as RawProvisionRow | undefined;
  return r ? toProvision(r) : undefined;
}

export function latestProvisionRequest(connectorId: number): ProvisionRequestRow | undefined {
  const r = db()
    .prepare('SELECT * FROM provision_requests WHERE connector_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
    .get(connectorId) as RawProvisionRow | undefined;
  return r ? toProvision(r) : undefined;
}

/** Successful deletions whose time has come but whose connector row is still there. */
export function dueDeletions(now: number): ProvisionRequestRow[] {
  const rows = db()
    .prepare(
      `SELECT * FROM provision_requests
       WHERE operation = 'delete' AND applied = 0 AND outcome = 'SUCCESS' AND created_at + duration_ms <= ?`,
    )
    .all(now) as RawProvisionRow[];
  return rows.map(toProvision);
}

export function markProvisionApplied(id: string): void {
  db().prepare('UPDATE provision_requests SET applied = 1 WHERE id = ?').run(id);
}

export function transaction<T>(fn: () => T): T {
  return db().transaction(fn)();
}
