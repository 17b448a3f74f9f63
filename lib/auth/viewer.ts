import 'server-only';
/** The current user for server components (the layout), from the request's cookies. */
import { cookies } from 'next/headers';
import type { Viewer } from '@/lib/client/viewer';
import { loadAuthConfig } from './config';
import { LOCAL_OPERATOR, principalFromCookie, SESSION_COOKIE } from './session';

export async function currentViewer(): Promise<Viewer> {
  const config = loadAuthConfig();
  if (config.mode === 'local') return { mode: 'local', user: { name: LOCAL_OPERATOR.name, role: LOCAL_OPERATOR.role } };
  const principal = principalFromCookie((await cookies()).get(SESSION_COOKIE)?.value, config);
  return { mode: 'oidc', user: principal ? { name: principal.name, role: principal.role } : null };
}
