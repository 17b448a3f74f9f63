/**
 * The one-step demo (`npm run demo`, scripts/demo.ts) in real Chromium: the
 * server started exactly as the README says, on a fresh demo data directory,
 * port `E2E_DEMO_PORT` (else `E2E_PORT`, else a random one). Run by
 * scripts/test.sh after the other suites (the build is there by then, so the
 * demo does not build again).
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_LAUNCH } from './playwright.chromium';

process.env.E2E_DEMO_PORT ||= process.env.E2E_PORT || String(20_000 + Math.floor(Math.random() * 40_000));
process.env.E2E_DEMO_DATA_DIR ||= mkdtempSync(path.join(tmpdir(), 'cs-e2e-demo-'));
const port = process.env.E2E_DEMO_PORT;

export default defineConfig({
  testDir: './e2e-demo',
  // 10,000 connectors on a shared, loaded machine: the first list and the detail page take their time.
  timeout: 150_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright-demo.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: 'npm run demo',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    // Room for a build when there is none yet (npm run demo builds first then).
    timeout: 600_000,
    env: { PORT: port, ALKIRA_DATA_DIR: process.env.E2E_DEMO_DATA_DIR, NEXT_TELEMETRY_DISABLED: '1' },
  },
});
