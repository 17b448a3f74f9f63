/**
 * The 640-tunnel design (10 instances × 8 segments × 4 gateways × 2 tunnels)
 * works both ways like a small one: a form edit lands in the editor's file in
 * place, an edit in the editor reaches the form (as a patch of that one
 * value), and undo takes it back. Speed is the benchmark's business
 * (`npm run bench:browser`); this checks that the fast paths give the right
 * answers at that size.
 */
import { expect, test } from '@playwright/test';
import { largeIpsecDesign } from '../scripts/bench-designs';
import { field } from './support/locators';
import { openWithDraft } from './support/drafts';
import { editorText, failTheEditorChunk } from './support/hcl-file';
import { tunnelOf } from '../tests/helpers/design-parts';
import { at } from '../tests/helpers/present';

test('on a 640-tunnel design, form and editor edits reach each other and undo takes an editor edit back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const design = largeIpsecDesign();
  const lastAsn = at(design.segment_options, -1).customer_asn;
  await openWithDraft(page, design, 30_000);
  const before = await editorText(page);

  // Form → editor: the name's line changes, nothing else.
  await field(page, 'name').click();
  await field(page, 'name').press('End');
  await field(page, 'name').pressSequentially('-west');
  await expect.poll(() => editorText(page), { timeout: 20_000 }).toContain(`"${design.name}-west"`);
  const afterName = await editorText(page);
  expect(afterName.split('\n').length).toBe(before.split('\n').length);
  expect(afterName.replace(`"${design.name}-west"`, `"${design.name}"`)).toBe(before);

  // Editor → form: the last segment option's ASN, typed at the end of its line.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await expect(page.locator('.cm-activeLine')).toContainText(`customer_asn`);
  await page.keyboard.press('End');
  await page.keyboard.type('1');
  const asnField = field(page, `segment_options.${design.segment_options.length - 1}.customer_asn`);
  await expect(asnField).toHaveValue(`${lastAsn}1`, { timeout: 20_000 });
  // The rest of the form kept its values (a patch, not a reload of the file's reading).
  await expect(field(page, 'name')).toHaveValue(`${design.name}-west`);
  await page.getByRole('button', { name: /^Instance 10 / }).click();
  const lastTunnel = tunnelOf(design, { instance: 9, gateway: 7, customerGateway: 3, tunnel: 1 });
  await expect(field(page, 'instances.9.ipsec_customer_gateway.7.customer_gateway.3.tunnel.1.name')).toHaveValue(
    lastTunnel.name,
  );
  await expect(
    field(page, 'instances.9.ipsec_customer_gateway.7.customer_gateway.3.tunnel.1.pre_shared_key'),
  ).toHaveValue(String(lastTunnel.pre_shared_key));

  // Undo (the toolbar button) takes the editor's edit back, in the form and in the file.
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(asnField).toHaveValue(String(lastAsn), { timeout: 20_000 });
  await expect
    .poll(async () => (await editorText(page)).includes(`customer_asn          = ${lastAsn}1\n`), { timeout: 20_000 })
    .toBe(false);
  await expect(field(page, 'name')).toHaveValue(`${design.name}-west`);
});

test('without the editor, the 640-tunnel file shows read-only whole: the same text and height, its far lines drawn when scrolled to', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const design = largeIpsecDesign();
  await failTheEditorChunk(page);
  await page.addInitScript((json) => localStorage.setItem('connector-studio:draft:v1', json), JSON.stringify(design));
  // Whether the browser skips a block's lines (content-visibility: auto) is told by this event only.
  await page.addInitScript(() =>
    document.addEventListener(
      'contentvisibilityautostatechange',
      (e) => {
        (e.target as HTMLElement).dataset.skipped = String((e as Event & { skipped: boolean }).skipped);
      },
      true,
    ),
  );
  await page.goto('/designer');
  await expect(page.getByRole('alert').filter({ hasText: 'The HCL editor could not be loaded' })).toBeVisible();
  const preview = page.getByTestId('hcl-preview');
  await expect(preview).toContainText(`"${design.name}"`);
  const lastTunnel = tunnelOf(design, { instance: 9, gateway: 7, customerGateway: 3, tunnel: 1 });
  await expect(preview).toContainText(`"${lastTunnel.name}"`);

  const shown = () =>
    preview.evaluate((code) => {
      const blocks = [...code.children].filter((c) => !(c as HTMLElement).dataset.token) as HTMLElement[];
      const last = blocks.at(-1);
      return {
        lines: (code.textContent ?? '').replace(/\n$/, '').split('\n').length,
        height: code.getBoundingClientRect().height,
        blocks: blocks.length,
        lastSkipped: last?.dataset.skipped,
      };
    });
  const before = await shown();
  // Thousands of lines, all there at their height (20 px each), the far ones not laid out yet.
  expect(before.lines).toBeGreaterThan(5000);
  expect(before.blocks).toBeGreaterThan(10);
  expect(before.height).toBe(before.lines * 20);
  expect(before.lastSkipped).toBe('true');
  await preview.evaluate((code) => {
    const scroller = code.closest('pre') as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect.poll(async () => (await shown()).lastSkipped).toBe('false');
  expect((await shown()).height).toBe(before.height);
  // Drawn in the light colour of the head's plain names: readable on the dark pane (it was the page's dark text).
  const colours = await preview.evaluate((code) => [
    getComputedStyle(code.lastElementChild as Element).color,
    getComputedStyle(code.querySelector('[data-token="ident"]') as Element).color,
  ]);
  expect(colours[0]).toBe(colours[1]);
  await page.screenshot({ path: test.info().outputPath('large-static-preview-end.png') });
  // Chunks still on their way when the page closes are no failure of this test.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
