/**
 * Naming an API operation the same way whether it comes from the OpenAPI
 * document (`/api/connectors/{id}`) or from the route policy
 * (`/api/connectors/[id]`): the method in capitals and the path with every
 * parameter segment as `{}`, so parameter names need not agree. Pure: the
 * page (server) and the viewer (browser) share it.
 */

const PARAMETER_SEGMENT = /^(\{[^/{}]*\}|\[[^/[\]]*\])$/;

/** `POST /api/connectors/{}/plan` for `post` and `/api/connectors/{id}/plan` (or `[id]`). */
export function operationKey(method: string, path: string): string {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => (PARAMETER_SEGMENT.test(segment) ? '{}' : segment));
  return `${method.toUpperCase()} /${segments.join('/')}`;
}

interface ServerObject {
  url?: unknown;
}

/**
 * The path every operation of the document sits under: the path of its first
 * server (`/` when it has none, or one we cannot read). Operations are sent to
 * this page's own origin whatever host the document names.
 */
export function serverBasePath(servers: unknown, origin: string): string {
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
  const url = typeof first === 'object' && first !== null ? (first as ServerObject).url : undefined;
  if (typeof url !== 'string' || url.includes('{')) return '/';
  try {
    const path = new URL(url, origin).pathname.replace(/\/+$/, '');
    return path || '/';
  } catch {
    return '/';
  }
}

/** `/api` + `/designs/validate`, without doubled or trailing slashes. */
export function joinPath(base: string, path: string): string {
  const joined = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return joined.length > 1 ? joined.replace(/\/+$/, '') : joined;
}
