/**
 * `signIn` walks the whole browser sign-in over HTTP (app → provider → its
 * login form → app callback) and returns the app's session cookie.
 */
/** A cookie jar per origin, enough for the redirect dance (pass one to `signIn` to keep the provider's session, as a browser would). */
export class Jar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  store(origin: string, res: Response) {
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
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
export async function signIn(appUrl: string, login: string, returnTo = '/', jar = new Jar()): Promise<SignInResult> {
  const visited: string[] = [];
  let url = `${appUrl}/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
  let init: RequestInit = { method: 'GET' };
  let sessionLine = '';
  for (let hop = 0; hop < 15; hop++) {
    visited.push(url);
    const origin = new URL(url).origin;
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(origin) },
    });
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
