/**
 * The HTTP API's one contract: every route under app/api, its input and its answers (zod), used by the route
 * handlers to parse (lib/http/contract-input.ts), by the browser client to call (lib/client), by the API tests to
 * check every answer, and turned into the OpenAPI document (./openapi.ts, `GET /api/openapi.json`).
 */
import { CONNECTOR_ROUTES } from './connectors';
import { DESIGN_ROUTES } from './designs';
import type { HttpMethod, RouteContract } from './registry';
import { WORKBENCH_ROUTES } from './workbench';

export * from './common';
export * from './connectors';
export * from './designs';
export * from './registry';
export * from './workbench';

/** The API's version in the OpenAPI document: raised when a route changes in a way a caller must follow. */
export const API_VERSION = '1.0.0';

export const API_CONTRACT: readonly RouteContract[] = [...WORKBENCH_ROUTES, ...CONNECTOR_ROUTES, ...DESIGN_ROUTES];

interface CompiledPath {
  route: RouteContract;
  regex: RegExp;
  staticSegments: number;
}

const COMPILED: CompiledPath[] = API_CONTRACT.map((route) => {
  const segments = route.path.split('/').filter(Boolean);
  const parts = segments.map((s) => (s.startsWith('{') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return {
    route,
    regex: new RegExp(`^/${parts.join('/')}/?$`),
    staticSegments: segments.filter((s) => !s.startsWith('{')).length,
  };
});

/** The contract of a request (`HEAD` reads as `GET`), or null: static paths win over `{id}` ones, as in the App Router. */
export function contractFor(method: string, pathname: string): RouteContract | null {
  const verb = (method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase()) as HttpMethod;
  let best: CompiledPath | null = null;
  for (const c of COMPILED) {
    if (c.route.method === verb && c.regex.test(pathname) && (!best || c.staticSegments > best.staticSegments))
      best = c;
  }
  return best?.route ?? null;
}
