/**
 * Sign-in and sign-out against the real test provider, as an attacker would
 * probe them: where the browser is sent after sign-in (`returnTo`), and what a
 * copy of a signed-out session cookie still gets (server-rendered pages, an
 * event stream that was open when the user signed out).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { Jar, oidcAppEnv, signIn, startOidcProvider, type RunningOidcProvider } from '../helpers/oidc';
import { basicDesign } from '../helpers/designs';
import { TEST_ENV } from '../api/support';

let idp: RunningOidcProvider;
let app: RunningServer;

beforeAll(async () => {
  const port = await freePort();
  idp = await startOidcProvider({ appOrigins: [`http://127.0.0.1:${port}`] });
  app = await startServer({ ...TEST_ENV, ...oidcAppEnv(idp.issuer) }, { port });
});
afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

/**
 * Walks the browser's sign-in with `returnTo` sent as given (percent-encoded
 * in the query, as a link would carry it) and returns the app callback's answer
 * without following it.
 */
async function callbackAnswer(login: string, returnTo: string): Promise<{ status: number; location: string | null }> {
  const jar = new Jar();
  let url = `${app.url}/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 15; hop++) {
    const origin = new URL(url).origin;
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(origin) },
    });
    jar.store(origin, res);
    if (new URL(url).pathname === '/api/auth/callback') {
      await res.body?.cancel();
      return { status: res.status, location: res.headers.get('location') };
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).toString();
      init = { method: 'GET' };
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action) throw new Error(`sign-in stopped at ${url} (${res.status})`);
    url = new URL(action.replace(/&amp;/g, '&'), url).toString();
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any-password' }).toString(),
    };
  }
  throw new Error('sign-in did not reach the callback');
}

describe('returnTo after sign-in', () => {
  it('a path that a browser would read as another host (/<TAB>/evil.example, /\\evil.example) returns to /', async () => {
    for (const returnTo of [
      '/\t/evil.example',
      '/\\evil.example',
      '/\t\\evil.example',
      '//evil.example',
      'https://evil.example/',
    ]) {
      const answer = await callbackAnswer('olivia', returnTo);
      expect(answer, JSON.stringify(returnTo)).toEqual({ status: 303, location: '/' });
    }
  });

  it('a newline, carriage return or NUL in returnTo returns to / (no 500), and the server log gets no raw line from it', async () => {
    for (const returnTo of [
      '/connectors\nInjected-Log-Line: forged',
      '/connectors\r\nSet-Cookie: forged=1',
      '/designs\u0000x',
    ]) {
      const answer = await callbackAnswer('olivia', returnTo);
      expect(answer, JSON.stringify(returnTo)).toEqual({ status: 303, location: '/' });
    }
    expect(app.logs()).not.toMatch(/^(Injected-Log-Line|Set-Cookie: forged)/m);
  });

  it('a path with characters beyond Latin-1 returns there, percent-encoded (no 500)', async () => {
    const answer = await callbackAnswer('olivia', '/designs?q=東京 ✓');
    expect(answer).toEqual({ status: 303, location: '/designs?q=%E6%9D%B1%E4%BA%AC%20%E2%9C%93' });
  });

  it('an ordinary path with a query returns there unchanged', async () => {
    expect(await callbackAnswer('olivia', '/connectors?state=FAILED#top')).toEqual({
      status: 303,
      location: '/connectors?state=FAILED#top',
    });
  });
});

describe('sign-out ends the session server-side', () => {
  async function signOut(cookie: string) {
    const res = await fetch(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
  }

  it('a copy of the signed-out cookie no longer renders /connectors with the user or the rows', async () => {
    const { cookie } = await signIn(app.url, 'otto');
    const created = await fetch(`${app.url}/api/connectors?provision=false`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(basicDesign('session-end-row')),
    });
    expect(created.status).toBe(201);
    const before = await (await fetch(`${app.url}/connectors`, { headers: { cookie } })).text();
    expect(before).toContain('Otto Brandt');
    expect(before).toContain('session-end-row');

    await signOut(cookie);
    const after = await fetch(`${app.url}/connectors`, { headers: { cookie } });
    const html = await after.text();
    expect(html).not.toContain('Otto Brandt');
    expect(html).not.toContain('session-end-row');
  });

  it('an event stream open at sign-out ends at once', async () => {
    const { cookie } = await signIn(app.url, 'olivia');
    const stream = await fetch(`${app.url}/api/connectors/events`, { headers: { cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain(': connected');

    await signOut(cookie);
    const next = await Promise.race([
      (async () => {
        // Drain whatever was already on the way; the stream must then close.
        for (;;) if ((await reader.read()).done) return 'closed';
      })(),
      new Promise<string>((resolve) => setTimeout(() => resolve('still open after 3 s'), 3000)),
    ]);
    expect(next).toBe('closed');
    await reader.cancel().catch(() => undefined);
    // And a new one is refused.
    expect((await fetch(`${app.url}/api/connectors/events`, { headers: { cookie } })).status).toBe(401);
  });
});
