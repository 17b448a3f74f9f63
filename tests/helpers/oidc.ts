/**
 * A real OpenID Connect provider for the tests: `oidc-provider` on loopback
 * (random port unless given), one confidential client for the app, and test
 * users whose `groups` claim maps to each role. Its development login form
 * accepts the user's login name with any password; consent is pre-granted
 * for the app, as for a first-party enterprise app. `signIn` walks the whole
 * browser flow over HTTP (app → provider → login form → app callback) and
 * returns the app's session cookie (oidc-sign-in.ts).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, TEST_USERS, type TestUser } from './oidc-env';

export * from './oidc-env';
export * from './oidc-sign-in';

export interface RunningOidcProvider {
  issuer: string;
  port: number;
  stop(): Promise<void>;
}

/** `endSession: false`: a provider without RP-initiated logout (no `end_session_endpoint` in its discovery document). */
export async function startOidcProvider(opts: {
  appOrigins: string[];
  port?: number;
  endSession?: boolean;
}): Promise<RunningOidcProvider> {
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
      const user = (TEST_USERS as Record<string, TestUser>)[id];
      if (!user) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: user.name, email: user.email, groups: user.groups }),
      };
    },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
    // Groups in the ID token, as Entra ID does with the groups claim configured.
    conformIdTokenClaims: false,
    cookies: { keys: ['test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: opts.endSession !== false } },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      });
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
