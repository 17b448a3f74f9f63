/**
 * Signing in for the sign-in browser tests: through the identity provider's
 * login form in Chromium (`signInAs`), or over HTTP for seeding data as a
 * given user (`sessionFor` + `asUser`).
 */
import { expect, type Page } from '@playwright/test';
import { TEST_USERS } from '../tests/helpers/oidc-env';
import { signIn } from '../tests/helpers/oidc-sign-in';

export const APP = `http://127.0.0.1:${process.env.E2E_AUTH_APP_PORT}`;

export async function signInAs(page: Page, login: keyof typeof TEST_USERS, start = '/connectors') {
  await page.goto(start);
  await expect(page.getByRole('heading', { name: 'Sign in to Connector Studio' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  // The identity provider's own page.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${APP}${start.replace(/[?]/g, '\\?')}`));
  await expect(page.getByTestId('signed-in-user')).toContainText(TEST_USERS[login].name);
}

const sessions = new Map<string, string>();

/** The session cookie of `login`, signed in once over HTTP. */
export async function sessionFor(login: string): Promise<string> {
  if (!sessions.has(login)) sessions.set(login, (await signIn(APP, login)).cookie);
  return sessions.get(login)!;
}

/** Calls the app's API as `login`. */
export async function asUser(login: string, method: string, path: string, body?: unknown) {
  const res = await fetch(APP + path, {
    method,
    headers: { cookie: await sessionFor(login), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function settled(login: string, requestId: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const r = await asUser(login, 'GET', `/api/provision-requests/${requestId}`);
    if (['SUCCESS', 'FAILED', 'PARTIAL_SUCCESS'].includes(r.body.state)) return r.body.state;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`${requestId} did not settle`);
}
