'use client';
/**
 * The API reference (`/api-docs`): the OpenAPI document the server publishes
 * at /api/openapi.json, shown with Swagger UI. The viewer's code (about half a
 * megabyte) is a chunk of its own that only this page loads; the document is
 * fetched while it loads.
 */
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState } from 'react';
import { ErrorState } from '@/components/dashboard/error-state';
import { serverBasePath } from './operation-key';
import type { SwaggerViewerProps } from './swagger-viewer';

export const OPENAPI_PATH = '/api/openapi.json';

function ViewerPlaceholder() {
  return (
    <p
      role="status"
      className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400"
    >
      Loading the API reference…
    </p>
  );
}

const SwaggerViewer = dynamic<SwaggerViewerProps>(() => import('./swagger-viewer'), {
  ssr: false,
  loading: ViewerPlaceholder,
});

type Loaded = { document: Record<string, unknown>; basePath: string } | { error: string };

/** The document with its servers pointed at this origin, so "Try it out" reaches the server that served the page. */
function forThisOrigin(document: Record<string, unknown>): { document: Record<string, unknown>; basePath: string } {
  const origin = window.location.origin;
  const basePath = serverBasePath(document.servers, origin);
  return { document: { ...document, servers: [{ url: `${origin}${basePath === '/' ? '' : basePath}` }] }, basePath };
}

async function loadDocument(): Promise<Loaded> {
  try {
    const res = await fetch(OPENAPI_PATH, { headers: { accept: 'application/json' }, cache: 'no-store' });
    const body: unknown = await res.json().catch(() => null);
    const message =
      typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : `HTTP ${res.status}`;
    if (!res.ok) return { error: `${OPENAPI_PATH} answered ${res.status}: ${message}` };
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !('paths' in body)) {
      return { error: `${OPENAPI_PATH} did not answer an OpenAPI document` };
    }
    return forThisOrigin(body as Record<string, unknown>);
  } catch (err) {
    return { error: `Could not reach ${OPENAPI_PATH}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export function ApiReferencePage({ tryable }: { tryable: readonly string[] }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [retrying, setRetrying] = useState(false);
  const load = useCallback(async () => {
    setRetrying(true);
    setLoaded(await loadDocument());
    setRetrying(false);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="mx-auto max-w-6xl space-y-4 p-4 sm:p-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every route of the HTTP API with its parameters, bodies, answers and errors, from the OpenAPI 3.1 document the
          server publishes at{' '}
          <a href={OPENAPI_PATH} className="btn-link font-mono">
            {OPENAPI_PATH}
          </a>{' '}
          (import it into your client generator or Postman).
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <strong className="font-medium text-slate-800 dark:text-slate-200">Try it out</strong> sends the request to
          this server as you (your session), for the routes that only read or check: lists, catalogs, validate, HCL,
          parse, plan. Writes — saving designs, provisioning, changing or deleting connectors — are documented here but
          not sent from this page: the app sends them from the designer and the dashboard after showing their plan, and
          your scripts send them directly.
        </p>
      </header>
      {loaded === null ? (
        <ViewerPlaceholder />
      ) : 'error' in loaded ? (
        <ErrorState
          title="The API document could not be loaded"
          message={loaded.error}
          onRetry={() => void load()}
          retrying={retrying}
        />
      ) : (
        <SwaggerViewer document={loaded.document} basePath={loaded.basePath} tryable={tryable} />
      )}
    </div>
  );
}
