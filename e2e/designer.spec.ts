import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { emptyDesign, type ConnectorDesign } from '../lib/connector/design';
import { renderConnectorHcl } from '../lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '../lib/connector/templates';
import { editorText } from './support/hcl-file';
import { field, gotoDesigner } from './support/locators';
import { tunnelOf } from '../tests/helpers/design-parts';

/** The exact text of the HCL editor. */
async function expectHcl(page: Page, expected: string) {
  await expect.poll(() => editorText(page), { timeout: 5_000 }).toBe(expected);
}

const circuit =
  '/subscriptions/c47a9e21-6b8d-4f3e-8a5c-1d2e3f4a5b6c/resourceGroups/network-rg/providers/Microsoft.Network/expressRouteCircuits/multi-segment-circuit';

function tunnel(name: string, psk: string, profile: string, fqdn: string, initiator = true) {
  return {
    name,
    ike_version: 'IKEv2',
    initiator,
    pre_shared_key: psk,
    profile_id: profile,
    remote_auth_type: 'FQDN',
    remote_auth_value: fqdn,
  };
}

/**
 * The provider page's 3rd example (multi-segment IPsec) as the form holds it
 * once typed: numbers as the strings typed, unused lists empty.
 */
const multiSegmentTyped: ConnectorDesign = {
  resource_name: 'multi_segment',
  name: 'multi-segment-ipsec',
  description: 'ExpressRoute connector with multiple segments and IPsec tunnels',
  size: '2LARGE',
  enabled: true,
  vhub_prefix: '10.132.0.0/23',
  cxp: 'USWEST-AZURE-1',
  tunnel_protocol: 'IPSEC',
  group: '${alkira_group.security.name}',
  billing_tag_ids: [],
  instances: [
    {
      name: 'multi-segment-instance',
      expressroute_circuit_id: circuit,
      redundant_router: true,
      loopback_subnet: '192.168.22.0/26',
      credential_id: '${alkira_credential_azure_vnet.security.id}',
      gateway_mac_address: [],
      virtual_network_interface: [],
      ipsec_customer_gateway: [
        {
          segment_id: '${alkira_segment.dmz.id}',
          customer_gateway: [
            {
              name: 'dmz-primary-gateway',
              tunnel: [tunnel('primary-tunnel', 'psk-dmz-primary-123!', '10', 'dmz-gateway.example.com')],
            },
            {
              name: 'dmz-backup-gateway',
              tunnel: [tunnel('backup-tunnel', 'psk-dmz-backup-234!', '10', 'dmz-backup.example.com')],
            },
          ],
        },
        {
          segment_id: '${alkira_segment.internal.id}',
          customer_gateway: [
            {
              name: 'internal-primary-gateway',
              tunnel: [tunnel('primary-tunnel', 'psk-internal-primary-456!', '11', 'internal-primary.example.com')],
            },
            {
              name: 'internal-backup-gateway',
              tunnel: [tunnel('backup-tunnel', 'psk-internal-backup-789!', '12', 'internal-backup.example.com', false)],
            },
          ],
        },
      ],
    },
  ],
  segment_options: [
    {
      segment_id: '${alkira_segment.dmz.id}',
      customer_asn: '65003',
      disable_internet_exit: true,
      advertise_on_prem_routes: false,
    },
    {
      segment_id: '${alkira_segment.internal.id}',
      customer_asn: '65004',
      disable_internet_exit: false,
      advertise_on_prem_routes: true,
    },
  ],
};

/** Every scalar leaf of the design as [path, value]. */
function leaves(value: unknown, path = ''): [string, string | number | boolean][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value as string | number | boolean]];
}

async function controlKind(loc: Locator): Promise<'select' | 'checkbox' | 'text'> {
  return loc.evaluate((el) =>
    el.tagName === 'SELECT' ? 'select' : (el as HTMLInputElement).type === 'checkbox' ? 'checkbox' : 'text',
  );
}

