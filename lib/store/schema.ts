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
  /** The last version whose provision request reached SUCCESS on that connector. */
  provisioned_version: number | null;
  backend: string | null;
  /** A version sent to the connector whose provision request has not settled yet, and that request's id. */
  pending_version: number | null;
  pending_request_id: string | null;
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
  /**
   * The HCL file text the version was saved with, byte for byte (null: saved
   * without one, or before migration 0009). Checked at the route to hold no
   * sensitive value in clear (keys are variable references), so stored as is.
   */
  hcl: string | null;
}

/**
 * The audit trail: append-only (the code only inserts; no route updates or
 * deletes a row). An action row records who did what; when its provision
 * request settles, one result row (`outcome_of` = the request id, unique per
 * backend) records the final state. Never holds a secret: summaries name
 * changed attributes, not their values.
 */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  backend: string;
  actor_id: string;
  actor_name: string;
  /** `create` | `update` | `delete`, `save` and `restore` (designs), `result` (a provision request settled). */
  action: string;
  /** `connector` | `design`. */
  target_type: string;
  target_id: string;
  target_name: string;
  summary: string;
  request_id: string | null;
  state: string | null;
  detail: string | null;
  /** Set on result rows only: the request id whose outcome this is. */
  outcome_of: string | null;
}

/** A create about to be sent (write-ahead), settled once its result is known; see lib/services/reconcile.ts. */
export interface CreateIntentsTable {
  id: Generated<number>;
  backend: string;
  name: string;
  /** 1 when the create asked Alkira to provision. */
  provision: number;
  created_at: string;
  settled_at: string | null;
  /** 'created', 'adopted', 'refused' or 'absent'. */
  outcome: string | null;
  /** Who asked (for the audit entry of a create the reconciler adopts); null for intents written before 0006. */
  actor_id: string | null;
  actor_name: string | null;
  /** The server process that sent the create (random per process); null for intents written before 0010. */
  owner: string | null;
  /** When the audit trail got the entry of an interrupted create (its process died before Alkira answered). */
  noted_at: string | null;
}

/**
 * What sign-out needs from each OpenID Connect sign-in: the ID token, kept
 * here (sealed with the session secret) and never sent to the browser, for
 * the identity provider's logout (`id_token_hint`). Keyed by a hash of the
 * session cookie's random id; deleted at sign-out, pruned once expired.
 */
export interface SignInSessionsTable {
  session_hash: string;
  id_token: string;
  created_at: string;
  expires_at: string;
}

/**
 * The Terraform resource label each connector was designed with (the Alkira
 * API has no field for it), keyed by backend like the provision history.
 */
export interface ConnectorLabelsTable {
  backend: string;
  connector_id: number;
  resource_name: string;
}

/** A workspace import: the key of what was imported (file text and chosen labels) and the designs it created. */
export interface DesignImportsTable {
  /** sha256 (hex) of the file text and the chosen resource labels. */
  import_key: string;
  /** JSON array of design ids, in file order ('[]' while the import's transaction is writing them). */
  design_ids: string;
  created_at: string;
}

export interface StoreSchema {
  design_imports: DesignImportsTable;
  sign_in_sessions: SignInSessionsTable;
  audit_log: AuditLogTable;
  connector_labels: ConnectorLabelsTable;
  create_intents: CreateIntentsTable;
  provision_history: ProvisionHistoryTable;
  designs: DesignsTable;
  design_versions: DesignVersionsTable;
}
