import 'server-only';
/**
 * The app's own record of the provisioning changes it started (create,
 * update, delete), for the dashboard's history and "last change" column.
 * SQLite at `${ALKIRA_DATA_DIR || './data'}/app.sqlite`; rows are keyed by
 * backend (`AlkiraConfig.backendKey`) so emulator and portal histories never mix.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type ProvisionOperation = 'create' | 'update' | 'delete';

export interface ProvisionHistoryEntry {
  connectorId: number;
  connectorName: string;
  operation: ProvisionOperation;
  /** Alkira's provision request id; null when the change was not provisioned or its response was lost. */
  requestId: string | null;
  state: string | null;
  errorMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  connector_id: number;
  connector_name: string;
  operation: ProvisionOperation;
  request_id: string | null;
  state: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
}

export const TERMINAL_STATES = new Set(['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS']);

let db: Database.Database | null = null;
let dbPath = '';

function open(): Database.Database {
  // turbopackIgnore: runtime state, not something to trace into the build output.
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.ALKIRA_DATA_DIR || './data');
  const file = path.join(/*turbopackIgnore: true*/ dir, 'app.sqlite');
  if (db && dbPath === file) return db;
  mkdirSync(dir, { recursive: true });
  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('busy_timeout = 5000');
  conn.exec(`
    CREATE TABLE IF NOT EXISTS provision_history (
      seq            INTEGER PRIMARY KEY AUTOINCREMENT,
      backend        TEXT NOT NULL,
      connector_id   INTEGER NOT NULL,
      connector_name TEXT NOT NULL,
      operation      TEXT NOT NULL,
      request_id     TEXT,
      state          TEXT,
      error_message  TEXT,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS provision_history_connector ON provision_history (backend, connector_id, seq);
    CREATE INDEX IF NOT EXISTS provision_history_request ON provision_history (backend, request_id);
    CREATE TABLE IF NOT EXISTS create_intents (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      backend      TEXT NOT NULL,
      name         TEXT NOT NULL,
      provision    INTEGER NOT NULL,
      created_at   TEXT NOT NULL,
      settled_at   TEXT,
      outcome      TEXT
    );
    CREATE INDEX IF NOT EXISTS create_intents_open ON create_intents (backend, settled_at);
  `);
  db = conn;
  dbPath = file;
  return conn;
}

function toEntry(r: Row): ProvisionHistoryEntry {
  return {
    connectorId: r.connector_id,
    connectorName: r.connector_name,
    operation: r.operation,
    requestId: r.request_id,
    state: r.state,
    errorMessage: r.error_message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function recordProvisionRequest(
  backend: string,
  entry: { connectorId: number; connectorName: string; operation: ProvisionOperation; requestId: string | null; state: string | null },
): void {
  const now = new Date().toISOString();
  open()
    .prepare(
      `INSERT INTO provision_history (backend, connector_id, connector_name, operation, request_id, state, error_message, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    )
    .run(backend, entry.connectorId, entry.connectorName, entry.operation, entry.requestId, entry.state, now, now);
}

/** Stores a newer state for a request; only touches `updated_at` when something changed. */
export function updateProvisionState(backend: string, requestId: string, state: string, errorMessage: string | null): void {
  open()
    .prepare(
      `UPDATE provision_history SET state = ?, error_message = ?, updated_at = ?
       WHERE backend = ? AND request_id = ? AND (state IS NOT ? OR error_message IS NOT ?)`,
    )
    .run(state, errorMessage, new Date().toISOString(), backend, requestId, state, errorMessage);
}

/** Newest first. */
export function historyForConnector(backend: string, connectorId: number): ProvisionHistoryEntry[] {
  const rows = open()
    .prepare(`SELECT * FROM provision_history WHERE backend = ? AND connector_id = ? ORDER BY seq DESC`)
    .all(backend, connectorId) as Row[];
  return rows.map(toEntry);
}

/** The newest entry per connector. */
export function latestByConnector(backend: string): Map<number, ProvisionHistoryEntry> {
  const rows = open()
    .prepare(
      `SELECT h.* FROM provision_history h
       JOIN (SELECT connector_id, MAX(seq) AS seq FROM provision_history WHERE backend = ? GROUP BY connector_id) last
         ON last.seq = h.seq`,
    )
    .all(backend) as Row[];
  return new Map(rows.map((r) => [r.connector_id, toEntry(r)]));
}

/**
 * A create the app is about to send, written before the request leaves (a
 * write-ahead record): if the answer is lost or the server dies before it
 * records the result, the reconciler finds the connector by name later and
 * adopts it, so a committed create is never lost or duplicated.
 */
export interface CreateIntent {
  id: number;
  name: string;
  provision: boolean;
  createdAt: string;
}

export function openCreateIntent(backend: string, name: string, provision: boolean): number {
  const result = open()
    .prepare(`INSERT INTO create_intents (backend, name, provision, created_at) VALUES (?, ?, ?, ?)`)
    .run(backend, name, provision ? 1 : 0, new Date().toISOString());
  return Number(result.lastInsertRowid);
}

/** `outcome`: 'created', 'adopted', 'refused' (a definite upstream 4xx) or 'absent' (never appeared). */
export function settleCreateIntent(id: number, outcome: 'created' | 'adopted' | 'refused' | 'absent'): void {
  open().prepare(`UPDATE create_intents SET settled_at = ?, outcome = ? WHERE id = ? AND settled_at IS NULL`).run(new Date().toISOString(), outcome, id);
}

export function openCreateIntents(backend: string): CreateIntent[] {
  const rows = open()
    .prepare(`SELECT id, name, provision, created_at FROM create_intents WHERE backend = ? AND settled_at IS NULL ORDER BY id`)
    .all(backend) as Array<{ id: number; name: string; provision: number; created_at: string }>;
  return rows.map((r) => ({ id: r.id, name: r.name, provision: r.provision === 1, createdAt: r.created_at }));
}

/** Requests the app started whose final state it has not seen yet (oldest first). */
export function unsettledRequests(backend: string): ProvisionHistoryEntry[] {
  const rows = open()
    .prepare(
      `SELECT * FROM provision_history WHERE backend = ? AND request_id IS NOT NULL
         AND (state IS NULL OR state NOT IN ('SUCCESS', 'FAILED', 'PARTIAL_SUCCESS')) ORDER BY seq`,
    )
    .all(backend) as Row[];
  return rows.map(toEntry);
}

/** True when the app has recorded a create for this connector. */
export function hasRecordedCreate(backend: string, connectorId: number): boolean {
  return (
    open().prepare(`SELECT 1 FROM provision_history WHERE backend = ? AND connector_id = ? AND operation = 'create' LIMIT 1`).get(backend, connectorId) !==
    undefined
  );
}
