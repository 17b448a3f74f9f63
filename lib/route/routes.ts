/**
 * Which methods each path answers, so the root proxy can refuse anything else
 * with 405 + `Allow` before a route runs (Next itself answers TRACE with a 500
 * and has no table of its own to consult), and which routes change data.
 * Derived from the access policy (lib/auth/policy-table.ts), which lists every
 * API route file and its methods.
 */
import { API_POLICY } from '@/lib/auth/policy-table';

export interface RouteMethods {
  pattern: RegExp;
  methods: readonly string[];
  /** Changes stored data (the CSRF rules for requests without Origin apply). */
  mutates: boolean;
}

const SEGMENT = '[^/]+';

function route(path: string, methods: string[], mutates = false): RouteMethods {
  const source = path.replace(/\[\.\.\.\w+\]$/, '.+').replace(/\[\w+\]/g, SEGMENT);
  return { pattern: new RegExp(`^${source}/?$`), methods, mutates };
}

/** Fixed paths before parameterised ones (`/api/designs/validate` before `/api/designs/[id]`). */
const byParams = (path: string) => (path.match(/\[/g) ?? []).length;

/**
 * The API routes and their methods come from the access policy (one entry per
 * route file); a method whose access is more than reading (`view`/`public`)
 * changes data.
 */
export const API_ROUTES: readonly RouteMethods[] = [
  ...Object.entries(API_POLICY)
    .sort(([a], [b]) => byParams(a) - byParams(b))
    .map(([path, methods]) =>
      route(
        path,
        Object.keys(methods),
        Object.values(methods).some((access) => access !== 'view' && access !== 'public'),
      ),
    ),
  route('/emulator/_admin/faults', ['GET', 'POST', 'DELETE'], true),
  route('/emulator/%5Fadmin/faults', ['GET', 'POST', 'DELETE'], true),
  route('/emulator/_admin/reset', ['POST'], true),
  route('/emulator/%5Fadmin/reset', ['POST'], true),
  route('/emulator/_admin/seed', ['POST'], true),
  route('/emulator/%5Fadmin/seed', ['POST'], true),
  // The emulator routes by method itself (JSON 405 with Allow per endpoint).
  route('/emulator/api/[...path]', ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], true),
];

/** Pages, static files and anything unknown (Next answers 404 for those). */
const PAGE_METHODS = ['GET', 'HEAD'] as const;

/** Methods every route also answers: HEAD mirrors GET, OPTIONS lists Allow. */
function withImplicit(methods: readonly string[]): string[] {
  const out = [...methods];
  if (out.includes('GET') && !out.includes('HEAD')) out.push('HEAD');
  return out;
}

export function routeFor(pathname: string): RouteMethods | null {
  return API_ROUTES.find((r) => r.pattern.test(pathname)) ?? null;
}

/** The methods `pathname` answers (HEAD with GET), for `Allow`. */
export function allowedMethods(pathname: string): string[] {
  const r = routeFor(pathname);
  if (r) return withImplicit(r.methods);
  if (pathname.startsWith('/api/')) return ['GET', 'HEAD']; // an unknown API path (the proxy answers 404)
  return [...PAGE_METHODS];
}
