import 'server-only';
/**
 * Who is making a request. Local mode: always the one local operator. OIDC:
 * the user in the sealed session cookie (HttpOnly, SameSite=Lax, Secure over
 * HTTPS); the browser's JavaScript never sees a token or the session content.
 */
import { loadAuthConfig, type AuthConfig, type OidcConfig } from './config';
import { isRole, type Role } from './roles';
import { open, seal } from './seal';

export interface Principal {
  /** The identity provider's subject (`sub`), or `local`. */
  id: string;
  /** For people: display name, else e-mail, else subject. */
  name: string;
  email: string | null;
  /** Null: signed in, but no configured group grants a role. */
  role: Role | null;
}

export const LOCAL_OPERATOR: Principal = { id: 'local', name: 'Local operator', email: null, role: 'operator' };

export const SESSION_COOKIE = 'cs_session';
export const LOGIN_COOKIE = 'cs_login';
const SESSION_PURPOSE = 'session';
export const LOGIN_PURPOSE = 'login';

interface SessionPayload extends Principal {
  exp: number;
  /** Random id of this sign-in: the key of its server-side state (the ID token, lib/store/sign-in-sessions.ts). */
  sid?: string;
}

export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function openSession(
  value: string | null | undefined,
  config: OidcConfig,
): (Partial<SessionPayload> & { id: string; name: string }) | null {
  if (!value) return null;
  const p = open(value, config.sessionSecret, SESSION_PURPOSE) as Partial<SessionPayload> | null;
  if (!p || typeof p.id !== 'string' || typeof p.name !== 'string' || typeof p.exp !== 'number') return null;
  if (p.exp * 1000 < Date.now()) return null;
  return { ...p, id: p.id, name: p.name };
}

/** The session in a cookie value, or null when absent, forged, or expired. */
export function principalFromCookie(value: string | null | undefined, config: OidcConfig): Principal | null {
  const p = openSession(value, config);
  if (!p) return null;
  return {
    id: p.id,
    name: p.name,
    email: typeof p.email === 'string' ? p.email : null,
    role: isRole(p.role) ? p.role : null,
  };
}

/** The sign-in's random id from a valid session cookie (sessions sealed before it existed have none). */
export function sessionIdFromCookie(value: string | null | undefined, config: OidcConfig): string | null {
  const sid = openSession(value, config)?.sid;
  return typeof sid === 'string' && sid.length >= 32 ? sid : null;
}

/** Null in OIDC mode without a valid session. */
export function principalFor(req: Request, config: AuthConfig = loadAuthConfig()): Principal | null {
  if (config.mode === 'local') return LOCAL_OPERATOR;
  return principalFromCookie(cookieValue(req.headers.get('cookie'), SESSION_COOKIE), config);
}

/** HTTPS as the browser sees it (directly, or through a TLS-terminating proxy, or by the configured public URL). */
export function isSecureRequest(req: Request, config: OidcConfig): boolean {
  if (config.redirectBaseUrl) return config.redirectBaseUrl.startsWith('https:');
  const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return (forwarded ?? new URL(req.url).protocol.replace(':', '')) === 'https';
}

export function cookieHeader(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function sessionCookie(principal: Principal, config: OidcConfig, secure: boolean, sid?: string): string {
  const payload: SessionPayload = {
    ...principal,
    exp: Math.floor(Date.now() / 1000) + config.sessionTtlSeconds,
    ...(sid ? { sid } : {}),
  };
  return cookieHeader(
    SESSION_COOKIE,
    seal(payload, config.sessionSecret, SESSION_PURPOSE),
    config.sessionTtlSeconds,
    secure,
  );
}

export function clearedCookie(name: string, secure: boolean): string {
  return cookieHeader(name, '', 0, secure);
}
