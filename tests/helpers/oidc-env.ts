/**
 * The test identity provider's client, users and groups, and the app
 * environment that signs in against it (no provider code here, so browser
 * test configs can import it).
 */
export const OIDC_CLIENT_ID = 'connector-studio-test';
export const OIDC_CLIENT_SECRET = 'test-client-secret-not-for-production';
export const SESSION_SECRET = 'test-session-secret-0123456789abcdef-0123456789';

export const GROUPS = {
  operator: 'grp-network-operators',
  designer: 'grp-network-designers',
  viewer: 'grp-network-viewers',
} as const;

export interface TestUser {
  login: string;
  name: string;
  email: string;
  groups: string[];
}

/** One user per role, a second operator (audit tests need two people), and one without any mapped group. */
export const TEST_USERS = {
  olivia: {
    login: 'olivia',
    name: 'Olivia Park',
    email: 'olivia@example.com',
    groups: [GROUPS.operator, 'grp-everyone'],
  },
  otto: { login: 'otto', name: 'Otto Brandt', email: 'otto@example.com', groups: [GROUPS.operator] },
  dana: { login: 'dana', name: 'Dana Whitfield', email: 'dana@example.com', groups: [GROUPS.designer] },
  victor: { login: 'victor', name: 'Victor Lang', email: 'victor@example.com', groups: [GROUPS.viewer] },
  nobody: { login: 'nobody', name: 'Norma Reyes', email: 'nobody@example.com', groups: ['grp-everyone'] },
} satisfies Record<string, TestUser>;

export const USER_FOR_ROLE = { operator: 'olivia', designer: 'dana', viewer: 'victor' } as const;

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
