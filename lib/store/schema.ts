/**
 * The store's tables as Kysely sees them. One interface per table; the column
 * types are the portable subset both SQLite and PostgreSQL store the same way
 * (integers, text; times as ISO-8601 text, JSON as text).
 */
import type { Generated } from 'kysely';

export interface ProvisionHistoryTable {
  seq: Generated<number>;
  /** `AlkiraConfig.backendKey`: emulator and portal histories never mix. */
  backend: string;
  connector_id: number;
  connector_name: string;
  operation: string;
  request_id: string | null;
  state: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
}

export interface DesignsTable {
  id: Generated<number>;
  /** The connector name and HCL label of the latest version (for list and search without parsing JSON). */
  name: string;
  resource_name: string;
  latest_version: number;
  /** The live connector this design was provisioned to, and which version went there. */
  connector_id: number | null;
  provisioned_version: number | null;
  backend: string | null;
  created_at: string;
  updated_at: string;
  /** Set by DELETE; the row stays so the deletion can be undone. */
  deleted_at: string | null;
}

export interface DesignVersionsTable {
  design_id: number;
  version: number;
  /** The design JSON with every sensitive value encrypted (see lib/store/secrets.ts). */
  design: string;
  note: string;
  created_at: string;
}

export interface StoreSchema {
  provision_history: ProvisionHistoryTable;
  designs: DesignsTable;
  design_versions: DesignVersionsTable;
}
