/**
 * Tenant checks: a design against the rest of the tenant (overlapping
 * addresses, taken names, references the catalog does not have). Pure; the
 * snapshot comes from lib/services/tenant-snapshot.ts (server) or the CLI.
 */
export * from './types';
export { indexTenant, type TenantIndex } from './tenant-index';
export { checkAgainstTenant, suggestFreeBlock } from './checks';
export { snapshotFromApi, type ApiTenantLists } from './from-api';
export type { AddressField } from './address-space';
export { fromWire, toWire, type TenantSnapshotWire, type WireConnector } from './wire';
export { declaredAddresses, hasReferenceExpressions } from './references';
