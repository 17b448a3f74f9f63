import 'server-only';
/**
 * The live tenant as the tenant checks read it (lib/connector/tenant): every
 * connector's name, id and address space, and the catalog, fetched in one go
 * and indexed once per load. Cached like the dashboard's list
 * (lib/alkira/cache.ts): fresh for its TTL in portal mode, exactly coherent
 * with the embedded emulator, dropped after any write made through the app.
 */
import { indexTenant, snapshotFromApi, type TenantIndex } from '@/lib/connector/tenant';
import type { AlkiraApi } from './api';
import { sharedCache } from './cache';
import { nextStateChangeAfter } from './emulator/provisioning';

export async function tenantCheckIndex(api: AlkiraApi): Promise<TenantIndex> {
  return sharedCache<TenantIndex>('tenant-checks').get(
    api.config.baseUrl,
    async () => {
      const [connectors, segments, groups, billingTags, credentials, tunnelProfiles, cxps] = await Promise.all([
        api.listConnectors(),
        api.segments(),
        api.groups(),
        api.billingTags(),
        api.credentials(),
        api.ipsecTunnelProfiles(),
        api.cxps(),
      ]);
      return indexTenant(snapshotFromApi({ connectors, segments, groups, billingTags, credentials, tunnelProfiles, cxps }));
    },
    api.config.mode === 'emulator' && api.config.emulatorInProcess ? { emulator: true, quietUntil: nextStateChangeAfter } : { emulator: false },
  );
}
