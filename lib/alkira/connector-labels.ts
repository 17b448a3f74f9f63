import 'server-only';
/**
 * The Terraform resource label each connector was designed with. The Alkira
 * API has no field for it, so without this record a connector read back (edit,
 * export) would get a label derived from its name (`ha-expressroute` instead
 * of the designed `ha_config`), breaking the user's existing state addresses.
 * Kept in the app's own SQLite file (`app.sqlite`, next to the provision
 * history), keyed by backend like the history.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

let db: Database.Database | null = null;
let dbPath = '';

function open(): Database.Database {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.ALKIRA_DATA_DIR || './data');
  const file = path.join(/*turbopackIgnore: true*/ dir, 'app.sqlite');
  if (db && dbPath === file) return db;
  mkdirSync(dir, { recursive: true });
  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('busy_timeout = 5000');
  conn.exec(`
    CREATE TABLE IF NOT EXISTS connector_labels (
      backend       TEXT NOT NULL,
      connector_id  INTEGER NOT NULL,
      resource_name TEXT NOT NULL,
      PRIMARY KEY (backend, connector_id)
    );
  `);
  db = conn;
  dbPath = file;
  return conn;
}

/** Remembers the label a connector was provisioned with (a blank label is not worth keeping). */
export function saveConnectorLabel(backend: string, connectorId: number, resourceName: string | undefined): void {
  const label = (resourceName ?? '').trim();
  if (!label) return;
  open()
    .prepare(
      `INSERT INTO connector_labels (backend, connector_id, resource_name) VALUES (?, ?, ?)
       ON CONFLICT (backend, connector_id) DO UPDATE SET resource_name = excluded.resource_name`,
    )
    .run(backend, connectorId, label);
}

/** The designed label, or undefined for a connector this app did not provision. */
export function connectorLabel(backend: string, connectorId: number): string | undefined {
  const row = open().prepare(`SELECT resource_name FROM connector_labels WHERE backend = ? AND connector_id = ?`).get(backend, connectorId);
  return row && typeof row === 'object' && 'resource_name' in row && typeof row.resource_name === 'string' ? row.resource_name : undefined;
}

export function forgetConnectorLabel(backend: string, connectorId: number): void {
  open().prepare(`DELETE FROM connector_labels WHERE backend = ? AND connector_id = ?`).run(backend, connectorId);
}
