/**
 * `connector-studio check --tenant` against the embedded emulator (through a
 * loopback proxy that adds the emulator's app token, as a portal would need
 * no token): an overlapping prefix and a taken name at their lines; an
 * `import` block naming the connector's id makes it that connector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../helpers/server';
import { appCallerProxy } from '../helpers/app-caller-proxy';
import { basicDesign } from '../helpers/designs';
import { call, EMULATOR_KEY, TEST_ENV } from '../api/support';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { renderImportBlock } from '@/lib/connector/hcl/import-block';
import type { ConnectorDesign } from '@/lib/connector/design';
import { lineOf, positionOf, runCli } from './support';

let server: RunningServer;
let proxy: { port: number; close(): Promise<void> };
let seededId: number;
let dir: string;
let env: Record<string, string>;

const design = basicDesign('seeded-cli') as unknown as ConnectorDesign;
const hcl = renderConnectorHcl(design);

beforeAll(async () => {
  server = await startServer(TEST_ENV);
  const created = await call(server, 'POST', '/api/connectors?provision=false', design);
  expect(created.status).toBe(201);
  seededId = created.body.id;
  proxy = await appCallerProxy(server.port);
  env = { ALKIRA_PORTAL: `http://127.0.0.1:${proxy.port}/emulator`, ALKIRA_API_KEY: EMULATOR_KEY };
  dir = mkdtempSync(path.join(tmpdir(), 'cs-cli-tenant-'));
  writeFileSync(path.join(dir, 'clash.tf'), hcl);
  writeFileSync(path.join(dir, 'linked.tf'), `${hcl}\n${renderImportBlock(design.resource_name, seededId)}`);
});
afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

describe('connector-studio check --tenant', () => {
  it('finds the overlapping prefix and the taken name of a seeded connector, at their lines', async () => {
    const offline = await runCli(['check', 'clash.tf'], { cwd: dir });
    expect(offline.stdout).not.toContain(': error: ');
    const r = await runCli(['check', '--tenant', 'clash.tf'], { cwd: dir, env });
    expect(r.stderr).not.toContain('connector-studio:');
    expect(r.status).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.includes(': error: '));
    expect(errors).toEqual([
      `clash.tf:${positionOf(hcl, 'name ', '"seeded-cli"')}: error: name "seeded-cli" is taken by connector id ${seededId} in this tenant; connector names are unique, choose another [tenant-name-taken]`,
      `clash.tf:${positionOf(hcl, 'vhub_prefix', '"10.130')}: error: vhub_prefix 10.130.0.0/23 overlaps connector "seeded-cli" (id ${seededId})'s vhub_prefix 10.130.0.0/23; the next free /23 is 10.130.2.0/23 [tenant-vhub-prefix-overlap]`,
      expect.stringMatching(
        new RegExp(
          `^clash\\.tf:${lineOf(hcl, 'loopback_subnet')}:\\d+: error: .*the next free /26 is 192\\.168\\.20\\.64/26 \\[tenant-loopback-subnet-overlap\\]$`,
        ),
      ),
    ]);
    const json = JSON.parse(
      (await runCli(['check', '--tenant', '--format', 'json', 'clash.tf'], { cwd: dir, env })).stdout,
    );
    expect(json.findings.find((f: { ruleId: string }) => f.ruleId === 'tenant-vhub-prefix-overlap')).toMatchObject({
      path: 'vhub_prefix',
      fix: '10.130.2.0/23',
    });
  });

  it('an import block with the connector id makes the file that connector: nothing in its way', async () => {
    const r = await runCli(['check', '--tenant', 'linked.tf'], { cwd: dir, env });
    expect(r.stdout).not.toContain(': error: ');
    expect(r.status).toBe(0);
  });

  it('a tenant that refuses the key is a read error: exit 2, the key not shown', async () => {
    const r = await runCli(['check', '--tenant', 'clash.tf'], {
      cwd: dir,
      env: { ...env, ALKIRA_API_KEY: 'wrong-key-not-shown' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^connector-studio: GET .*HTTP 401/);
    expect(r.stderr).not.toContain('wrong-key-not-shown');
  });
});
