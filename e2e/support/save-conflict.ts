/**
 * Two people saving from the same version of one workspace design, in the specs: Alice and Bob in browser contexts
 * of their own, Bob's stale save and the merge the save-conflict panel proposes.
 */
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { take } from '../../tests/helpers/present';
import { designFor, tenantRefs } from './connectors';
import { field } from './locators';
import { createStoredDesign, saveVersion } from './workspace';

/**
 * A new stored design (version 1, on the tenant's first CXP, address slot `slot`) open in two browsers of their own,
 * Alice's and Bob's, both showing version 1. `close` ends both browsers.
 */
export async function twoPeopleOnNewDesign(browser: Browser, request: APIRequestContext, name: string, slot: number) {
  const refs = await tenantRefs(request);
  const id = await createStoredDesign(request, designFor(refs, { name, cxp: refs.cxpName, slot }));
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [alice, bob] = take(await Promise.all(contexts.map((c) => c.newPage())), 2);
  // Contexts of their own do not get the project's baseURL.
  const base = test.info().project.use.baseURL;
  for (const p of [alice, bob]) {
    await p.goto(`${base}/designs/${id}`);
    await expect(p.getByTestId('save-state')).toHaveText('Saved · version 1');
  }
  return { id, alice, bob, close: () => Promise.all(contexts.map((c) => c.close())) };
}

/**
 * Alice makes the size LARGE and saves version 2 ("Alice: larger"); Bob, still on version 1, sets the description
 * and saves ("Bob: description"). Bob's save is stale: answers his save-conflict panel, which shows Alice's change
 * (theirs) and his (mine).
 */
export async function staleSaveOfDifferentAttribute(alice: Page, bob: Page): Promise<Locator> {
  await field(alice, 'size').selectOption('LARGE');
  await saveVersion(alice, 'Alice: larger');
  await expect(alice.getByTestId('save-state')).toHaveText('Saved · version 2');

  await field(bob, 'description').fill('Bob was here');
  await saveVersion(bob, 'Bob: description');
  const conflict = bob.getByTestId('save-conflict');
  await expect(conflict).toContainText('Not saved: someone saved version 2 while you were editing.');
  await expect(conflict.getByTestId('merge-theirs').locator('[data-path="size"]')).toContainText('"SMALL" → "LARGE"');
  await expect(conflict.getByTestId('merge-mine').locator('[data-path="description"]')).toContainText('"Bob was here"');
  return conflict;
}

/** Saves the merge the conflict panel proposes as version 3; the panel goes away. */
export async function saveMerged(bob: Page, conflict: Locator): Promise<void> {
  await conflict.getByRole('button', { name: 'Save merged as version 3' }).click();
  await expect(bob.getByTestId('save-state')).toHaveText('Saved · version 3');
  await expect(bob.getByTestId('save-conflict')).toHaveCount(0);
}
