/**
 * `npm run load` (scripts/load.ts) at a tiny size: it starts its own production
 * server, seeds the tenant, drives every route of the mixed workload and prints
 * the report — throughput, each route's p50/p99, errors, the server's event-loop
 * delay. Only the report's shape and the absence of errors are checked here;
 * the speed is the script's to measure, not a test's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadReport } from '../../scripts/load';
import { at } from '../helpers/present';

const ROOT = path.resolve(__dirname, '..', '..');

describe('npm run load', () => {
  it('runs the mixed workload against a server it starts and reports every route', { timeout: 180_000 }, () => {
    const json = path.join(mkdtempSync(path.join(tmpdir(), 'cs-load-')), 'report.json');
    const out = execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(ROOT, 'scripts', 'load.ts'),
        '--duration',
        '2',
        '--users',
        '5',
        '--connectors',
        '60',
        '--json',
        json,
      ],
      // The server it starts inherits this environment: a generous parse budget, so a machine busy with other
      // jobs cannot turn the 363 KB parse into a 422 (the budget is wall-clock time).
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CONNECTOR_STUDIO_PARSE_TIMEOUT_MS: '60000' } },
    );
    const report: LoadReport = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.users).toBe(5);
    expect(report.requests).toBeGreaterThan(0);
    expect(report.routes.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'GET /api/connectors (list page)',
        'GET /connectors (dashboard page)',
        'POST /api/hcl/parse',
        'GET /api/auth/me',
      ]),
    );
    expect(report.errors).toBe(0);
    expect(report.errorExamples).toEqual([]);
    expect(report.eventLoop).toHaveLength(1);
    expect(at(report.eventLoop, 0).maxDelayMs).toBeGreaterThanOrEqual(0);
    expect(out).toMatch(/Load: 5 users, [\d.]+ s, 1 target\(s\): \d+ requests, [\d.]+ req\/s, 0 errors/);
    for (const r of report.routes) expect(out).toContain(r.name);
    expect(out).toMatch(/event-loop delay \(http:\/\/127\.0\.0\.1:\d+\): max [\d.]+ ms, p99 [\d.]+ ms/);
    expect(out).toMatch(/targets: 0 errors met/);
  });
});
