import 'server-only';
/**
 * The provision history now lives in the store (`lib/store/provision-history.ts`,
 * SQLite or PostgreSQL); this module keeps the import path the Alkira code uses.
 */
export {
  historyForConnector,
  latestByConnector,
  recordProvisionRequest,
  TERMINAL_STATES,
  updateProvisionState,
  type ProvisionHistoryEntry,
  type ProvisionOperation,
} from '@/lib/store/provision-history';
