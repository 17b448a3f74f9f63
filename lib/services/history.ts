import 'server-only';
/**
 * The provision history now lives in the store (`lib/store/provision-history.ts`,
 * SQLite or PostgreSQL); this module keeps the import path the Alkira code uses.
 */
export {
  hasRecordedCreate,
  historyForConnector,
  latestByConnector,
  intentOwner,
  noteInterruptedIntent,
  openCreateIntent,
  openCreateIntents,
  recordProvisionRequest,
  settleCreateIntent,
  TERMINAL_STATES,
  unsettledRequests,
  updateProvisionState,
  type CreateIntent,
  type ProvisionHistoryEntry,
} from '@/lib/store/provision-history';