/** Adds the rows the design needs by pressing the form's "Add" buttons (the empty form has one instance and one segment option). */
async function addRows(page: Page, design: ConnectorDesign) {
  for (let i = 1; i < design.instances.length; i++) await field(page, 'instances').click();
  for (const [i, inst] of design.instances.entries()) {
    for (const [g, gw] of (inst.ipsec_customer_gateway ?? []).entries()) {
      await field(page, `instances.${i}.ipsec_customer_gateway`).click();
      const gwPath = `instances.${i}.ipsec_customer_gateway.${g}`;
      for (let c = 1; c < gw.customer_gateway.length; c++) await field(page, `${gwPath}.customer_gateway`).click();
      for (const [c, cgw] of gw.customer_gateway.entries())
        for (let t = 1; t < cgw.tunnel.length; t++) await field(page, `${gwPath}.customer_gateway.${c}.tunnel`).click();
    }
  }
  for (let s = 1; s < design.segment_options.length; s++) await field(page, 'segment_options').click();
}

const isExpressionText = (value: unknown) => typeof value === 'string' && value.startsWith('${');
/** The expression box takes and shows HCL as Terraform users write it, without `${}`. */
const bare = (value: unknown) => String(value).slice(2, -1);
/** The text box a catalog picker reveals for a Terraform expression. */
const expressionInput = (page: Page, path: string): Locator => page.locator(`[id="field-${path}-expression"]`);

/**
 * Types every value of the design into its field. Catalog pickers (segment,
 * credential, group, CXP, tunnel profile) take an expression by choosing
 * "Terraform expression…" and typing it; their catalog values are picked.
 */
async function typeDesign(page: Page, design: ConnectorDesign) {
  await field(page, 'tunnel_protocol').selectOption(String(design.tunnel_protocol));
  await addRows(page, design);
  for (const [path, value] of leaves(design)) {
    const loc = field(page, path);
    const kind = await controlKind(loc);
    if (kind === 'select' && isExpressionText(value)) {
      await loc.selectOption({ label: 'Terraform expression…' });
      await expressionInput(page, path).fill(bare(value));
    } else if (kind === 'select') await loc.selectOption(String(value));
    else if (kind === 'checkbox') await loc.setChecked(Boolean(value));
    else await loc.fill(String(value));
  }
}

async function expectDesignInFields(page: Page, design: ConnectorDesign) {
  for (const [path, value] of leaves(design)) {
    const loc = field(page, path);
    const kind = await controlKind(loc);
    if (kind === 'checkbox') await expect(loc, path).toBeChecked({ checked: Boolean(value) });
    else if (kind === 'select' && isExpressionText(value))
      await expect(expressionInput(page, path), path).toHaveValue(bare(value));
    else await expect(loc, path).toHaveValue(String(value));
  }
}

