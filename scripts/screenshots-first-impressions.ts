/**
 * The README's screenshots of the first-impression fixes, from the demo tenant (scripts/seed-demo.ts): the empty
 * designer's checklist (public/designer-empty.png, 1440 px) and a failed connector on a phone in the dark theme
 * (public/connector-failed-mobile.png, 390 px: the header's links on their own row, the long circuit id wrapped
 * inside the failure box). Needs a production build (`npx next build`).
 *
 *   npx tsx scripts/screenshots-first-impressions.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { freePort, startServer } from './next-server';
import { DEMO_FAIL_CIRCUIT, seedDemo, settleAll } from './seed-demo';

async function main() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-demo-'));
  const server = await startServer(process.cwd(), port, dataDir, {
    ALKIRA_EMULATOR_PROVISION_MS: '2000',
    ALKIRA_EMULATOR_FAIL_CIRCUIT: DEMO_FAIL_CIRCUIT,
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, executablePath: launch.executablePath ?? '/usr/bin/chromium' });
  try {
    const { running, timelineConnectorId } = await seedDemo(baseURL);
    await settleAll(baseURL, running);

    const desktop = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await desktop.goto(`${baseURL}/designer`);
    await desktop.getByTestId('export-checklist').waitFor();
    await desktop.locator('.cm-content').waitFor();
    await desktop.waitForTimeout(500);
    await desktop.screenshot({ path: 'public/designer-empty.png' });

    const mobile = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      colorScheme: 'dark',
    });
    await mobile.goto(`${baseURL}/connectors/${timelineConnectorId}`);
    await mobile.getByText('Provisioning failed', { exact: true }).waitFor();
    await mobile.waitForTimeout(500);
    await mobile.screenshot({ path: 'public/connector-failed-mobile.png' });
    console.log('Wrote public/designer-empty.png, public/connector-failed-mobile.png');
  } finally {
    await browser.close();
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
