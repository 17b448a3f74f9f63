import 'server-only';
/**
 * What the four `/api/auth/*` routes do. Redirects carry cookies (login
 * transaction, session) set HttpOnly, SameSite=Lax, and Secure over HTTPS.
 */
import { ApiError } from '@/lib/http/response';
import { endStreamsOfSessionEverywhere } from '@/lib/http/open-streams';
import { logSafe } from '@/lib/util/log-line';
import { loadAuthConfig, type AuthConfig, type OidcConfig } from './config';
import { beginLogin, completeLogin, LOGIN_TTL_SECONDS, safeReturnTo, SignInError } from './oidc';
import { can, PERMISSIONS, type Permission } from './roles';
import { signedInPrincipal } from './policy';
import { forgetIdToken, keepIdToken, providerLogoutUrl } from './sign-out';
import {
  clearedCookie,
  cookieHeader,
  cookieValue,
  isSecureRequest,
  LOGIN_COOKIE,
  SESSION_COOKIE,
  sessionCookie,
  sessionIdFromCookie,
  type Principal,
} from './session';

function redirect(location: string, cookies: string[] = [], status = 302): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const c of cookies) headers.append('Set-Cookie', c);
  return new Response(null, { status, headers });
}

function oidcOnly(): OidcConfig | null {
  const config = loadAuthConfig();
  return config.mode === 'oidc' ? config : null;
}

export async function login(req: Request): Promise<Response> {
  const config = oidcOnly();
  if (!config) return redirect('/'); // local mode: nobody needs to sign in
  const returnTo = safeReturnTo(new URL(req.url).searchParams.get('returnTo'));
  let started: Awaited<ReturnType<typeof beginLogin>>;
  try {
    started = await beginLogin(req, config, returnTo);
  } catch (err) {
    console.error(
      `[auth] discovery at ${config.issuer} failed: ${logSafe(err instanceof Error ? err.message : 'unknown error')}`,
    );
    throw new ApiError(
      502,
      `The identity provider (${new URL(config.issuer).host}) could not be reached; try again later`,
    );
  }
  return redirect(started.url.href, [
    cookieHeader(LOGIN_COOKIE, started.transaction, LOGIN_TTL_SECONDS, isSecureRequest(req, config)),
  ]);
}

export async function callback(req: Request): Promise<Response> {
  const config = oidcOnly();
  if (!config) return redirect('/');
  const secure = isSecureRequest(req, config);
  const clearLogin = clearedCookie(LOGIN_COOKIE, secure);
  try {
    const { principal, returnTo, idToken } = await completeLogin(
      req,
      config,
      cookieValue(req.headers.get('cookie'), LOGIN_COOKIE),
    );
    console.info(`[auth] signed in: ${logSafe(principal.id, 200)} (${principal.role ?? 'no role'})`);
    const sid = await keepIdToken(config, idToken);
    return redirect(returnTo, [clearLogin, sessionCookie(principal, config, secure, sid)], 303);
  } catch (err) {
    if (!(err instanceof SignInError)) throw err;
    console.warn(`[auth] sign-in failed: ${logSafe(err.message)}`);
    return redirect(`/?signin_error=${err.code}`, [clearLogin], 303);
  }
}

/**
 * Ends the app session. A browser form post (the header's Sign out) is then
 * sent on to the identity provider's logout when it supports one (see
 * ./sign-out.ts), else to `/`; a fetch caller gets JSON (it cannot follow the
 * provider's pages, so its provider session is left alone; the kept ID token
 * is forgotten either way).
 */
export async function logout(req: Request): Promise<Response> {
  const config = loadAuthConfig();
  const secure = config.mode === 'oidc' && isSecureRequest(req, config);
  const cleared = clearedCookie(SESSION_COOKIE, secure);
  const session = cookieValue(req.headers.get('cookie'), SESSION_COOKIE);
  // The session ends server-side: its open event streams close now (its row goes below).
  const sid = config.mode === 'oidc' ? sessionIdFromCookie(session, config) : null;
  if (sid) endStreamsOfSessionEverywhere(sid);
  const type = req.headers.get('content-type') ?? '';
  // A plain HTML form posts here and expects a page; fetch callers get JSON.
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const providerLogout = config.mode === 'oidc' ? await providerLogoutUrl(req, config, session) : null;
    return redirect(providerLogout?.href ?? '/', [cleared], 303);
  }
  if (config.mode === 'oidc') await forgetIdToken(config, session);
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  headers.append('Set-Cookie', cleared);
  return Response.json({ signedOut: true }, { headers });
}

export interface MeResponse {
  mode: AuthConfig['mode'];
  user: Principal | null;
  permissions: Record<Permission, boolean>;
}

export async function me(req: Request): Promise<Response> {
  const config = loadAuthConfig();
  const user = await signedInPrincipal(req);
  const permissions = Object.fromEntries(
    Object.keys(PERMISSIONS).map((p) => [p, can(user?.role, p as Permission)]),
  ) as Record<Permission, boolean>;
  const body: MeResponse = { mode: config.mode, user, permissions };
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}
