/**
 * A real OpenID Connect provider for the tests: `oidc-provider` on loopback
 * (random port unless given), one confidential client for the app, and test
 * users whose `groups` claim maps to each role. Its development login form
 * accepts the user's login name with any password; consent is pre-granted
 * for the app, as for a first-party enterprise app. `signIn` walks the whole
 * browser flow over HTTP (app → provider → login form → app callback) and
 * returns the app's session cookie.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export const OIDC_CLIENT_ID = 'connector-studio-test';
export const OIDC_CLIENT_SECRET = 'test-client-secret-not-for-production';
export const SESSION_SECRET = 'test-session-secret-0123456789abcdef-0123456789';

export const GROUPS = { operator: 'grp-network-operators', designer: 'grp-network-designers', viewer: 'grp-network-viewers' } as const;

export interface TestUser {
  login: string;
  name: string;
  email: string;
  groups: string[];
}

/** One user per role, a second operator (audit tests need two people), and one without any mapped group. */
export const TEST_USERS: Record<string, TestUser> = {
  olivia: { login: 'olivia', name: 'Olivia Operator', email: 'olivia@example.com', groups: [GROUPS.operator, 'grp-everyone'] },
  otto: { login: 'otto', name: 'Otto Oncall', email: 'otto@example.com', groups: [GROUPS.operator] },
  dana: { login: 'dana', name: 'Dana Designer', email: 'dana@example.com', groups: [GROUPS.designer] },
  victor: { login: 'victor', name: 'Victor Viewer', email: 'victor@example.com', groups: [GROUPS.viewer] },
  nobody: { login: 'nobody', name: 'Norma Nogroup', email: 'nobody@example.com', groups: ['grp-everyone'] },
};

export const USER_FOR_ROLE = { operator: 'olivia', designer: 'dana', viewer: 'victor' } as const;

export interface RunningOidcProvider {
  issuer: string;
  port: number;
  stop(): Promise<void>;
}

export async function startOidcProvider(opts: { appOrigins: string[]; port?: number }): Promise<RunningOidcProvider> {
  // Bind first, so the issuer URL carries the real port.
  const { createServer } = await import('node:http');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: opts.appOrigins.map((o) => `${o}/api/auth/callback`),
        post_logout_redirect_uris: opts.appOrigins.map((o) => `${o}/`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const user = TEST_USERS[id];
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: user.name, email: user.email, groups: user.groups }) };
    },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
    // Groups in the ID token, as Entra ID does with the groups claim configured.
    conformIdTokenClaims: false,
    cookies: { keys: ['test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid profile email groups');
      await grant.save();
      return grant;
    },
  });
  // The development-only warnings are expected here.
  provider.on('server_error', (_ctx, err) => console.error('[oidc-provider]', err));
  server.on('request', provider.callback());

  return {
    issuer,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The app's environment for signing in against this provider. */
export function oidcAppEnv(issuer: string): Record<string, string> {
  return {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET,
    CONNECTOR_STUDIO_SESSION_SECRET: SESSION_SECRET,
    OIDC_SCOPES: 'openid profile email groups',
    OIDC_ROLES_CLAIM: 'groups',
    OIDC_OPERATOR_GROUPS: GROUPS.operator,
    OIDC_DESIGNER_GROUPS: GROUPS.designer,
    OIDC_VIEWER_GROUPS: `${GROUPS.viewer},grp-readonly-auditors`,
  };
}

/** A cookie jar per origin, enough for the redirect dance. */
class Jar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(origin: string, res: Response) {
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.byOrigin.set(origin, jar);
  }

  header(origin: string): string {
    return [...(this.byOrigin.get(origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.get(name);
  }
}

export interface SignInResult {
  /** `cs_session=...`, to send as the Cookie header. */
  cookie: string;
  /** The raw Set-Cookie line of the session (to check its attributes). */
  setCookie: string;
  /** Every URL the browser would have visited, in order. */
  visited: string[];
}

/** Signs `login` in to the app at `appUrl` through the provider's login form, as a browser would. */
export async function signIn(appUrl: string, login: string, returnTo = '/'): Promise<SignInResult> {
  const jar = new Jar();
  const visited: string[] = [];
  let url = `${appUrl}/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
  let init: RequestInit = { method: 'GET' };
  let sessionLine = '';
  for (let hop = 0; hop < 15; hop++) {
    visited.push(url);
    const origin = new URL(url).origin;
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header(origin) } });
    jar.store(origin, res);
    const line = res.headers.getSetCookie().find((l) => l.startsWith('cs_session=') && !/max-age=0/i.test(l));
    if (line) sessionLine = line;
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).toString();
      init = { method: 'GET' };
      continue;
    }
    if (res.status === 200 && new URL(url).pathname.startsWith('/interaction/')) {
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no login form at ${url}`);
      url = new URL(action.replace(/&amp;/g, '&'), url).toString();
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any-password' }).toString(),
      };
      continue;
    }
    await res.body?.cancel();
    break;
  }
  const value = jar.get(new URL(appUrl).origin, 'cs_session');
  if (!value) throw new Error(`sign-in as ${login} did not yield a session; visited:\n${visited.join('\n')}`);
  return { cookie: `cs_session=${value}`, setCookie: sessionLine, visited };
}
