import 'server-only';
/**
 * Enforces `API_POLICY` for a request: 401 without a session when sign-in is
 * on, 403 with the wrong role, each with a message saying what is needed.
 * Called by the one route wrapper (`withErrorHandling`), so no route can
 * forget it; the wrapper remembers who made the request for the audit trail.
 */
import { ApiError } from '@/lib/http/response';
import { loadAuthConfig } from './config';
import { accessFor } from './policy-table';
import { can, PERMISSIONS, type Role } from './roles';
import { cookieValue, principalFor, SESSION_COOKIE, type Principal } from './session';
import { sessionStillOpen } from './sign-out';

const principals = new WeakMap<Request, Principal>();

function withArticle(role: Role): string {
  return role === 'operator' ? 'an operator' : `a ${role}`;
}

/** The request's signed-in user: a valid session cookie whose sign-in was not signed out of; null otherwise. */
export async function signedInPrincipal(req: Request): Promise<Principal | null> {
  const config = loadAuthConfig();
  const principal = principalFor(req, config);
  if (!principal || config.mode === 'local') return principal;
  return (await sessionStillOpen(config, cookieValue(req.headers.get('cookie'), SESSION_COOKIE))) ? principal : null;
}

/** Who made the request (null: public route, nobody signed in); throws 401/403. */
export async function authorize(req: Request): Promise<Principal | null> {
  const pathname = new URL(req.url).pathname;
  const access = accessFor(pathname, req.method);
  if (access === undefined) throw new ApiError(403, `No access rule covers ${req.method} ${pathname}; refused`);
  const principal = await signedInPrincipal(req);
  if (principal) principals.set(req, principal);
  if (access === 'public') return principal;
  if (!principal)
    throw new ApiError(
      401,
      'Sign in first (GET /api/auth/login); your session is missing or has expired',
      {},
      { 'WWW-Authenticate': 'Cookie realm="Connector Studio"' },
    );
  if (!principal.role) {
    throw new ApiError(
      403,
      'Your account has no Connector Studio role; ask an administrator to add you to a viewer, designer or operator group',
    );
  }
  if (!can(principal.role, access)) {
    const needed = PERMISSIONS[access];
    const orHigher = needed === 'operator' ? '' : ' or higher';
    throw new ApiError(
      403,
      `This needs the ${needed} role${orHigher}; you are signed in as ${withArticle(principal.role)}`,
    );
  }
  return principal;
}

/** The signed-in user of a request that passed `authorize`. */
export function requestPrincipal(req: Request): Principal {
  const p = principals.get(req);
  if (!p) throw new ApiError(401, 'Sign in first (GET /api/auth/login)');
  return p;
}
