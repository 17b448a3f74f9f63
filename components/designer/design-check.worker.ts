/**
 * Web Worker running `checkDesign` off the main thread, so validating and
 * rendering a large design never blocks typing. Protocol: `{ id, design,
 * options }` in, `{ id, check }` out; `{ kind: 'tenant', snapshot?,
 * linkedConnectorId }` in (no answer) hands over the tenant's copy, indexed
 * here once and used by every check after it (`snapshot: null`: no tenant
 * checks; left out: the same copy, only the linked connector changed).
 */
import { checkDesign, type DesignCheck, type TenantContext } from './design-check';
import type { ConnectorDesign, HclRenderOptions } from '@/lib/connector/design';
import { fromWire, indexTenant, type TenantSnapshotWire } from '@/lib/connector/tenant';

export interface DesignCheckRequest {
  id: number;
  design: ConnectorDesign;
  options: Required<HclRenderOptions>;
  /** The file's text, sent while tenant checks run (what reference expressions may name). */
  text?: string;
}

export interface TenantHandover {
  kind: 'tenant';
  snapshot?: TenantSnapshotWire | null;
  linkedConnectorId: number | string | null;
}

export interface DesignCheckResponse {
  id: number;
  check: DesignCheck;
}

let tenant: TenantContext | null = null;

self.addEventListener('message', (event: MessageEvent<DesignCheckRequest | TenantHandover>) => {
  const data = event.data;
  if ('kind' in data) {
    if (data.snapshot === null) tenant = null;
    else if (data.snapshot !== undefined)
      tenant = { index: indexTenant(fromWire(data.snapshot)), linkedConnectorId: data.linkedConnectorId };
    else if (tenant) tenant = { ...tenant, linkedConnectorId: data.linkedConnectorId };
    return;
  }
  const response: DesignCheckResponse = {
    id: data.id,
    check: checkDesign(data.design, data.options, tenant, data.text),
  };
  self.postMessage(response);
});
