import 'server-only';
/**
 * The OpenID Connect authorization code flow with PKCE, state and nonce, via
 * `openid-client`. The login transaction (state, nonce, code verifier, where
 * to return) lives in a sealed, HttpOnly, 10-minute cookie; nothing secret is
 * put in a URL except what the protocol sends to the identity provider.
 */
import * as client from 'openid-client';
import type { OidcConfig } from './config';
import { roleFromClaim } from './roles';
import { LOGIN_PURPOSE, type Principal } from './session';
import { open, seal } from './seal';

export const LOGIN_TTL_SECONDS = 600;

interface LoginTransaction {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  exp: number;
}

const discovered = new Map<string, Promise<client.Configuration>>();

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The provider's metadata, fetched once per issuer and client (a failed fetch is retried next time). */
export function providerConfiguration(config: OidcConfig): Promise<client.Configuration> {
  const key = `${config.issuer}\u0000${config.clientId}`;
  let pending = discovered.get(key);
  if (!pending) {
    const issuer = new URL(config.issuer);
    // Plain HTTP only for a provider on this machine (tests, a local Keycloak).
    const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [];
    pending = client.discovery(issuer, config.clientId, undefined, client.ClientSecretBasic(config.clientSecret), {
      execute,
      timeout: 10,
    });
    pending.catch(() => discovered.delete(key));
    discovered.set(key, pending);
  }
  return pending;
}

/**
 * The origin the browser used: the request URL's host is the server's own
 * bind address inside Next, so the Host header (or a proxy's X-Forwarded-*)
 * says it. The identity provider only accepts registered callback URLs, so a
 * forged Host cannot redirect a code elsewhere; OIDC_REDIRECT_BASE_URL pins it.
 */
function browserOrigin(req: Request): string {
  const url = new URL(req.url);
  const first = (name: string) => req.headers.get(name)?.split(',')[0]?.trim() || null;
  const proto = first('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const host = first('x-forwarded-host') ?? first('host') ?? url.host;
  return `${proto === 'https' ? 'https' : 'http'}://${host}`;
}

/** The app's origin as the browser (and the identity provider's registration) knows it. */
export function appOrigin(req: Request, config: OidcConfig): string {
  return config.redirectBaseUrl ?? browserOrigin(req);
}

export function redirectUri(req: Request, config: OidcConfig): string {
  return `${appOrigin(req, config)}/api/auth/callback`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const RETURN_BASE = 'http://return-to.invalid';

/**
 * A same-origin path to return to after sign-in, as it goes into the
 * `Location` header (non-ASCII percent-encoded, as URL parsing writes it);
 * anything else becomes `/`: not starting with a single `/`, any control
 * character (a browser drops a TAB or newline, so `/<TAB>/evil.example`
 * would become `//evil.example`), a backslash, or a path that resolves to
 * another origin or into the sign-in routes.
 */
export function safeReturnTo(raw: string | null): string {
  if (
    !raw ||
    raw.length > 2000 ||
    !raw.startsWith('/') ||
    raw.startsWith('//') ||
    raw.includes('\\') ||
    CONTROL.test(raw)
  )
    return '/';
  let url: URL;
  try {
    url = new URL(raw, RETURN_BASE);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (
    url.origin !== RETURN_BASE ||
    !path.startsWith('/') ||
    path.startsWith('//') ||
    url.pathname.startsWith('/api/auth/')
  )
    return '/';
  return path;
}

/** Where to send the browser to sign in, and the sealed transaction cookie value to set. */
export async function beginLogin(
  req: Request,
  config: OidcConfig,
  returnTo: string,
): Promise<{ url: URL; transaction: string }> {
  const provider = await providerConfiguration(config);
  const verifier = client.randomPKCECodeVerifier();
  const tx: LoginTransaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    returnTo,
    exp: Math.floor(Date.now() / 1000) + LOGIN_TTL_SECONDS,
  };
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri(req, config),
    scope: config.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: tx.state,
    nonce: tx.nonce,
  });
  return { url, transaction: seal(tx, config.sessionSecret, LOGIN_PURPOSE) };
}

export class SignInError extends Error {
  constructor(
    /** A short code safe to show and put in a URL (`access_denied`, `expired`). */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

function readTransaction(sealed: string | null, config: OidcConfig): LoginTransaction {
  const tx = sealed ? (open(sealed, config.sessionSecret, LOGIN_PURPOSE) as Partial<LoginTransaction> | null) : null;
  if (
    !tx ||
    typeof tx.state !== 'string' ||
    typeof tx.nonce !== 'string' ||
    typeof tx.verifier !== 'string' ||
    typeof tx.exp !== 'number'
  ) {
    throw new SignInError('no_transaction', 'The sign-in was not started here or its cookie is missing; start again');
  }
  if (tx.exp * 1000 < Date.now())
    throw new SignInError('expired', 'The sign-in took longer than 10 minutes; start again');
  return {
    state: tx.state,
    nonce: tx.nonce,
    verifier: tx.verifier,
    returnTo: safeReturnTo(tx.returnTo ?? null),
    exp: tx.exp,
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * Exchanges the code (checking state, nonce and PKCE) and returns who signed
 * in, with their role, and the ID token (for the provider's logout; the
 * caller keeps it server-side).
 */
export async function completeLogin(
  req: Request,
  config: OidcConfig,
  sealedTransaction: string | null,
): Promise<{ principal: Principal; returnTo: string; idToken: string | null }> {
  const incoming = new URL(req.url);
  const providerError = incoming.searchParams.get('error');
  if (providerError) {
    const code = /^[a-z_]{1,40}$/.test(providerError) ? providerError : 'provider_error';
    throw new SignInError(code, `The identity provider refused the sign-in (${code})`);
  }
  const tx = readTransaction(sealedTransaction, config);
  const provider = await providerConfiguration(config);
  // The URL the provider redirected to, as registered (the request may have arrived under another host name).
  const current = new URL(redirectUri(req, config));
  current.search = incoming.search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(provider, current, {
      pkceCodeVerifier: tx.verifier,
      expectedState: tx.state,
      expectedNonce: tx.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    // The library's messages name the failed check, never a token or secret.
    const reason = err instanceof Error ? err.message : 'unknown error';
    throw new SignInError('token_exchange', `Sign-in could not be completed: ${reason}`);
  }
  const claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
  const sub = text(claims.sub);
  if (!sub) throw new SignInError('no_subject', 'The identity provider returned no subject');
  // Some providers (Okta by default) put groups only in the userinfo response.
  if (claims[config.rolesClaim] === undefined && tokens.access_token) {
    try {
      Object.assign(claims, await client.fetchUserInfo(provider, tokens.access_token, sub), { sub });
    } catch {
      /* no userinfo: the user simply gets no role from it */
    }
  }
  const email = text(claims.email);
  const principal: Principal = {
    id: sub,
    name: text(claims.name) ?? text(claims.preferred_username) ?? email ?? sub,
    email,
    role: roleFromClaim(claims[config.rolesClaim], config.groups),
  };
  return { principal, returnTo: tx.returnTo, idToken: tokens.id_token ?? null };
}
