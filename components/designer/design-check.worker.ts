/**
 * Web Worker running `checkDesign` off the main thread, so validating and
 * rendering a large design never blocks typing. Protocol: `{ id, design,
 * options }` or `{ id, changes, options }` (what changed from the last
 * request's design) in, `{ id, check }` out; `{ kind: 'tenant', snapshot?,
 * linkedConnectorId }` in (no answer) hands over the tenant's copy, indexed
 * here once and used by every check after it (`snapshot: null`: no tenant
 * checks; left out: the same copy, only the linked connector changed).
 */
import { checkDesign, type DesignCheck, type TenantContext } from './design-check';
import type { ConnectorDesign, HclRenderOptions } from '@/lib/connector/design';
import { fromWire, indexTenant, type TenantSnapshotWire } from '@/lib/connector/tenant';
import { withDesignChanges, type DesignChange } from './design-delta';

export type DesignCheckRequest = {
  id: number;
  options: Required<HclRenderOptions>;
  /** The file's text, sent while tenant checks run (what reference expressions may name). */
  text?: string;
} & (
  | { design: ConnectorDesign }
  /** What changed from the design of the request before (versions share what an edit left alone). */
  | { changes: DesignChange[] }
);

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
/** The design of the last request: the next one may say only what changed from it. */
let held: ConnectorDesign | null = null;

self.addEventListener('message', (event: MessageEvent<DesignCheckRequest | TenantHandover>) => {
  const data = event.data;
  if ('kind' in data) {
    if (data.snapshot === null) tenant = null;
    else if (data.snapshot !== undefined)
      tenant = { index: indexTenant(fromWire(data.snapshot)), linkedConnectorId: data.linkedConnectorId };
    else if (tenant) tenant = { ...tenant, linkedConnectorId: data.linkedConnectorId };
    return;
  }
  // Changes with no design to apply them to would check half a design: failing sends the check to the main thread.
  if ('changes' in data && !held) throw new Error('design changes arrived before a design');
  const design = 'changes' in data ? withDesignChanges(held as ConnectorDesign, data.changes) : data.design;
  held = design;
  const response: DesignCheckResponse = {
    id: data.id,
    check: checkDesign(design, data.options, tenant, data.text),
  };
  self.postMessage(response);
});
