import 'server-only';
/**
 * Signing out of the identity provider too (OpenID Connect RP-initiated
 * logout): at sign-in the ID token is kept server-side, sealed, in the store
 * (`sign_in_sessions`), under a random id that only the sealed session cookie
 * carries; at sign-out it is taken back (and deleted) and the browser is sent
 * to the provider's `end_session_endpoint` with `id_token_hint` and
 * `post_logout_redirect_uri` (the app's origin + `/`, which must be
 * registered with the provider). The token never reaches the browser
 * otherwise, nor a log. Without an `end_session_endpoint` in the discovery
 * document, without a kept token, or with the provider or store unreachable,
 * sign-out is local only.
 */
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { ApiError } from '@/lib/http/response';
import { saveSignInSession, signInSessionOpen, takeSignInSession } from '@/lib/store/sign-in-sessions';
import type { OidcConfig } from './config';
import { appOrigin, providerConfiguration } from './oidc';
import { open, seal } from './seal';
import { sessionIdFromCookie } from './session';

const ID_TOKEN_PURPOSE = 'id-token';

function reason(err: unknown): string {
  return err instanceof Error ? err.name : 'error';
}

/** Keeps the ID token for sign-out; returns the session id to seal into the cookie, or undefined if it could not be kept. */
export async function keepIdToken(config: OidcConfig, idToken: string | null): Promise<string | undefined> {
  if (!idToken) return undefined;
  const sid = randomBytes(32).toString('base64url');
  try {
    const expires = new Date(Date.now() + config.sessionTtlSeconds * 1000);
    await saveSignInSession(sid, seal({ idToken }, config.sessionSecret, ID_TOKEN_PURPOSE), expires);
    return sid;
  } catch (err) {
    console.warn(
      `[auth] could not keep the sign-in for the provider's logout (${reason(err)}); sign-out will be local only`,
    );
    return undefined;
  }
}

async function takeIdToken(config: OidcConfig, sessionCookieValue: string | null): Promise<string | null> {
  const sid = sessionIdFromCookie(sessionCookieValue, config);
  if (!sid) return null;
  let sealed: string | null;
  try {
    sealed = await takeSignInSession(sid);
  } catch (err) {
    console.warn(`[auth] could not read the sign-in for the provider's logout (${reason(err)}); signing out locally`);
    return null;
  }
  const opened = sealed ? open(sealed, config.sessionSecret, ID_TOKEN_PURPOSE) : null;
  return opened && typeof opened === 'object' && 'idToken' in opened && typeof opened.idToken === 'string'
    ? opened.idToken
    : null;
}

/**
 * False once the session was signed out of: its server-side row is gone, so
 * a copy of the old cookie no longer signs anyone in. A session without a
 * server-side id (its row could not be written at sign-in) cannot be revoked
 * and stays valid until it expires. 503 when the store cannot answer.
 */
export async function sessionStillOpen(config: OidcConfig, sessionCookieValue: string | null): Promise<boolean> {
  const sid = sessionIdFromCookie(sessionCookieValue, config);
  if (!sid) return true;
  try {
    return await signInSessionOpen(sid);
  } catch (err) {
    console.error(`[auth] could not check a session (${reason(err)})`);
    throw new ApiError(503, 'Sessions cannot be checked right now (the store is unavailable); try again shortly');
  }
}

/** Forgets the session's ID token (a sign-out that cannot visit the provider). */
export async function forgetIdToken(config: OidcConfig, sessionCookieValue: string | null): Promise<void> {
  await takeIdToken(config, sessionCookieValue);
}

/**
 * Forgets the session's ID token and returns where to send the browser to
 * end the provider's session too, or null for a local sign-out.
 */
export async function providerLogoutUrl(
  req: Request,
  config: OidcConfig,
  sessionCookieValue: string | null,
): Promise<URL | null> {
  const idToken = await takeIdToken(config, sessionCookieValue);
  if (!idToken) return null;
  let provider: client.Configuration;
  try {
    provider = await providerConfiguration(config);
  } catch (err) {
    console.warn(`[auth] the identity provider could not be reached for logout (${reason(err)}); signing out locally`);
    return null;
  }
  if (!provider.serverMetadata().end_session_endpoint) return null;
  return client.buildEndSessionUrl(provider, {
    id_token_hint: idToken,
    post_logout_redirect_uri: `${appOrigin(req, config)}/`,
  });
}
