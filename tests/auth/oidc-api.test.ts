/**
 * Sign-in against a real OpenID Connect provider (oidc-provider on loopback)
 * and the role every API route enforces: 401 without a session, 403 with a
 * role below the route's, through for the rest — table-driven over every
 * rule in the access policy, for every role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_POLICY, type Access, type RouteMethod } from '@/lib/auth/policy-table';
import { can, ROLES, type Role } from '@/lib/auth/roles';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { oidcAppEnv, signIn, startOidcProvider, USER_FOR_ROLE, type RunningOidcProvider } from '../helpers/oidc';
import { basicDesign } from '../helpers/designs';
import { TEST_ENV } from '../api/support';
import { at } from '../helpers/present';

let idp: RunningOidcProvider;
let app: RunningServer;
const cookies: Partial<Record<Role | 'nobody', string>> = {};

beforeAll(async () => {
  // The app's port must be known before the provider registers its callback URL.
  const port = await freePort();
  idp = await startOidcProvider({ appOrigins: [`http://127.0.0.1:${port}`] });
  app = await startServer({ ...TEST_ENV, ...oidcAppEnv(idp.issuer) }, { port });
  for (const role of ROLES) cookies[role] = (await signIn(app.url, USER_FOR_ROLE[role])).cookie;
  cookies.nobody = (await signIn(app.url, 'nobody')).cookie;
});
afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

/** A concrete URL for a route pattern, and a body for methods that take one. */
function request(pattern: string, method: RouteMethod): { path: string; body?: string; type?: string } {
  const path = pattern.replace('[kind]', 'segments').replace(/\[[^\]]+\]/g, '999999');
  if (method === 'GET' || method === 'DELETE') return { path };
  if (pattern === '/api/hcl/parse') return { path, body: 'resource "x" "y" {}', type: 'text/plain' };
  return { path, body: '{}', type: 'application/json' };
}

async function send(pattern: string, method: RouteMethod, cookie?: string) {
  const { path, body, type } = request(pattern, method);
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (type) headers['content-type'] = type;
  const res = await fetch(app.url + path, { method, headers, body, redirect: 'manual' });
  // An event stream (GET /api/connectors/events) never ends: its status and headers are the answer.
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status, text: '', json: null };
  }
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })(),
  };
}

const rules = Object.entries(API_POLICY).flatMap(([pattern, methods]) =>
  Object.entries(methods).map(([method, access]) => ({
    pattern,
    method: method as RouteMethod,
    access: access as Access,
  })),
);
const guarded = rules.filter((r) => r.access !== 'public');

describe('every guarded route, without a session', () => {
  it.each(guarded)('$method $pattern answers 401 with a message', async ({ pattern, method }) => {
    const r = await send(pattern, method);
    expect(r.status).toBe(401);
    expect(r.json.error).toMatch(/sign in/i);
  });
});

describe.each(ROLES)('every guarded route, signed in as %s', (role) => {
  it.each(guarded)('$method $pattern ($access)', async ({ pattern, method, access }) => {
    const r = await send(pattern, method, cookies[role]);
    if (access !== 'public' && can(role, access)) {
      expect([401, 403]).not.toContain(r.status);
      expect(r.status).toBeLessThan(500);
    } else {
      expect(r.status).toBe(403);
      expect(r.json.error).toMatch(new RegExp(`needs the \\w+ role.*signed in as an? ${role}`));
    }
  });
});

