/**
 * `connector-studio check` on the four examples of the provider's reference
 * page (written into a temporary directory from ../shared at test time), as
 * written and corrected, in every output format; usage and read errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { referenceExamples, referencePage, warnReferenceSkipped } from '../helpers/reference-page';
import { validate as validateSarif } from '../helpers/sarif-schema';
import { lineOf, runCli } from './support';
import { RULE_IDS } from '@/lib/connector/rules';
import { TENANT_RULE_IDS } from '@/lib/connector/tenant';
import { ruleDescription } from '@/lib/cli/rule-descriptions';
import { at } from '../helpers/present';

warnReferenceSkipped('The CLI tests on the reference examples');

const MAC_TYPO = '00:6F:7G:8H:9I:0J';
const corrections: Array<[string, string]> = [
  [MAC_TYPO, '00:6F:7A:8B:9C:0D'],
  ['iposec_customer_gateway', 'ipsec_customer_gateway'],
];

describe.skipIf(!referencePage)('connector-studio check on the reference examples', () => {
  let dir: string;
  let fixedDir: string;
  let examples: string[];

  beforeAll(() => {
    examples = referenceExamples();
    expect(examples).toHaveLength(4);
    dir = mkdtempSync(path.join(tmpdir(), 'cs-cli-'));
    fixedDir = path.join(dir, 'fixed');
    mkdirSync(path.join(dir, 'examples'));
    mkdirSync(fixedDir);
    examples.forEach((text, i) => {
      writeFileSync(path.join(dir, 'examples', `example-${i + 1}.tf`), text);
      writeFileSync(
        path.join(fixedDir, `example-${i + 1}.tf`),
        corrections.reduce((t, [from, to]) => t.split(from).join(to), text),
      );
    });
  });

  it('reports the known mistakes at their lines, and exits 1', async () => {
    const r = await runCli(['check', 'examples'], { cwd: dir });
    console.info(`connector-studio check on the four examples: ${r.ms.toFixed(0)} ms wall, Node start-up included`);
    expect(r.status).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.includes(': error: '));
    const ex2 = at(examples, 1);
    const ex4 = at(examples, 3);
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^examples/example-2\\.tf:${lineOf(ex2, MAC_TYPO)}:\\d+: error: .*"${MAC_TYPO}" must be six hex octets.* \\[gateway-mac-addresses\\]$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^examples/example-4\\.tf:${lineOf(ex4, 'instances {')}:3: error: Instance "primary-circuit": tunnel_protocol "IPSEC" requires ipsec_customer_gateway blocks.* \\[ipsec-gateways-protocol\\]$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^examples/example-4\\.tf:${lineOf(ex4, 'iposec_customer_gateway')}:5: error: Unknown block iposec_customer_gateway in instances \\(did you mean ipsec_customer_gateway\\?\\).* \\[hcl-import\\]$`,
        ),
      ),
    ]);
    // Every example's placeholder subscription is worth a warning; example 3's inline keys too.
    for (const n of [1, 2, 3, 4])
      expect(r.stdout).toMatch(
        new RegExp(
          `^examples/example-${n}\\.tf:\\d+:\\d+: warning: .*is not a GUID.* \\[circuit-subscription-guid\\]$`,
          'm',
        ),
      );
    expect(r.stdout).toMatch(
      /^examples\/example-3\.tf:\d+:\d+: warning: .*pre_shared_key is written inline.* \[pre-shared-key-inline\]$/m,
    );
    expect(r.stderr).toMatch(/4 files checked: 3 errors, \d+ warnings/);
  });

  it('the corrected examples pass (warnings only): exit 0', async () => {
    const r = await runCli(['check', 'fixed'], { cwd: dir });
    expect(r.stdout).not.toContain(': error: ');
    expect(r.status).toBe(0);
  });

  it('--format json lists the same findings with their fields', async () => {
    const text = await runCli(['check', 'examples'], { cwd: dir });
    const r = await runCli(['check', '--format', 'json', 'examples'], { cwd: dir });
    expect(r.status).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ files: 4, errors: 3 });
    const lines = body.findings.map(
      (f: any) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]`,
    );
    expect(lines.join('\n') + '\n').toBe(text.stdout);
    expect(body.findings.find((f: any) => f.ruleId === 'gateway-mac-addresses')).toMatchObject({
      path: 'instances.0.gateway_mac_address.1',
      resource: 'ha_config',
    });
  });

  it('--format sarif is SARIF 2.1.0 with rule ids and regions', async () => {
    const r = await runCli(['check', '--format=sarif', 'examples'], { cwd: dir });
    expect(r.status).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(validateSarif(sarif)).toEqual([]);
    const [run] = sarif.runs;
    const rules = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(rules).toEqual(
      expect.arrayContaining([
        'gateway-mac-addresses',
        'hcl-import',
        'ipsec-gateways-protocol',
        'circuit-subscription-guid',
      ]),
    );
    const mac = run.results.find((res: any) => res.ruleId === 'gateway-mac-addresses');
    expect(rules[mac.ruleIndex]).toBe('gateway-mac-addresses');
    expect(mac.level).toBe('error');
    expect(mac.locations[0].physicalLocation.artifactLocation.uri).toBe('examples/example-2.tf');
    expect(mac.locations[0].physicalLocation.region).toMatchObject({
      startLine: lineOf(at(examples, 1), MAC_TYPO),
      endLine: lineOf(at(examples, 1), MAC_TYPO),
    });
    // The schema check itself rejects what SARIF does not allow.
    expect(validateSarif({ ...sarif, version: '2.0.0' })).not.toEqual([]);
    expect(validateSarif({ ...sarif, runs: [{ ...run, results: [{ ...mac, level: 'fatal' }] }] })).not.toEqual([]);
    expect(validateSarif({ ...sarif, runs: [{ ...run, results: [{ ...mac, region: {} }] }] })).not.toEqual([]);
  });
});

describe('connector-studio check: files, usage and read errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cs-cli-'));
    writeFileSync(
      path.join(dir, 'broken.tf'),
      'resource "alkira_connector_azure_expressroute" "x" {\n  name = "a\n}\n',
    );
    writeFileSync(
      path.join(dir, 'literal.tf'),
      [
        'resource "alkira_connector_azure_expressroute" "lit" {',
        '  name        = "lit"',
        '  size        = "SMALL"',
        '  vhub_prefix = "10.130.0.0/23"',
        '  cxp         = "USWEST-AZURE-1"',
        '  instances {',
        '    name                    = "i"',
        '    expressroute_circuit_id = "/subscriptions/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c"',
        '    loopback_subnet         = "192.168.20.0/26"',
        '    credential_id           = "7d1f5a0e-2b3c-4d5e-8f90-a1b2c3d4e501"',
        '  }',
        '  segment_options {',
        '    segment_id   = "alkira_segment.prod.id"',
        '    customer_asn = 65001',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    mkdirSync(path.join(dir, '.terraform'));
    writeFileSync(path.join(dir, '.terraform', 'ignored.tf'), 'this is not HCL {');
  });

  it('reports a syntax error with its position (exit 1), and skips .terraform', async () => {
    const r = await runCli(['check', 'broken.tf'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^broken\.tf:2:\d+: error: Syntax error: .* \[hcl-syntax\]$/m);
    const all = await runCli(['check'], { cwd: dir });
    expect(all.stdout).not.toContain('ignored.tf');
  });

  it('warns at a literal that reads like a reference, as the designer does (exit 0)', async () => {
    const r = await runCli(['check', 'literal.tf'], { cwd: dir });
    expect(r.stdout).toMatch(
      /^literal\.tf:13:20: warning: This literal text looks like a Terraform reference.* \[reference-like-literal\]$/m,
    );
    expect(r.status).toBe(0);
  });

  it('exits 2 with a message on stderr for usage and read errors', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['check', '--format', 'xml'],
      ['check', '--bogus'],
      ['check', 'no-such-dir'],
    ]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^connector-studio: /);
      expect(r.stdout).toBe('');
    }
    const tenant = await runCli(['check', '--tenant', 'literal.tf'], { cwd: dir, env: { ALKIRA_PORTAL: '' } });
    expect(tenant.status).toBe(2);
    expect(tenant.stderr).toContain('ALKIRA_PORTAL');
  });

  it('--help answers on stdout with exit 0', async () => {
    const r = await runCli(['--help'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: connector-studio check');
  });
});

describe('rule ids', () => {
  it('every rule id has a description for SARIF', () => {
    for (const id of [
      ...RULE_IDS.values(),
      ...Object.values(TENANT_RULE_IDS),
      'reference-like-literal',
      'hcl-syntax',
      'hcl-import',
      'schema',
    ]) {
      expect(ruleDescription(id), id).not.toBe(id);
    }
    expect(new Set(RULE_IDS.values()).size).toBe(RULE_IDS.size);
  });
});
