/**
 * Who may do what. Three roles, each including the one below it; every
 * permission names the least role that holds it. Pure (used by the server's
 * route policy and by the browser to hide what the user may not do).
 */
export const ROLES = ['viewer', 'designer', 'operator'] as const;
export type Role = (typeof ROLES)[number];

import { lastItem } from '@/lib/util/indexing';

/** The least role for each thing a user can do. */
export const PERMISSIONS = {
  /** Dashboards, designs, validation, HCL export and import, the activity log. */
  view: 'viewer',
  /** Saving designs on the server. */
  saveDesign: 'designer',
  /** Creating, updating, provisioning and deleting connectors in the tenant. */
  provision: 'operator',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', designer: 'Designer', operator: 'Operator' };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(PERMISSIONS[permission]);
}

/** "Operators only", "Designers and operators only": why a control is disabled. */
export function whoMay(permission: Permission): string {
  const allowed = ROLES.slice(ROLES.indexOf(PERMISSIONS[permission]));
  if (allowed.length === ROLES.length) return 'Everyone signed in';
  const names = allowed.map((r) => `${ROLE_LABELS[r]}s`);
  const last = lastItem(names, 'role');
  const joined = names.length === 1 ? last : `${names.slice(0, -1).join(', ')} and ${last.toLowerCase()}`;
  return `${joined} only`;
}

export interface RoleGroups {
  operator: string[];
  designer: string[];
  viewer: string[];
}

/**
 * The highest role any of the user's claim values grants, or null. The claim
 * may be an array (Entra `groups`/`roles`, Okta `groups`), one string, or a
 * space/comma separated string; values compare exactly (group object ids and
 * app-role values are case-sensitive in Entra).
 */
export function roleFromClaim(claim: unknown, groups: RoleGroups): Role | null {
  const values = new Set<string>(
    Array.isArray(claim)
      ? claim.filter((v): v is string => typeof v === 'string')
      : typeof claim === 'string'
        ? claim.split(/[\s,]+/).filter(Boolean)
        : [],
  );
  for (const role of [...ROLES].reverse()) {
    if (groups[role].some((g) => values.has(g))) return role;
  }
  return null;
}
