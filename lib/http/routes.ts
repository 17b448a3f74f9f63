/**
 * Which methods each path answers, so the root proxy can refuse anything else
 * with 405 + `Allow` before a route runs (Next itself answers TRACE with a 500
 * and has no table of its own to consult), and which routes change data.
 * Keep in step with the `export const GET/POST/...` of the route files; a test
 * (tests/api/methods.test.ts) sends every method to every route.
 */
export interface RouteMethods {
  pattern: RegExp;
  methods: readonly string[];
  /** Changes stored data (the CSRF rules for requests without Origin apply). */
  mutates: boolean;
}

const SEGMENT = '[^/]+';

function route(path: string, methods: string[], mutates = false): RouteMethods {
  const source = path.replace(/:\w+/g, SEGMENT).replace(/\*$/, '.*');
  return { pattern: new RegExp(`^${source}/?$`), methods, mutates };
}

export const API_ROUTES: readonly RouteMethods[] = [
  route('/api/health', ['GET']),
  route('/api/diagnostics/event-loop', ['GET']),
  route('/api/catalog/:kind', ['GET']),
  route('/api/designs/validate', ['POST']),
  route('/api/designs/hcl', ['POST']),
  route('/api/hcl/parse', ['POST']),
  route('/api/connectors', ['GET', 'POST'], true),
  route('/api/connectors/:id', ['GET', 'PUT', 'DELETE'], true),
  route('/api/connectors/:id/design', ['GET']),
  route('/api/provision-requests/:id', ['GET']),
  route('/emulator/_admin/faults', ['GET', 'POST', 'DELETE'], true),
  route('/emulator/%5Fadmin/faults', ['GET', 'POST', 'DELETE'], true),
  route('/emulator/_admin/reset', ['POST'], true),
  route('/emulator/%5Fadmin/reset', ['POST'], true),
  // The emulator routes by method itself (JSON 405 with Allow per endpoint).
  route('/emulator/api/*', ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], true),
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
