/**
 * Who is using the app as the browser is told it: name, role and mode, never a token. The server builds it
 * (lib/auth/viewer.ts) and the browser's context holds it (lib/client/viewer.tsx); the shape lives here so the
 * client imports auth and never the other way round.
 */
import type { AuthConfig } from './config';
import type { Principal } from './session';

export interface Viewer {
  mode: AuthConfig['mode'];
  user: Pick<Principal, 'name' | 'role'> | null;
}
