/**
 * Save conflicts merge, and drift resolves, in real Chromium against the
 * production build and the embedded emulator: two people (two browser
 * contexts) editing different attributes of one design both keep their change
 * in the merged version; editing the same attribute offers both values side by
 * side and keeps the one chosen; drift → "Adopt live values" saves a version
 * equal to the live connector and the drift badge clears; "Re-apply version V"
 * shows the plan, and Confirm puts the connector back. The merge view and the
 * adopt review have no serious accessibility violations.
 */
import { expect, test } from '@playwright/test';
import type { ConnectorDesign } from '../lib/connector/design';
import { designFor, settled, tenantRefs } from './support/connectors';
import { field } from './support/locators';
import { createStoredDesign, saveVersion, storedDesign } from './support/workspace';
import { saveMerged, staleSaveOfDifferentAttribute, twoPeopleOnNewDesign } from './support/save-conflict';
import { screenshotPath } from './support/screenshots';
import { seriousAxeViolations } from './support/axe';
import { at } from '../tests/helpers/present';

const RUN = Date.now().toString(36).slice(-5);

test.describe('workspace merge and drift', () => {
  test('different attributes: both changes are in the merged version, with both notes', async ({
    browser,
    request,
  }) => {
    test.setTimeout(120_000);
    const { id, alice, bob, close } = await twoPeopleOnNewDesign(browser, request, `e2e-${RUN}-merge`, 50);

    const panel = await staleSaveOfDifferentAttribute(alice, bob);
    await expect(panel.getByTestId('merge-summary')).toHaveText(
      'No change touches the same attribute: they merge without a choice.',
    );
    await expect(panel.getByTestId('merge-conflict')).toHaveCount(0);

    await saveMerged(bob, panel);
    // The form now holds the merge: Alice's size and Bob's description.
    await expect(field(bob, 'size')).toHaveValue('LARGE');
    await expect(field(bob, 'description')).toHaveValue('Bob was here');
    const stored = await storedDesign(request, id);
    expect(stored.version).toBe(3);
    expect(stored.design).toMatchObject({ size: 'LARGE', description: 'Bob was here' });
    const versions = (
      (await (await request.get(`/api/designs/${id}/versions`)).json()) as { versions: { note: string }[] }
    ).versions;
    expect(at(versions, 0).note).toMatch(
      /^Merged version 2 by .+ \(“Alice: larger”\) with .+'s changes from version 1 \(“Bob: description”\)$/,
    );
    await close();
  });

  test('the same attribute: both values are offered side by side, and the one chosen is saved', async ({
    browser,
    request,
  }) => {
    test.setTimeout(120_000);
    const { id, alice, bob, close } = await twoPeopleOnNewDesign(browser, request, `e2e-${RUN}-choose`, 51);

    await field(alice, 'size').selectOption('LARGE');
    await field(alice, 'description').fill('Alice');
    await saveVersion(alice, 'Alice: larger');
    await expect(alice.getByTestId('save-state')).toHaveText('Saved · version 2');

    await field(bob, 'size').selectOption('2LARGE');
    await field(bob, 'vhub_prefix').fill('10.151.40.0/23');
    await saveVersion(bob, 'Bob: biggest');
    const panel = bob.getByTestId('save-conflict');
    await expect(panel.getByTestId('merge-summary')).toContainText('1 conflict: both changed the same attribute.');
    const conflict = panel.getByTestId('merge-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toHaveAttribute('data-path', 'size');
    await expect(conflict).toContainText('was "SMALL"');
    await expect(conflict.getByTestId('conflict-theirs')).toHaveText('"LARGE"');
    await expect(conflict.getByTestId('conflict-mine')).toHaveText('"2LARGE"');
    const save = panel.getByRole('button', { name: 'Save merged as version 3' });
    await expect(save).toBeDisabled();
    await expect(panel).toContainText('Choose a value for 1 more conflict first.');
    await conflict.getByRole('radio', { name: 'Yours' }).check();
    await bob.evaluate(() => window.scrollTo(0, 0));
    await bob.screenshot({ path: screenshotPath('workspace-merge.png') });
    // The merge view (the designer below it has its own checks).
    expect(await seriousAxeViolations(bob, ['[data-testid="save-conflict"]', '[data-testid="design-banner"]'])).toEqual(
      [],
    );

    await save.click();
    await expect(bob.getByTestId('save-state')).toHaveText('Saved · version 3');
    await expect(field(bob, 'size')).toHaveValue('2LARGE');
    await expect(field(bob, 'description')).toHaveValue('Alice');
    await expect(field(bob, 'vhub_prefix')).toHaveValue('10.151.40.0/23');
    expect((await storedDesign(request, id)).design).toMatchObject({
      size: '2LARGE',
      description: 'Alice',
      vhub_prefix: '10.151.40.0/23',
    });
    await close();
  });

  test('drift: adopt the live values (the version equals the live connector, the badge clears), then re-apply after another change', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    page.on('dialog', (d) => void d.accept());
    const refs = await tenantRefs(request);
    const id = await createStoredDesign(
      request,
      designFor(refs, { name: `e2e-${RUN}-adopt`, cxp: refs.cxpName, slot: 52, ipsec: { psk: 'adopt-psk-123!' } }),
    );
    const sent = await request.post(`/api/designs/${id}/provision`, { data: {} });
    expect(sent.status(), await sent.text()).toBe(202);
    const { connector_id: connectorId, provisionRequestId } = (await sent.json()) as {
      connector_id: number;
      provisionRequestId: string;
    };
    expect((await settled(request, provisionRequestId)).state).toBe('SUCCESS');

    // Someone changes the connector behind the app's back.
    const change = async (size: string) => {
      const live = (await (await request.get(`/api/connectors/${connectorId}/design`)).json()) as ConnectorDesign;
      const res = await request.put(`/api/connectors/${connectorId}`, { data: { ...live, size } });
      expect(res.status(), await res.text()).toBe(200);
      await settled(request, ((await res.json()) as { provisionRequestId: string }).provisionRequestId);
    };
    await change('LARGE');

    await page.goto(`/designs/${id}`);
    const drift = page.getByTestId('drift');
    await expect(drift).toContainText('DRIFT');
    await expect(drift.locator('[data-path="size"]')).toContainText('"MEDIUM" → "LARGE"');

    await drift.getByRole('button', { name: 'Adopt live values as version 2…' }).click();
    const review = page.getByRole('dialog', { name: 'Adopt live values as version 2' });
    await expect(review.getByTestId('change-line')).toHaveCount(1);
    await expect(review.locator('[data-path="size"]')).toContainText('"MEDIUM" → "LARGE"');
    await expect(review).toContainText('Keys are kept as stored');
    await page.screenshot({ path: screenshotPath('workspace-adopt.png') });
    expect(
      await seriousAxeViolations(page, [
        '[data-testid="drift"]',
        '[data-testid="design-banner"]',
        '[data-testid="plan-review"]',
      ]),
    ).toEqual([]);
    await review.getByRole('button', { name: 'Save as version 2' }).click();
    await expect(page.getByTestId('drift')).toHaveCount(0);
    await expect(page.getByTestId('design-banner')).toContainText(`Live connector #${connectorId} runs version 2`);

    // Version 2 is the live connector: the same design, and nothing to plan against it.
    const stored = await storedDesign(request, id);
    expect(stored).toMatchObject({ version: 2, provisioned_version: 2 });
    const live = (await (await request.get(`/api/connectors/${connectorId}/design`)).json()) as ConnectorDesign;
    expect(stored.design).toEqual(live);
    const plan = await request.post(`/api/connectors/${connectorId}/plan`, { data: { design: stored.design } });
    expect(((await plan.json()) as { summary: { text: string } }).summary.text).toBe('No changes.');
    await page.reload();
    await expect(page.getByTestId('drift')).toHaveCount(0);
    await expect(field(page, 'size')).toHaveValue('LARGE');

    // Changed again: re-apply version 2 goes through the plan and Confirm.
    await change('2LARGE');
    await page.reload();
    await expect(page.getByTestId('drift')).toContainText('"LARGE" → "2LARGE"');
    await page.getByTestId('drift').getByRole('button', { name: 'Re-apply version 2…' }).click();
    const reapply = page.getByRole('dialog', { name: 'Re-apply version 2' });
    await expect(reapply).toContainText('will be updated in-place');
    await expect(reapply.locator('[data-path="size"]')).toContainText('"2LARGE" → "LARGE"');
    await expect(reapply.getByTestId('plan-summary')).toHaveText('Plan: 0 to add, 1 to change, 0 to destroy.');
    await reapply.getByRole('button', { name: 'Confirm re-apply' }).click();
    await expect(page.getByTestId('drift')).toHaveCount(0, { timeout: 30_000 });
    expect(((await (await request.get(`/api/connectors/${connectorId}/design`)).json()) as ConnectorDesign).size).toBe(
      'LARGE',
    );
  });
});