test('typing the multi-segment IPsec example gives its exact HCL, a matching .tf download, and survives a reload', async ({
  page,
}) => {
  await gotoDesigner(page);
  await typeDesign(page, multiSegmentTyped);

  const expected = renderConnectorHcl(multiSegmentTyped);
  // Guard against a vacuous comparison: the expected text really is this connector.
  expect(expected).toContain('resource "alkira_connector_azure_expressroute" "multi_segment" {');
  expect(expected).toMatch(/tunnel_protocol\s+= "IPSEC"/);
  expect(expected).toMatch(/segment_id\s+= alkira_segment\.internal\.id/);
  expect(expected.match(/^\s*tunnel \{$/gm)).toHaveLength(4);
  expect(expected.match(/^\s*customer_gateway \{$/gm)).toHaveLength(4);
  expect(expected).not.toContain('psk-dmz-primary-123!');

  await expectHcl(page, expected);
  const shown = await editorText(page);
  expect(shown).toMatch(/loopback_subnet\s+= "192\.168\.22\.0\/26"/);
  expect(shown).toMatch(/pre_shared_key\s+= var\.\w+/);
  // Highlighted in the HCL editor: block types, attribute names, strings, numbers and booleans are marked up.
  // The editor draws (and colours) only the lines in its window, so sweep its scroller from top to bottom and
  // collect every coloured token once, keyed by the line's place in the file.
  const tokens = await colouredTokens(page);
  const count = (type: string, text: string) => tokens.filter((t) => t.type === type && t.text === text).length;
  expect(count('block', 'resource')).toBe(1);
  expect(count('block', 'tunnel')).toBe(4);
  expect(count('block', 'customer_gateway')).toBe(4);
  expect(count('attr', 'vhub_prefix')).toBe(1);
  expect(count('string', '"10.132.0.0/23"')).toBe(1);
  expect(count('number', '12')).toBe(1);
  expect(count('bool', 'false')).toBeGreaterThan(0);

  await expect(page.getByTestId('issue-summary').getByText('No errors')).toBeVisible();
  await expect(page.getByTestId('error-list')).toHaveCount(0);
  // Errors raised while the design was incomplete (an IPsec segment before its segment option existed) are gone inline too.
  await expect(page.locator('form [role="alert"]')).toHaveCount(0);
  // The variables to set are listed by name, never with their values.
  await expect(page.getByTestId('psk-variables').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('psk-variables')).not.toContainText('psk-');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .tf' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('multi_segment.tf');
  expect(readFileSync(await download.path(), 'utf8')).toBe(expected);

  await expect(page.getByTestId('autosave-status')).toContainText('Draft saved');
  await page.reload();
  await expect(field(page, 'name')).toHaveValue('multi-segment-ipsec');
  await expectDesignInFields(page, multiSegmentTyped);
  await expectHcl(page, expected);
});

test('an invalid loopback subnet is reported at the field and in the summary, whose entry focuses the field', async ({
  page,
}) => {
  await gotoDesigner(page);
  const loopback = field(page, 'instances.0.loopback_subnet');
  await loopback.fill('192.168.20.5/26');

  const inline = page.locator('[id="error-instances.0.loopback_subnet"]');
  await expect(inline).toContainText('192.168.20.5/26 has host bits set');
  await expect(inline).toContainText('192.168.20.0/26');
  await expect(loopback).toHaveAttribute('aria-invalid', 'true');

  const entry = page.getByTestId('error-list').locator('[data-issue-path="instances.0.loopback_subnet"]');
  await expect(entry).toContainText('host bits set');

  // Collapse the instance: the summary must expand it before focusing.
  await field(page, 'instances.0').click();
  await expect(loopback).toBeHidden();
  await expect(page.getByTestId('instance-summary-0')).toContainText('192.168.20.5/26');
  await entry.click();
  await expect(loopback).toBeVisible();
  await expect(loopback).toBeFocused();

  // Fixing it clears both.
  await loopback.fill('192.168.20.0/26');
  await expect(inline).toHaveCount(0);
  await expect(entry).toHaveCount(0);
});

test('the tunnel protocol decides whether IPsec gateways or VXLAN gateway MACs are shown', async ({ page }) => {
  await gotoDesigner(page);
  const ipsecAdd = field(page, 'instances.0.ipsec_customer_gateway');
  const macAdd = field(page, 'instances.0.gateway_mac_address');

  // Default VXLAN_GPE: neither.
  await expect(field(page, 'tunnel_protocol')).toHaveValue('VXLAN_GPE');
  await expect(ipsecAdd).toHaveCount(0);
  await expect(macAdd).toHaveCount(0);

  await field(page, 'tunnel_protocol').selectOption('VXLAN');
  await expect(macAdd).toBeVisible();
  await expect(field(page, 'instances.0.virtual_network_interface')).toBeVisible();
  await expect(ipsecAdd).toHaveCount(0);
  await macAdd.click();
  await field(page, 'instances.0.gateway_mac_address.0').fill('00:1A:2B:3C:4D:5E');

  await field(page, 'tunnel_protocol').selectOption('IPSEC');
  await expect(ipsecAdd).toBeVisible();
  await expect(macAdd).toHaveCount(0);
  await ipsecAdd.click();
  await expect(
    field(page, 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key'),
  ).toHaveAttribute('type', 'password');

  // Back to VXLAN: the MAC typed earlier is still there.
  await field(page, 'tunnel_protocol').selectOption('VXLAN');
  await expect(field(page, 'instances.0.gateway_mac_address.0')).toHaveValue('00:1A:2B:3C:4D:5E');
  await expect(field(page, 'instances.0.ipsec_customer_gateway.0.segment_id')).toHaveCount(0);
});

test('a starter template fills the form and the HCL, and asks before replacing edits', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const template = DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!;
  await gotoDesigner(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: template.title }).click();

  await expect(field(page, 'name')).toHaveValue('multi-segment-ipsec');
  await expect(field(page, 'tunnel_protocol')).toHaveValue('IPSEC');
  await expect(field(page, 'instances.0.ipsec_customer_gateway.1.customer_gateway.1.name')).toHaveValue(
    'internal-backup-gateway',
  );
  await expect(field(page, 'segment_options.1.customer_asn')).toHaveValue('65004');
  // The template's references are expressions: their pickers show the expression, its catalog values are picked.
  await expect(field(page, 'group')).toHaveValue('__terraform_expression__');
  await expect(expressionInput(page, 'group')).toHaveValue('alkira_group.security.name');
  await expect(expressionInput(page, 'segment_options.1.segment_id')).toHaveValue('alkira_segment.internal.id');
  await expect(field(page, 'cxp')).toHaveValue('USWEST-AZURE-1');
  await expect(field(page, 'instances.0.ipsec_customer_gateway.1.customer_gateway.1.tunnel.0.profile_id')).toHaveValue(
    '12',
  );
  const expected = renderConnectorHcl(template.design);
  expect(expected).toContain('"multi_segment"');
  await expectHcl(page, expected);

  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  // HCL options: keys inline (with a non-blocking warning about it), defaults spelled out.
  await page.getByLabel('Pre-shared keys:').selectOption('inline');
  await expectHcl(page, renderConnectorHcl(template.design, { preSharedKeys: 'inline' }));
  expect(await editorText(page)).toContain('"psk-dmz-primary-123!"');
  await expect(page.getByTestId('warning-list')).toContainText('pre_shared_key');
  await expect(page.getByTestId('error-list')).toHaveCount(0);
  await page.getByLabel('Omit default values').uncheck();
  await expectHcl(page, renderConnectorHcl(template.design, { preSharedKeys: 'inline', omitDefaults: false }));
  await page.getByLabel('Pre-shared keys:').selectOption('variable');
  await page.getByLabel('Omit default values').check();

  // After an edit, loading another template asks; declining keeps the edit.
  await field(page, 'name').fill('edited-name');
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
  await expect(field(page, 'name')).toHaveValue('edited-name');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Basic (VXLAN_GPE)' }).click();
  await expect(field(page, 'name')).toHaveValue('basic-expressroute');
  await expectHcl(page, renderConnectorHcl(DESIGN_TEMPLATES.find((t) => t.id === 'basic-vxlan-gpe')!.design));
});

test('Reset asks first, then empties the form and the draft', async ({ page }) => {
  await gotoDesigner(page);
  await field(page, 'name').fill('to-be-cleared');
  await field(page, 'cxp').selectOption('USWEST-AZURE-1');
  await expect(page.getByTestId('autosave-status')).toContainText('Draft saved');

  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Reset' }).click();
  expect(asked).toContain('Reset');
  await expect(field(page, 'name')).toHaveValue('to-be-cleared');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(field(page, 'name')).toHaveValue('');
  await expect(field(page, 'cxp')).toHaveValue('');
  await expectHcl(page, renderConnectorHcl(emptyDesign()));

  await page.reload();
  await expect(field(page, 'name')).toHaveValue('');
});

test('instances can be duplicated, collapsed to a one-line summary, and removed', async ({ page }) => {
  await gotoDesigner(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Multiple segments over IPsec' }).click();

  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(field(page, 'instances.1.name')).toHaveValue('multi-segment-instance-copy');
  await expect(field(page, 'instances.1.ipsec_customer_gateway.1.customer_gateway.1.name')).toHaveValue(
    'internal-backup-gateway',
  );

  await field(page, 'instances.1').click();
  await expect(field(page, 'instances.1.name')).toBeHidden();
  await expect(page.getByTestId('instance-summary-1')).toHaveText(
    'multi-segment-instance-copy · 192.168.22.0/26 · 2 segments · 4 gateways · redundant',
  );
  // The copy reuses the loopback /26, which the validation reports.
  await expect(page.getByTestId('error-list')).toContainText('instances[1].loopback_subnet');

  await page.getByRole('button', { name: 'Remove', exact: true }).nth(1).click();
  await expect(field(page, 'instances.1')).toHaveCount(0);
  await expect(page.getByTestId('error-list')).toHaveCount(0);
});

test('"Collapse all" / "Expand all" follows the instances that remain after one is removed', async ({ page }) => {
  await gotoDesigner(page);
  await field(page, 'instances').click();
  await field(page, 'instances').click();
  await page.getByRole('button', { name: 'Collapse all' }).click();
  for (const i of [0, 1, 2]) await expect(field(page, `instances.${i}`)).toHaveAttribute('aria-expanded', 'false');

  await page.locator('[data-instance="0"]').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(field(page, 'instances.2')).toHaveCount(0);
  // Both remaining instances are collapsed, so the one click expands them.
  await page.getByRole('button', { name: 'Expand all' }).click();
  for (const i of [0, 1]) await expect(field(page, `instances.${i}`)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Collapse all' })).toBeVisible();
});

test('the Templates menu closes when keyboard focus leaves it', async ({ page }) => {
  await gotoDesigner(page);
  const toggle = page.getByRole('button', { name: 'Templates' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('list', { name: 'Starter templates' });
  await expect(menu).toBeVisible();
  // Tab through the toggle's items (Empty + the four templates), then once more out of the menu.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(menu).toBeHidden();
});

test('the Alkira API JSON preview masks every sensitive value (pre-shared keys and remote auth values)', async ({
  page,
}) => {
  const template = DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!;
  await gotoDesigner(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: template.title }).click();
  await expect(field(page, 'tunnel_protocol')).toHaveValue('IPSEC');
  // Literal values, so the preview has something in clear to hide.
  await field(page, 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.remote_auth_value').fill(
    'peer-secret.example.com',
  );
  await page.getByRole('tab', { name: 'Alkira API JSON' }).click();
  const json = page.getByTestId('json-preview');
  await expect(json).toContainText('"remoteAuthValue": "(sensitive)"');
  await expect(json).toContainText('"preSharedKey": "(sensitive)"');
  await expect(json).toContainText('"remoteAuthType": "FQDN"');
  await expect(json).not.toContainText('peer-secret.example.com');
  await expect(json).not.toContainText('psk-dmz-primary-123!');
});

test('the autosaved draft keeps no secret in localStorage: keys and remote auth values stay in the tab and come back on reload', async ({
  page,
}) => {
  const template = DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!;
  const tunnelPath = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';
  await gotoDesigner(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: template.title }).click();
  await expect(field(page, 'tunnel_protocol')).toHaveValue('IPSEC');
  await field(page, `${tunnelPath}.pre_shared_key`).fill('draft-key-7f3a9c!');
  await field(page, `${tunnelPath}.remote_auth_value`).fill('peer-secret.example.com');
  const stored = () => page.evaluate(() => Object.values({ ...localStorage }).join('\n'));
  // The draft is the file: the key is a variable, the remote auth value written inline is blanked.
  await expect.poll(stored).toContain('remote_auth_value = \\"\\"');
  await expect.poll(stored).not.toContain('peer-secret.example.com');
  expect(await stored()).not.toContain('draft-key-7f3a9c!');
  expect(await stored()).not.toContain(tunnelOf(template.design).pre_shared_key);
  await page.reload();
  await page.locator('form[data-ready="true"]').waitFor();
  await expect(field(page, `${tunnelPath}.pre_shared_key`)).toHaveValue('draft-key-7f3a9c!');
  await expect(field(page, `${tunnelPath}.remote_auth_value`)).toHaveValue('peer-secret.example.com');
});

/** Every coloured token of the HCL editor, gathered by scrolling its scroller through the whole file. */
async function colouredTokens(page: Page): Promise<{ type: string; text: string }[]> {
  const scroller = page.getByTestId('hcl-editor').locator('.cm-scroller');
  await scroller.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const seen = new Map<string, { type: string; text: string }>();
  const collect = () =>
    scroller.evaluate((el) =>
      [...el.querySelectorAll('.cm-line')].flatMap((line) =>
        [...line.querySelectorAll('[class*="hcl-tok-"]')].map((tok) => ({
          line: (line as HTMLElement).offsetTop,
          offset: (tok as HTMLElement).offsetLeft,
          type: [...tok.classList].find((c) => c.startsWith('hcl-tok-'))!.slice('hcl-tok-'.length),
          text: tok.textContent ?? '',
        })),
      ),
    );
  const { height, step } = await scroller.evaluate((el) => ({
    height: el.scrollHeight,
    step: Math.max(40, el.clientHeight / 2),
  }));
  for (let top = 0; top <= height; top += step) {
    await scroller.evaluate((el, y) => el.scrollTo(0, y), top);
    // Two frames: CodeMirror measures the new window, then draws and colours its lines.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    for (const t of await collect()) seen.set(`${t.line}:${t.offset}:${t.type}`, { type: t.type, text: t.text });
  }
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  return [...seen.values()];
}