describe('the API reference', () => {
  it('serves the OpenAPI document without a session: every route with the roles it needs', async () => {
    const res = await fetch(`${app.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-permission': string; 'x-roles': string[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const { pattern, method, access } of rules) {
      const op = doc.paths[pattern.replace(/\[(\w+)\]/g, '{$1}')]?.[method.toLowerCase()];
      expect(op?.['x-permission'], `${method} ${pattern}`).toBe(access);
    }
    expect(doc.paths['/api/connectors/{id}']?.delete?.['x-roles']).toEqual(['operator']);
  });
});

describe('sign-in', () => {
  it('redirects to the provider with PKCE (S256), state and nonce, and no secret in the URL', async () => {
    const res = await fetch(`${app.url}/api/auth/login?returnTo=/connectors`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get('location')!);
    expect(target.origin).toBe(idp.issuer);
    expect(target.searchParams.get('response_type')).toBe('code');
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(target.searchParams.get('state')).toBeTruthy();
    expect(target.searchParams.get('nonce')).toBeTruthy();
    expect(target.searchParams.get('redirect_uri')).toBe(`${app.url}/api/auth/callback`);
    expect(target.href).not.toContain('test-client-secret');
    const tx = res.headers.getSetCookie().find((c) => c.startsWith('cs_login='))!;
    expect(tx).toMatch(/HttpOnly/);
    expect(tx).toMatch(/SameSite=Lax/);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie (not Secure over plain HTTP) and returns where sign-in started', async () => {
    const result = await signIn(app.url, 'olivia', '/connectors');
    expect(result.setCookie).toMatch(/HttpOnly/);
    expect(result.setCookie).toMatch(/SameSite=Lax/);
    expect(result.setCookie).toMatch(/Path=\//);
    expect(result.setCookie).not.toMatch(/Secure/);
    expect(result.visited.at(-1)).toBe(`${app.url}/connectors`);
    // The cookie is sealed: neither the user's name nor a token is readable in it.
    expect(result.cookie).not.toMatch(/olivia|Olivia|eyJ/);
  });

  it('tells who is signed in and what they may do, without any token', async () => {
    const res = await fetch(`${app.url}/api/auth/me`, { headers: { cookie: cookies.designer! } });
    const me = await res.json();
    expect(me).toEqual({
      mode: 'oidc',
      user: { id: 'dana', name: 'Dana Whitfield', email: 'dana@example.com', role: 'designer' },
      permissions: { view: true, saveDesign: true, provision: false },
    });
    const anonymous = await (await fetch(`${app.url}/api/auth/me`)).json();
    expect(anonymous).toMatchObject({ mode: 'oidc', user: null });
  });

  it('refuses a user whose groups map to no role, saying so', async () => {
    const r = await send('/api/connectors', 'GET', cookies.nobody);
    expect(r.status).toBe(403);
    expect(r.json.error).toMatch(/no Connector Studio role/);
  });

  it('refuses a forged or altered session cookie', async () => {
    const value = cookies.operator!.slice('cs_session='.length);
    const altered = value.slice(0, -4) + (value.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await send('/api/connectors', 'GET', `cs_session=${altered}`)).status).toBe(401);
    expect((await send('/api/connectors', 'GET', 'cs_session=v1.x.y.z')).status).toBe(401);
  });

  it('rejects a callback whose state does not match the transaction, without a session', async () => {
    const start = await fetch(`${app.url}/api/auth/login`, { redirect: 'manual' });
    const tx = at(
      start.headers
        .getSetCookie()
        .find((c) => c.startsWith('cs_login='))!
        .split(';'),
      0,
    );
    const res = await fetch(`${app.url}/api/auth/callback?code=forged&state=not-the-state`, {
      headers: { cookie: tx },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?signin_error=token_exchange');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('cs_session=') && !/Max-Age=0/.test(c))).toBe(false);
  });

  it('reports a sign-in the user cancelled at the provider', async () => {
    const res = await fetch(`${app.url}/api/auth/callback?error=access_denied&state=x`, { redirect: 'manual' });
    expect(res.headers.get('location')).toBe('/?signin_error=access_denied');
  });

  it('signs out by clearing the session cookie', async () => {
    const res = await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie: cookies.viewer! } });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('cs_session='))).toMatch(/Max-Age=0/);
  });
});

describe('the app behind sign-in still works for an operator', () => {
  it('creates a connector through the emulator, which refuses anyone but the app', async () => {
    const created = await fetch(`${app.url}/api/connectors?provision=false`, {
      method: 'POST',
      headers: { cookie: cookies.operator!, 'content-type': 'application/json' },
      body: JSON.stringify(basicDesign('behind-sign-in')),
    });
    expect(created.status).toBe(201);
    const direct = await fetch(`${app.url}/emulator/api/tenantnetworksummaries`, {
      headers: {
        authorization: `api-key ${Buffer.from('connector-studio-emulator').toString('base64')}`,
        cookie: cookies.operator!,
      },
    });
    expect(direct.status).toBe(403);
  });
});
