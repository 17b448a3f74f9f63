import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // API answers are checked against the contract (lib/contract) in every test that fetches them.
    setupFiles: ['tests/helpers/contract-fetch.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
