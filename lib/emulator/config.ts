/**
 * Emulator settings, read from the environment on every call (cheap) so a
 * test server started with different env behaves accordingly.
 */
import path from 'node:path';

export const DEFAULT_API_KEY = 'connector-studio-emulator';
export const TENANT_NETWORK_ID = 1;

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** A probability in 0..1; anything else counts as 0. */
function rateEnv(name: string): number {
  const n = numberEnv(name, 0);
  return n > 1 ? 0 : n;
}

export interface EmulatorConfig {
  apiKey: string;
  dataDir: string;
  dbFile: string;
  provisionMs: number;
  failCircuit: string;
  rate429: number;
  rate500: number;
  latencyMs: number;
  adminEnabled: boolean;
}

export function emulatorConfig(): EmulatorConfig {
  // turbopackIgnore: the data directory is runtime state, not something to trace into the build output.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.env.ALKIRA_DATA_DIR || './data');
  return {
    apiKey: process.env.ALKIRA_EMULATOR_API_KEY || DEFAULT_API_KEY,
    dataDir,
    dbFile: path.join(/*turbopackIgnore: true*/ dataDir, 'emulator.sqlite'),
    provisionMs: numberEnv('ALKIRA_EMULATOR_PROVISION_MS', 4000),
    failCircuit: process.env.ALKIRA_EMULATOR_FAIL_CIRCUIT || 'fail-provision',
    rate429: rateEnv('ALKIRA_EMULATOR_RATE_429'),
    rate500: rateEnv('ALKIRA_EMULATOR_RATE_500'),
    latencyMs: numberEnv('ALKIRA_EMULATOR_LATENCY_MS', 0),
    adminEnabled: process.env.ALKIRA_EMULATOR_ADMIN === '1',
  };
}
