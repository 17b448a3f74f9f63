/**
 * Browser tests of a deployment: two production instances on one PostgreSQL
 * behind HAProxy (scripts/cluster.mjs), with sign-in through a local OpenID
 * Connect provider (tests/helpers/oidc-server.ts). Ports: CLUSTER_BASE_PORT
 * (PostgreSQL; instances on +1 and +2, the balancer on +5) and
 * E2E_CLUSTER_OIDC_PORT, random when unset (chosen once here and passed to
 * workers through the environment). Run by scripts/test.sh after the sign-in
 * suite.
 */
import { defineConfig } from '@playwright/test';
import { oidcAppEnv } from './tests/helpers/oidc-env';
import { CHROMIUM_LAUNCH } from './playwright.chromium';

const randomPort = () => 20_000 + Math.floor(Math.random() * 40_000);
process.env.CLUSTER_BASE_PORT ||= String(randomPort());
process.env.E2E_CLUSTER_OIDC_PORT ||= String(Number(process.env.CLUSTER_BASE_PORT) + 6);
const base = Number(process.env.CLUSTER_BASE_PORT);
const balancer = `http://127.0.0.1:${base + 5}`;
const instances = [`http://127.0.0.1:${base + 1}`, `http://127.0.0.1:${base + 2}`];
const issuer = `http://127.0.0.1:${process.env.E2E_CLUSTER_OIDC_PORT}`;

export default defineConfig({
  testDir: './e2e-cluster',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright-cluster.json' }]],
  use: {
    baseURL: balancer,
    viewport: { width: 1440, height: 900 },
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: [
    {
      command: 'node node_modules/tsx/dist/cli.mjs tests/helpers/oidc-server.ts',
      url: `${issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      // The balancer is where users sign in; the instances' own origins too (a dashboard opened on one of them).
      env: { OIDC_PORT: process.env.E2E_CLUSTER_OIDC_PORT, APP_ORIGIN: [balancer, ...instances].join(',') },
    },
    {
      command: 'node scripts/cluster.mjs',
      url: `${balancer}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      // The cluster stops its processes by PID on SIGTERM (PostgreSQL, both instances, HAProxy).
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
      stdout: 'pipe',
      env: {
        CLUSTER_BASE_PORT: String(base),
        ALKIRA_EMULATOR_PROVISION_MS: '3000',
        ...oidcAppEnv(issuer),
      },
    },
  ],
});
