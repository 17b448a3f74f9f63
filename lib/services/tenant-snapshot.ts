import 'server-only';
/**
 * The live tenant as the tenant checks read it (lib/connector/tenant): every
 * connector's name, id and address space, and the catalog, fetched in one go.
 * Cached like the dashboard's list (lib/services/cache.ts): fresh for its TTL in
 * portal mode, exactly coherent with the embedded emulator, dropped after any
 * write made through the app. One load serves both the API's checks (the
 * index, built once per load) and the designer's copy (the wire body and its
 * ETag, built once per load).
 */
import { createHash } from 'node:crypto';
import { indexTenant, snapshotFromApi, toWire, type TenantIndex, type TenantSnapshot } from '@/lib/connector/tenant';
import type { AlkiraApi } from '@/lib/alkira/api';
import { sharedCache } from './cache';
import { nextStateChangeAfter } from '@/lib/emulator/provisioning';

/** One load of the tenant; what is derived from it is derived once, on first use. */
export class TenantView {
  private indexed: TenantIndex | undefined;
  private body: { json: string; etag: string } | undefined;

  constructor(readonly snapshot: TenantSnapshot) {}

  get index(): TenantIndex {
    this.indexed ??= indexTenant(this.snapshot);
    return this.indexed;
  }

  /** The designer's copy (lib/connector/tenant/wire.ts) and a strong ETag of its bytes. */
  get wire(): { json: string; etag: string } {
    if (!this.body) {
      const json = JSON.stringify(toWire(this.snapshot));
      this.body = { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
    }
    return this.body;
  }
}

export async function tenantView(api: AlkiraApi): Promise<TenantView> {
  return sharedCache<TenantView>('tenant-checks').get(
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
      return new TenantView(
        snapshotFromApi({ connectors, segments, groups, billingTags, credentials, tunnelProfiles, cxps }),
      );
    },
    api.config.mode === 'emulator' && api.config.emulatorInProcess
      ? { emulator: true, quietUntil: nextStateChangeAfter }
      : { emulator: false },
  );
}

export async function tenantCheckIndex(api: AlkiraApi): Promise<TenantIndex> {
  return (await tenantView(api)).index;
}
