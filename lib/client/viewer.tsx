'use client';
/**
 * Who is using the app, as the server's layout determined it (no token ever
 * reaches the browser: only name, role and mode). Components ask
 * `usePermission` to hide or disable what the user may not do and say why;
 * the server enforces the same rules on every API route regardless.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { can, ROLE_LABELS, whoMay, type Permission } from '@/lib/auth/roles';
import type { Viewer } from '@/lib/auth/viewer-types';

export type { Viewer };

const ViewerContext = createContext<Viewer>({ mode: 'local', user: { name: 'Local operator', role: 'operator' } });

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}

/** Whether the current user may do this, and if not, a short reason to show next to the disabled control. */
export function usePermission(permission: Permission): { allowed: boolean; reason: string | null } {
  const { user } = useViewer();
  if (can(user?.role, permission)) return { allowed: true, reason: null };
  const current = user?.role
    ? `you are signed in as ${ROLE_LABELS[user.role].toLowerCase()}`
    : 'your account has no role';
  return { allowed: false, reason: `${whoMay(permission)}: ${current}.` };
}
