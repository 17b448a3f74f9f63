import 'server-only';
/**
 * The current user for server components (the layout, the dashboard's first
 * page), from the request's cookies: a session that was signed out of (its
 * server-side row is gone) is nobody, as it is for the API; so is one that
 * cannot be checked right now (the store is down).
 */
import { cookies } from 'next/headers';
import { loadAuthConfig } from './config';
import { LOCAL_OPERATOR, principalFromCookie, SESSION_COOKIE } from './session';
import { sessionStillOpen } from './sign-out';
import type { Viewer } from './viewer-types';

export async function currentViewer(): Promise<Viewer> {
  const config = loadAuthConfig();
  if (config.mode === 'local') return { mode: 'local', user: { name: LOCAL_OPERATOR.name, role: LOCAL_OPERATOR.role } };
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  const principal = principalFromCookie(cookie, config);
  const open = principal ? await sessionStillOpen(config, cookie ?? null).catch(() => false) : false;
  return { mode: 'oidc', user: principal && open ? { name: principal.name, role: principal.role } : null };
}
