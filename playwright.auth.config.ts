/**
 * Browser tests with sign-in on: a real OpenID Connect provider
 * (tests/helpers/oidc-server.ts) and the production server configured for it,
 * each on a random loopback port (chosen once here and passed to workers
 * through the environment). Run by scripts/test.sh after the main suite.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { oidcAppEnv } from './tests/helpers/oidc-env';
import { CHROMIUM_LAUNCH } from './playwright.chromium';

const randomPort = () => String(20_000 + Math.floor(Math.random() * 40_000));
// E2E_AUTH_APP_PORT, else E2E_PORT (the main suite's, free again by the time this one runs), else a random one.
process.env.E2E_AUTH_APP_PORT ||= process.env.E2E_PORT || randomPort();
process.env.E2E_AUTH_OIDC_PORT ||= randomPort();
process.env.E2E_AUTH_DATA_DIR ||= mkdtempSync(path.join(tmpdir(), 'cs-e2e-auth-'));
const appPort = process.env.E2E_AUTH_APP_PORT;
const oidcPort = process.env.E2E_AUTH_OIDC_PORT;
const appOrigin = `http://127.0.0.1:${appPort}`;
export const OIDC_ISSUER = `http://127.0.0.1:${oidcPort}`;

export default defineConfig({
  testDir: './e2e-auth',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright-auth.json' }]],
  use: {
    baseURL: appOrigin,
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: [
    {
      command: 'node node_modules/tsx/dist/cli.mjs tests/helpers/oidc-server.ts',
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { OIDC_PORT: oidcPort, APP_ORIGIN: appOrigin },
    },
    {
      command: 'node scripts/start.mjs',
      url: `${appOrigin}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: appPort,
        HOST: '127.0.0.1',
        ALKIRA_DATA_DIR: process.env.E2E_AUTH_DATA_DIR,
        ALKIRA_EMULATOR_PROVISION_MS: '1500',
        ...oidcAppEnv(OIDC_ISSUER),
      },
    },
  ],
});
