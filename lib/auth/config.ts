/**
 * Sign-in configuration, from the environment (read per call: cheap, and
 * test servers differ by env):
 * - `OIDC_ISSUER` unset → local mode: one local operator, loopback only.
 * - `OIDC_ISSUER` set → OpenID Connect sign-in; `OIDC_CLIENT_ID`,
 *   `OIDC_CLIENT_SECRET` and `CONNECTOR_STUDIO_SESSION_SECRET` are required.
 * Also the start-up rule: a real tenant (`ALKIRA_PORTAL`) is never served
 * anonymously unless `CONNECTOR_STUDIO_ALLOW_ANONYMOUS=1` says so.
 */
import type { RoleGroups } from './roles';

export interface OidcConfig {
  mode: 'oidc';
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Public origin of the app (`https://studio.example.com`); the callback is `<base>/api/auth/callback`. Unset: the request's origin. */
  redirectBaseUrl: string | null;
  scopes: string;
  rolesClaim: string;
  groups: RoleGroups;
  sessionSecret: string;
  sessionTtlSeconds: number;
}

export type AuthConfig = { mode: 'local' } | OidcConfig;

export const MIN_SESSION_SECRET_LENGTH = 32;

export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

export function oidcEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OIDC_ISSUER?.trim());
}

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  if (!oidcEnabled(env)) return { mode: 'local' };
  const issuer = env.OIDC_ISSUER!.trim();
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'CONNECTOR_STUDIO_SESSION_SECRET'].filter(
    (k) => !env[k]?.trim(),
  );
  if (missing.length > 0)
    throw new AuthConfigError(
      `OIDC_ISSUER is set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not`,
    );
  try {
    new URL(issuer);
  } catch {
    throw new AuthConfigError('OIDC_ISSUER is not a URL (e.g. https://login.microsoftonline.com/<tenant id>/v2.0)');
  }
  const sessionSecret = env.CONNECTOR_STUDIO_SESSION_SECRET!;
  if (sessionSecret.length < MIN_SESSION_SECRET_LENGTH) {
    throw new AuthConfigError(
      `CONNECTOR_STUDIO_SESSION_SECRET must be at least ${MIN_SESSION_SECRET_LENGTH} characters (e.g. openssl rand -base64 48)`,
    );
  }
  let redirectBaseUrl: string | null = null;
  if (env.OIDC_REDIRECT_BASE_URL?.trim()) {
    try {
      redirectBaseUrl = new URL(env.OIDC_REDIRECT_BASE_URL.trim()).origin;
    } catch {
      throw new AuthConfigError('OIDC_REDIRECT_BASE_URL is not a URL (e.g. https://studio.example.com)');
    }
  }
  const hours = Number(env.CONNECTOR_STUDIO_SESSION_HOURS);
  return {
    mode: 'oidc',
    issuer,
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectBaseUrl,
    scopes: env.OIDC_SCOPES?.trim() || 'openid profile email',
    rolesClaim: env.OIDC_ROLES_CLAIM?.trim() || 'groups',
    groups: {
      operator: list(env.OIDC_OPERATOR_GROUPS),
      designer: list(env.OIDC_DESIGNER_GROUPS),
      viewer: list(env.OIDC_VIEWER_GROUPS),
    },
    sessionSecret,
    sessionTtlSeconds: Number.isFinite(hours) && hours > 0 ? Math.round(hours * 3600) : 8 * 3600,
  };
}

/** Why the server must not start with this environment, or null. */
export function startupProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    loadAuthConfig(env);
  } catch (err) {
    return err instanceof AuthConfigError ? err.message : String(err);
  }
  if (env.ALKIRA_PORTAL?.trim() && !oidcEnabled(env) && env.CONNECTOR_STUDIO_ALLOW_ANONYMOUS !== '1') {
    return (
      'ALKIRA_PORTAL is set (a real Alkira tenant) but sign-in is not configured, so anyone who reaches the app could ' +
      'change connectors. Configure OpenID Connect (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, ' +
      'CONNECTOR_STUDIO_SESSION_SECRET) or set CONNECTOR_STUDIO_ALLOW_ANONYMOUS=1 to run without sign-in on purpose.'
    );
  }
  return null;
}
