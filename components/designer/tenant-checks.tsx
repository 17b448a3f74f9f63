'use client';
/**
 * The designer's tenant checks: a copy of the tenant (`GET /api/tenant/snapshot`,
 * connectors' names, ids and address space plus the catalog) fetched once,
 * handed to the check worker (./document-check.ts), which runs the same rules
 * as the API (lib/connector/tenant) on every version. The copy is revalidated
 * (If-None-Match: a 304 costs a header) when the tab comes back into view and
 * every 30 s while it is in view; the server's ETag changes when the tenant does.
 */
import { useEffect } from 'react';
import type { TenantSnapshotWire } from '@/lib/connector/tenant';
import type { DesignDocument } from './design-document';
import { useDesignState } from './design-document-context';

const REVALIDATE_MS = 30_000;

async function reasonOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // Not JSON: the status says enough.
  }
  return `the server answered ${res.status}`;
}

/** Keeps `doc`'s tenant copy current; `linkedConnectorId`: the live connector the design is, whose own name and addresses are not clashes. */
export function useTenantChecks(doc: DesignDocument, linkedConnectorId: number | null): void {
  useEffect(() => doc.setLinkedConnector(linkedConnectorId), [doc, linkedConnectorId]);
  useEffect(() => {
    let etag: string | null = null;
    let stopped = false;
    let loading = false;
    const load = async () => {
      if (loading) return;
      loading = true;
      try {
        const res = await fetch('/api/tenant/snapshot', {
          headers: etag ? { 'If-None-Match': etag } : {},
          cache: 'no-store',
        });
        if (stopped || res.status === 304) return;
        if (!res.ok) {
          const reason = await reasonOf(res);
          etag = null;
          if (!stopped) doc.setTenant(null, { state: 'unavailable', reason });
          return;
        }
        const snapshot = (await res.json()) as TenantSnapshotWire;
        if (stopped) return;
        etag = res.headers.get('ETag');
        doc.setTenant(snapshot, {
          state: 'ready',
          connectors: Array.isArray(snapshot.connectors) ? snapshot.connectors.length : 0,
        });
      } catch {
        etag = null;
        if (!stopped) doc.setTenant(null, { state: 'unavailable', reason: 'the server could not be reached' });
      } finally {
        loading = false;
      }
    };
    void load();
    const visible = () => document.visibilityState === 'visible';
    const onVisibility = () => {
      if (visible()) void load();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(() => {
      if (visible()) void load();
    }, REVALIDATE_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [doc]);
}

/** One line under the error summary: what the tenant checks run against, or why they do not. */
export function TenantCheckStatus() {
  const tenant = useDesignState((s) => s.tenant);
  const text =
    tenant.state === 'loading'
      ? 'Tenant checks: loading the tenant…'
      : tenant.state === 'ready'
        ? `Tenant checks: against the tenant's ${tenant.connectors.toLocaleString('en')} connector${tenant.connectors === 1 ? '' : 's'} and catalog`
        : `Tenant checks unavailable (${tenant.reason}); the offline checks still run.`;
  return (
    <p
      data-testid="tenant-check-status"
      data-state={tenant.state}
      className={`px-1 text-[11px] ${tenant.state === 'unavailable' ? 'text-amber-800 dark:text-amber-200' : 'text-slate-600 dark:text-slate-400'}`}
    >
      {text}
    </p>
  );
}
