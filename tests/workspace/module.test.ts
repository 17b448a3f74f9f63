/**
 * The exported module: four files, each exactly as `terraform fmt` writes it,
 * valid against the provider schema (structure, types, references — the real
 * provider cannot be downloaded here, so `terraform validate` itself cannot
 * run), PSKs only as sensitive variables, data sources by name, import blocks
 * for linked designs.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectorDesign } from '@/lib/connector/design';
import { renderModule, renderSingleTf } from '@/lib/connector/export/module';
import {
  basicDesign,
  CRED_PROD,
  CRED_SECURITY,
  ipsecDesign,
  parsedDesign,
  PSK_DMZ,
  PSK_INTERNAL,
} from '../helpers/designs';
import { terraformFmt } from '../hcl/terraform-fmt';
import { validateModuleAgainstSchema } from '../helpers/tf-schema-check';

const ipsec = parsedDesign(ipsecDesign('edge-ipsec'));
const basic = parsedDesign(basicDesign('edge-basic'));
const catalog = {
  segments: new Map([
    ['1', 'prod'],
    ['2', 'dmz'],
    ['3', 'internal'],
  ]),
  credentials: new Map([
    [CRED_PROD, 'prod-azure'],
    [CRED_SECURITY, 'security-azure'],
  ]),
  billingTags: new Map([['101', 'network-team']]),
};

describe('renderModule', () => {
  const files = renderModule([{ design: ipsec, connectorId: 12 }, { design: basic }]);

  it('writes every file exactly as terraform fmt would', () => {
    expect(Object.keys(files).sort()).toEqual(['main.tf', 'providers.tf', 'terraform.tfvars.example', 'variables.tf']);
    for (const [name, text] of Object.entries(files)) expect(terraformFmt(text), name).toBe(text);
  });

  it('is valid against the provider schema', () => {
    expect(validateModuleAgainstSchema(files)).toEqual([]);
  });

  it('the schema check catches what validate would', () => {
    const broken = {
      ...files,
      'main.tf': files['main.tf'].replace('vhub_prefix', 'vhub_prefx').replace('size ', 'size = 3\n  #'),
    };
    const problems = validateModuleAgainstSchema(broken);
    expect(problems.some((p) => p.includes('unsupported argument "vhub_prefx"'))).toBe(true);
    expect(problems.some((p) => p.includes('missing required argument "vhub_prefix"'))).toBe(true);
    const undeclared = validateModuleAgainstSchema({ ...files, 'variables.tf': '' });
    expect(undeclared.some((p) => p.includes('undeclared var.alkira_portal'))).toBe(true);
  });

  it('keeps pre-shared keys out of every file, as sensitive variables', () => {
    const all = Object.values(files).join('\n');
    expect(all).not.toContain(PSK_DMZ);
    expect(all).not.toContain(PSK_INTERNAL);
    expect(files['main.tf']).toContain('pre_shared_key    = var.edge_ipsec_psk_1');
    expect(files['variables.tf']).toMatch(/variable "edge_ipsec_psk_1" \{[^}]*sensitive\s+= true/);
    expect(files['terraform.tfvars.example']).toContain('edge_ipsec_psk_2 = "change-me"');
  });

  it('pins the provider and imports linked connectors only', () => {
    expect(files['providers.tf']).toContain('source  = "alkiranet/alkira"');
    expect(files['providers.tf']).toContain('version = "~> 1.5"');
    expect(files['main.tf']).toContain(
      'import {\n  to = alkira_connector_azure_expressroute.edge_ipsec\n  id = "12"\n}',
    );
    expect(files['main.tf'].match(/import \{/g)).toHaveLength(1);
  });

  it('gives two designs with the same label distinct resource names', () => {
    const twice = renderModule([{ design: basic }, { design: basic }]);
    expect(twice['main.tf']).toContain('resource "alkira_connector_azure_expressroute" "edge_basic" {');
    expect(twice['main.tf']).toContain('resource "alkira_connector_azure_expressroute" "edge_basic_2" {');
    expect(validateModuleAgainstSchema(twice)).toEqual([]);
  });

  it('writes catalog picks as data sources by name', () => {
    const withData = renderModule([{ design: ipsec }, { design: basic }], { catalog });
    const main = withData['main.tf'];
    expect(main).toContain('data "alkira_segment" "dmz" {\n  name = "dmz"\n}');
    expect(main).toContain('data "alkira_credential" "security_azure" {');
    expect(main).toContain('segment_id = data.alkira_segment.internal.id');
    expect(main).toContain('credential_id           = data.alkira_credential.prod_azure.credential_id');
    expect(main).toContain('billing_tag_ids = [data.alkira_billing_tag.network_team.id]');
    expect(main.match(/data "alkira_segment" "dmz"/g)).toHaveLength(1);
    for (const [name, text] of Object.entries(withData)) expect(terraformFmt(text), name).toBe(text);
    expect(validateModuleAgainstSchema(withData)).toEqual([]);
  });

  it('declares variables a design already refers to', () => {
    const referencing = { ...basic, description: '${var.connector_description}' } as ConnectorDesign;
    const m = renderModule([{ design: referencing }]);
    expect(m['variables.tf']).toContain('variable "connector_description" {');
    expect(validateModuleAgainstSchema(m)).toEqual([]);
  });
});

describe('renderSingleTf', () => {
  it('is one fmt-exact file with the PSK variables, the resource and the import block', () => {
    const tf = renderSingleTf({ design: ipsec, connectorId: 5 });
    expect(terraformFmt(tf)).toBe(tf);
    expect(tf).not.toContain(PSK_DMZ);
    expect(tf).toContain('id = "5"');
  });
});
