/**
 * The README's dashboard screenshots, from the demo tenant (scripts/seed-demo.ts)
 * rather than test data: `/connectors` on a desktop (public/dashboard.png) and
 * at 390 px (public/dashboard-mobile.png), and a connector's provision timeline
 * (public/connector-timeline.png). Needs a production build (`npx next build`).
 *
 *   npx tsx scripts/screenshots-dashboard.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { freePort, startServer } from './next-server';
import { DEMO_FAIL_CIRCUIT, seedDemo, settleAll } from './seed-demo';

async function main() {
  const appDir = process.cwd();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-demo-'));
  const server = await startServer(appDir, port, dataDir, {
    ALKIRA_EMULATOR_PROVISION_MS: '20000',
    ALKIRA_EMULATOR_FAIL_CIRCUIT: DEMO_FAIL_CIRCUIT,
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, executablePath: launch.executablePath ?? '/usr/bin/chromium' });
  try {
    const { running, timelineConnectorId } = await seedDemo(baseURL);

    const desktop = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // A screenshot of a page that logged errors (a hydration mismatch, say) is not one to publish.
    const errors: string[] = [];
    desktop.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    desktop.on('pageerror', (e) => errors.push(e.message));
    await desktop.goto(`${baseURL}/connectors`);
    await desktop
      .getByTestId('state-badge')
      .filter({ hasText: /IN_PROGRESS|PENDING/ })
      .first()
      .waitFor();
    await desktop.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor();
    await desktop.waitForTimeout(300);
    await desktop.screenshot({ path: 'public/dashboard.png' });

    const mobile = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await mobile.goto(`${baseURL}/connectors?sort=state`);
    await mobile.getByTestId('connector-row').first().waitFor();
    await mobile.waitForTimeout(300);
    await mobile.screenshot({ path: 'public/dashboard-mobile.png' });

    // Tall enough for the header, the failure, the topology and the timeline beside the settings.
    const detail = await browser.newPage({ viewport: { width: 1440, height: 1250 } });
    await detail.goto(`${baseURL}/connectors/${timelineConnectorId}`);
    await detail.getByTestId('diagram-node-vhub').waitFor({ timeout: 20_000 });
    await detail.getByTestId('provision-request').first().waitFor();
    await detail.waitForTimeout(800);
    await detail.screenshot({ path: 'public/connector-timeline.png' });

    await settleAll(baseURL, running);
    if (errors.length) console.warn(`The dashboard logged errors:\n${errors.join('\n')}`);
    console.log('Wrote public/dashboard.png, public/dashboard-mobile.png, public/connector-timeline.png');
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
