/**
 * Signing out ends the identity provider's session too (OpenID Connect
 * RP-initiated logout) against the real test provider: the browser's form
 * post is sent to the provider's end_session_endpoint with id_token_hint and
 * post_logout_redirect_uri, the provider returns it to the app, and the next
 * sign-in asks for the login again. The ID token is kept server-side: not in
 * the session cookie, not in a log, used once. A provider without an
 * end_session_endpoint gets a local sign-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { Jar, oidcAppEnv, OIDC_CLIENT_ID, signIn, startOidcProvider, type RunningOidcProvider } from '../helpers/oidc';
import { TEST_ENV } from '../api/support';
import { at } from '../helpers/present';

const servers: Array<{ stop(): Promise<void> }> = [];

async function appWithProvider(endSession: boolean): Promise<{ idp: RunningOidcProvider; app: RunningServer }> {
  const port = await freePort();
  const idp = await startOidcProvider({ appOrigins: [`http://127.0.0.1:${port}`], endSession });
  servers.push(idp);
  const app = await startServer({ ...TEST_ENV, ...oidcAppEnv(idp.issuer) }, { port });
  servers.unshift(app);
  return { idp, app };
}

afterAll(async () => {
  for (const s of servers) await s.stop();
});

/** The header's Sign out button: a same-origin HTML form post. */
function formSignOut(app: RunningServer, cookie: string) {
  return fetch(`${app.url}/api/auth/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  });
}

const passedLoginForm = (visited: string[]) => visited.some((u) => new URL(u).pathname.startsWith('/interaction/'));

function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(at(token.split('.'), 1), 'base64url').toString('utf8'));
}

describe('with a provider that supports RP-initiated logout', () => {
  let idp: RunningOidcProvider;
  let app: RunningServer;
  beforeAll(async () => {
    ({ idp, app } = await appWithProvider(true));
  });

  it('ends the provider session, so the next sign-in asks for the login again', async () => {
    const browser = new Jar();
    const first = await signIn(app.url, 'olivia', '/', browser);
    expect(passedLoginForm(first.visited)).toBe(true);
    // The provider remembers her: signing in again in the same browser needs no login form.
    const again = await signIn(app.url, 'olivia', '/', browser);
    expect(passedLoginForm(again.visited)).toBe(false);

    const out = await formSignOut(app, again.cookie);
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().some((c) => /^cs_session=;.*Max-Age=0/.test(c))).toBe(true);
    const target = new URL(out.headers.get('location') ?? '');
    expect(`${target.origin}${target.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${app.url}/`);
    expect(target.searchParams.get('client_id')).toBe(OIDC_CLIENT_ID);
    const idToken = target.searchParams.get('id_token_hint') ?? '';
    expect(jwtClaims(idToken)).toMatchObject({ iss: idp.issuer, sub: 'olivia', aud: OIDC_CLIENT_ID });
    // Kept server-side: the session cookie is far smaller than the token it would otherwise carry, and no log holds it.
    expect(again.cookie.length).toBeLessThan(idToken.length);
    expect(app.logs()).not.toContain(idToken);

    // The provider asks to confirm (its own page), then returns to the app.
    const confirm = await fetch(target, { headers: { cookie: browser.header(idp.issuer) } });
    browser.store(idp.issuer, confirm);
    const html = await confirm.text();
    expect(confirm.status).toBe(200);
    const action =
      /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"/.exec(html)?.[1] ??
      /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(action && xsrf).toBeTruthy();
    const done = await fetch(new URL(action!.replace(/&amp;/g, '&'), idp.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: browser.header(idp.issuer), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }).toString(),
    });
    browser.store(idp.issuer, done);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${app.url}/`);

    const afterwards = await signIn(app.url, 'olivia', '/', browser);
    expect(passedLoginForm(afterwards.visited)).toBe(true);
  });

  it("lets the Sign out form's redirect reach the provider (CSP form-action)", async () => {
    const csp = (await fetch(`${app.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`form-action 'self' ${idp.issuer}`);
  });

  it('revokes the session: a copy of the old cookie signs nobody in, and a replayed sign-out is local', async () => {
    const { cookie } = await signIn(app.url, 'otto');
    expect((await fetch(`${app.url}/api/connectors`, { headers: { cookie } })).status).toBe(200);
    expect((await formSignOut(app, cookie)).headers.get('location')).toMatch(/\/session\/end\?/);
    const replayed = await fetch(`${app.url}/api/connectors`, { headers: { cookie } });
    expect(replayed.status).toBe(401);
    expect((await (await fetch(`${app.url}/api/auth/me`, { headers: { cookie } })).json()).user).toBeNull();
    const replay = await formSignOut(app, cookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.get('location')).toBe('/');
  });

  it('answers a fetch caller with JSON and forgets the token', async () => {
    const { cookie } = await signIn(app.url, 'victor');
    const res = await fetch(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ signedOut: true });
    expect((await formSignOut(app, cookie)).headers.get('location')).toBe('/');
  });
});

describe('with a provider without an end_session_endpoint', () => {
  it('signs out locally and returns to the app', async () => {
    const { idp, app } = await appWithProvider(false);
    const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery.end_session_endpoint).toBeUndefined();
    const { cookie } = await signIn(app.url, 'olivia');
    const out = await formSignOut(app, cookie);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
    expect(out.headers.getSetCookie().some((c) => /^cs_session=;.*Max-Age=0/.test(c))).toBe(true);
  });
});
