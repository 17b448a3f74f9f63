/**
 * What is derived from the resource description: unknown keys are errors at
 * their path, sensitive values are masked wherever keys are, help text and
 * the importer's schema follow the description.
 */
import { describe, expect, it } from 'vitest';
import { validateDesign, parseDesign } from '@/lib/connector/validate';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { designToAlkiraConnector } from '@/lib/connector/mapping';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { CONNECTOR_RESOURCE_SCHEMA } from '@/lib/connector/hcl/import/schema';
import {
  helpForPath,
  isSensitivePath,
  SENSITIVE_API_FIELDS,
  SENSITIVE_ATTRIBUTES,
  inputKindForPath,
} from '@/lib/connector/resource';
import { settingsTable } from '@/components/dashboard/settings-rows';
import { CONNECTOR_RESOURCE } from '@/lib/connector/resource';
import { at, present } from '../helpers/present';

const TUNNEL = 'instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0';
const ipsecTemplate = () => structuredClone(DESIGN_TEMPLATES.find((t) => t.design.tunnel_protocol === 'IPSEC')!.design);

describe('unknown keys', () => {
  it('an extra key in a tunnel is an error at its path, naming where it is', () => {
    const design: Record<string, any> = ipsecTemplate();
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].foo = 'bar';
    const result = validateDesign(design);
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({ path: `${TUNNEL}.foo`, message: `unknown attribute foo in ${TUNNEL}` });
  });

  it('a misspelt top-level attribute suggests the right name, and is never dropped silently', () => {
    const design: Record<string, any> = ipsecTemplate();
    design.vhub_prefx = '10.1.0.0/23';
    const parsed = parseDesign(design);
    expect(parsed.ok).toBe(false);
    expect(parsed.unknownKeys).toEqual([
      { path: 'vhub_prefx', message: 'unknown attribute vhub_prefx in the design — did you mean vhub_prefix?' },
    ]);
  });

  it('a computed attribute cannot be set', () => {
    const design: Record<string, any> = ipsecTemplate();
    design.provision_state = 'SUCCESS';
    design.instances[0].id = 7;
    const paths = validateDesign(design).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['provision_state', 'instances.0.id']));
  });

  it('the templates themselves have no unknown keys', () => {
    for (const template of DESIGN_TEMPLATES) expect(parseDesign(template.design).unknownKeys, template.id).toEqual([]);
  });
});

describe('sensitive attributes', () => {
  it('are exactly the provider-sensitive ones, in design and API names', () => {
    expect([...SENSITIVE_ATTRIBUTES].sort()).toEqual(['pre_shared_key', 'remote_auth_value']);
    expect([...SENSITIVE_API_FIELDS].sort()).toEqual(['preSharedKey', 'remoteAuthValue']);
    expect(isSensitivePath(`${TUNNEL}.remote_auth_value`)).toBe(true);
    expect(isSensitivePath(`${TUNNEL}.remote_auth_type`)).toBe(false);
    expect(inputKindForPath(`${TUNNEL}.remote_auth_value`)).toBe('secret');
  });

  it('the detail view never shows a remote auth value or key, even if one arrives in clear', () => {
    const conn = designToAlkiraConnector(ipsecTemplate());
    const firstTunnels = present(
      conn.instances[0]?.segmentOptions?.[0]?.customerGateways[0]?.tunnels,
      "the first gateway's tunnels",
    );
    const tunnels = firstTunnels.map((t) => ({
      ...t,
      preSharedKey: 'clear-key-1',
      remoteAuthValue: 'peer.example.com',
    }));
    const table = settingsTable(
      CONNECTOR_RESOURCE.blocks.instances.body.blocks.ipsec_customer_gateway.body.blocks.customer_gateway.body.blocks
        .tunnel.body,
      tunnels,
    );
    expect(table.headers).toEqual([
      'Tunnel',
      'IKE version',
      'Initiator',
      'Pre-shared key',
      'Tunnel profile',
      'Remote auth type',
      'Remote auth value',
    ]);
    const shown = JSON.stringify(table.rows);
    expect(shown).not.toContain('clear-key-1');
    expect(shown).not.toContain('peer.example.com');
    expect(at(table.rows, 0)[6]).toBe('••••••••');
  });
});

describe('stored secrets', () => {
  it('a stored remote auth value is exported as a sensitive variable, never as text, whatever the key option', () => {
    const design: Record<string, any> = ipsecTemplate();
    design.instances[0].ipsec_customer_gateway[0].customer_gateway[0].tunnel[0].remote_auth_value = STORED_SECRET;
    expect(renderConnectorHcl(design, { omitDefaults: true, preSharedKeys: 'inline' })).toMatch(
      /remote_auth_value = var\.\w+_remote_auth_value_1\n/,
    );
    const hcl = renderConnectorHcl(design, { omitDefaults: true, preSharedKeys: 'variable' });
    expect(hcl).not.toContain('stored');
    const name = /remote_auth_value = var\.(\w+)/.exec(hcl)?.[1];
    expect(name).toMatch(/_remote_auth_value_\d+$/);
    expect(hcl).toContain(`variable "${name}" {`);
    // A literal FQDN typed by the user stays as written.
    expect(hcl).toContain('remote_auth_value = "dmz-backup.example.com"');
  });
});

describe('derived views', () => {
  it('help text comes from the description, list items included', () => {
    expect(helpForPath('instances.3.loopback_subnet')).toMatch(/\/26/);
    expect(helpForPath('billing_tag_ids.0')).toMatch(/alkira_billing_tag/);
    expect(helpForPath('resource_name')).toMatch(/Terraform resource label/);
    expect(helpForPath('instances.0.nope')).toBeUndefined();
  });

  it('the importer knows every design attribute and rejects computed ones', () => {
    expect(Object.keys(CONNECTOR_RESOURCE_SCHEMA.attributes)).toEqual([
      'name',
      'description',
      'size',
      'enabled',
      'vhub_prefix',
      'cxp',
      'tunnel_protocol',
      'group',
      'billing_tag_ids',
    ]);
    expect(CONNECTOR_RESOURCE_SCHEMA.readOnly).toEqual(['id', 'provision_state', 'implicit_group_id']);
    const instances = present(CONNECTOR_RESOURCE_SCHEMA.blocks.instances, 'the instances block');
    expect(instances.required).toBe(true);
    expect(
      present(instances.schema.blocks.ipsec_customer_gateway, 'the ipsec_customer_gateway block').required,
    ).toBeUndefined();
  });

  it('the renderer writes attributes in the description order', () => {
    const hcl = renderConnectorHcl(ipsecTemplate(), { omitDefaults: false, preSharedKeys: 'inline' });
    const tunnelLines = hcl
      .split('\n')
      .filter((l) => /^ {10}\w+ +=/.test(l))
      .map((l) => l.trim().split(/\s/)[0]);
    expect(tunnelLines.slice(0, 7)).toEqual([
      'name',
      'ike_version',
      'initiator',
      'pre_shared_key',
      'profile_id',
      'remote_auth_type',
      'remote_auth_value',
    ]);
  });
});
