/**
 * The access rule of every API route and method, in the App Router's own
 * notation (`[id]` is one path segment), so a test can check that every
 * `app/api/**\/route.ts` export has a rule. `public`: no sign-in needed.
 * A route or method missing here is refused (fail closed).
 */
import type { Permission } from './roles';

export type Access = Permission | 'public';
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const API_POLICY: Record<string, Partial<Record<RouteMethod, Access>>> = {
  '/api/auth/login': { GET: 'public' },
  '/api/auth/callback': { GET: 'public' },
  '/api/auth/logout': { POST: 'public' },
  '/api/auth/me': { GET: 'public' },
  '/api/health': { GET: 'public' },
  // The API's contract as OpenAPI 3.1 (lib/contract): no tenant or user data, the same as the published README.
  '/api/openapi.json': { GET: 'public' },
  // Only with CONNECTOR_STUDIO_DIAGNOSTICS=1 (404 otherwise): event-loop delay and RSS for the fuzz.
  '/api/diagnostics/event-loop': { GET: 'public' },
  '/api/activity': { GET: 'view' },
  '/api/catalog/[kind]': { GET: 'view' },
  '/api/designs/validate': { POST: 'view' },
  '/api/designs/hcl': { POST: 'view' },
  '/api/hcl/parse': { POST: 'view' },
  '/api/connectors': { GET: 'view', POST: 'provision' },
  // Server-Sent Events: provision state changes and connector writes (the dashboard's live updates).
  '/api/connectors/events': { GET: 'view' },
  '/api/connectors/[id]': { GET: 'view', PUT: 'provision', DELETE: 'provision' },
  '/api/connectors/[id]/design': { GET: 'view' },
  '/api/connectors/[id]/plan': { POST: 'view' },
  // The workspace designs linked to the connector (editing it directly makes them drift).
  '/api/connectors/[id]/designs': { GET: 'view' },
  '/api/designs': { GET: 'view', POST: 'saveDesign' },
  '/api/designs/import': { POST: 'saveDesign' },
  '/api/designs/[id]': { GET: 'view', PUT: 'saveDesign', DELETE: 'saveDesign' },
  '/api/designs/[id]/diff': { GET: 'view' },
  '/api/designs/[id]/drift': { GET: 'view' },
  '/api/designs/[id]/export': { GET: 'view' },
  '/api/designs/[id]/versions': { GET: 'view' },
  '/api/designs/[id]/restore': { POST: 'saveDesign' },
  '/api/designs/[id]/adopt': { GET: 'view', POST: 'saveDesign' },
  '/api/designs/[id]/provision': { POST: 'provision' },
  '/api/designs/[id]/provisioned': { POST: 'provision' },
  '/api/export': { GET: 'view' },
  '/api/provision-requests/[id]': { GET: 'view' },
  // The designer's copy of the tenant for its tenant checks (ETag-revalidated).
  '/api/tenant/snapshot': { GET: 'view' },
};

interface CompiledRoute {
  pattern: string;
  regex: RegExp;
  /** Static segments win over dynamic ones, as in the App Router. */
  staticSegments: number;
}

const COMPILED: CompiledRoute[] = Object.keys(API_POLICY).map((pattern) => {
  const segments = pattern.split('/').filter(Boolean);
  const parts = segments.map((s) =>
    s.startsWith('[...') ? '.+' : s.startsWith('[') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return {
    pattern,
    regex: new RegExp(`^/${parts.join('/')}/?$`),
    staticSegments: segments.filter((s) => !s.startsWith('[')).length,
  };
});

/** The route pattern a request path belongs to, or null. */
export function routePatternFor(pathname: string): string | null {
  let best: CompiledRoute | null = null;
  for (const r of COMPILED) {
    if (r.regex.test(pathname) && (!best || r.staticSegments > best.staticSegments)) best = r;
  }
  return best?.pattern ?? null;
}

/** The rule for a request; undefined when the route or method has none. HEAD is GET. */
export function accessFor(pathname: string, method: string): Access | undefined {
  const pattern = routePatternFor(pathname);
  if (!pattern) return undefined;
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return API_POLICY[pattern]?.[m as RouteMethod];
}
