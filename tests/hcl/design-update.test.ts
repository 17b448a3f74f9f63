/**
 * A design merged into an existing file (`POST /api/designs/hcl` with a
 * source) as design operations on its syntax tree: the operations derived
 * from the file's reading and the design, the bytes outside the changed
 * attributes, added and removed blocks, stored secrets, and `terraform fmt
 * -check` as the judge of every result.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectorDesign } from '@/lib/connector/design';
import { designChangeOperations } from '@/lib/connector/hcl/document/design-changes';
import { connectorBlocks, OperationError } from '@/lib/connector/hcl/document/operations';
import { updateConnectorInHcl } from '@/lib/connector/hcl/document/update';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { STORED_SECRET } from '@/lib/connector/stored-secret';
import { parseHcl } from '@/lib/hcl/parser';
import { TERRAFORM } from './terraform-fmt';
import { customerGatewayOf, instanceOf, segmentOptionOf, tunnelOf } from '../helpers/design-parts';
import { at, take } from '../helpers/present';

const EXAMPLE_3 = readFileSync(path.join(__dirname, '..', 'hcl-parse', 'fixtures', 'example-3.tf'), 'utf8');

/** Whether `terraform fmt -check` accepts the text as it is (exit 0), with no CLI config. */
function fmtClean(text: string): boolean {
  try {
    execFileSync(TERRAFORM, ['fmt', '-check', '-no-color', '-'], {
      input: text,
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return true;
  } catch {
    return false;
  }
}

const designOf = (text: string, label?: string): ConnectorDesign => {
  const designs = parseConnectorHcl(text).designs;
  return structuredClone(
    (label === undefined ? at(designs, 0) : designs.find((d) => d.resource_name === label)!).design,
  );
};

function updated(
  source: string,
  change: (d: ConnectorDesign) => void,
  options: Parameters<typeof updateConnectorInHcl>[2] = {},
): string {
  const design = designOf(source, options.resource);
  change(design);
  const text = updateConnectorInHcl(source, design, options);
  expect(fmtClean(text), text).toBe(true);
  return text;
}

/** A resource written the way people write them: comments everywhere, a one-line block, blank lines, meta-arguments. */
const COMMENTED = `/* Network team: edit through Connector Studio or by hand */
resource "alkira_connector_azure_expressroute" "edge" {
  # identity
  name = "edge" // short on purpose
  size = "SMALL"

  vhub_prefix = "10.1.0.0/23"
  cxp         = "USWEST-AZURE-1" # west
  depends_on  = [alkira_segment.a]

  # The first instance
  instances {
    name                    = "primary"
    expressroute_circuit_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/p"
    loopback_subnet         = "192.168.1.0/26" # the loopback
    credential_id           = alkira_credential_azure_vnet.a.id
  }

  # The second instance
  instances {
    name                    = "secondary"
    expressroute_circuit_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/s"
    loopback_subnet         = "192.168.2.0/26"
    credential_id           = alkira_credential_azure_vnet.a.id
  }

  segment_options { segment_id = alkira_segment.a.id }

  lifecycle {
    ignore_changes = [description] # set elsewhere
  }
}
`;

describe('the operations derived from the file and the design', () => {
  it('are none for the design the file says, and one per changed attribute or block otherwise', () => {
    const file = parseHcl(COMMENTED);
    const [owner] = take(connectorBlocks(file), 1);
    const current = designOf(COMMENTED);
    expect(designChangeOperations(owner, current, structuredClone(current))).toEqual([]);
    const next = structuredClone(current);
    next.size = 'LARGE';
    next.instances.splice(0, 1);
    instanceOf(next).loopback_subnet = '192.168.3.0/26';
    next.segment_options.push({ segment_id: 'seg-b', customer_asn: 65002 });
    expect(designChangeOperations(owner, current, next)).toEqual([
      { kind: 'set', path: ['size'], value: 'LARGE' },
      { kind: 'remove-block', path: ['instances', 0] },
      { kind: 'set', path: ['instances', 0, 'loopback_subnet'], value: '192.168.3.0/26' },
      { kind: 'insert-block', path: ['segment_options', 1], value: next.segment_options[1] },
    ]);
  });
});

describe('bytes outside the changed attributes', () => {
  it('survive byte for byte: comments, a one-line block, blank lines and meta-arguments', () => {
    expect(fmtClean(COMMENTED)).toBe(true);
    expect(updated(COMMENTED, () => {})).toBe(COMMENTED);
    const text = updated(COMMENTED, (d) => (instanceOf(d, 1).name = 'backup'));
    expect(text).toBe(COMMENTED.replace('name                    = "secondary"', 'name                    = "backup"'));
  });

  it('a changed value re-aligns the trailing comments of its run as terraform fmt does, and nothing else', () => {
    const source = COMMENTED.replace(
      '  cxp         = "USWEST-AZURE-1" # west\n',
      '  cxp         = "USWEST-AZURE-1" # west\n  group       = "g"              # the group\n',
    );
    expect(fmtClean(source)).toBe(true);
    const text = updated(source, (d) => (d.cxp = 'USWEST-AZURE-10'));
    expect(text).toContain('  cxp         = "USWEST-AZURE-10" # west\n  group       = "g"               # the group\n');
    expect(
      text
        .replace('USWEST-AZURE-10" # west', 'USWEST-AZURE-1" # west')
        .replace('"g"               #', '"g"              #'),
    ).toBe(source);
  });

  it('a removed list block goes with its lead comment; the blocks around it keep their bytes', () => {
    const text = updated(COMMENTED, (d) => d.instances.splice(0, 1));
    const start = COMMENTED.indexOf('  # The first instance');
    expect(text).toBe(COMMENTED.slice(0, start) + COMMENTED.slice(COMMENTED.indexOf('  # The second instance')));
  });

  it('an added block goes after its siblings, rendered as the renderer writes it; a one-line block is opened to take a line', () => {
    const text = updated(COMMENTED, (d) => {
      segmentOptionOf(d).customer_asn = 65001;
      d.segment_options.push({ segment_id: '${alkira_segment.b.id}', customer_asn: 65002 });
    });
    expect(text).toContain(
      '  segment_options {\n    segment_id   = alkira_segment.a.id\n    customer_asn = 65001\n  }\n\n  segment_options {\n    segment_id   = alkira_segment.b.id\n    customer_asn = 65002\n  }\n\n  lifecycle {',
    );
    expect(text.startsWith(COMMENTED.slice(0, COMMENTED.indexOf('  segment_options {')))).toBe(true);
    expect(designOf(text).segment_options.map((s) => s.customer_asn)).toEqual([65001, 65002]);
  });

  it('an added instance holding gateways and tunnels reads back as the design', () => {
    const text = updated(COMMENTED, (d) => {
      d.tunnel_protocol = 'IPSEC';
      d.instances.push({
        ...structuredClone(instanceOf(d)),
        name: 'third',
        ipsec_customer_gateway: [
          { segment_id: 'seg', customer_gateway: [{ name: 'gw', tunnel: [{ name: 't', initiator: true }] }] },
        ],
      });
    });
    const back = designOf(text);
    expect(back.instances.map((i) => i.name)).toEqual(['primary', 'secondary', 'third']);
    expect(tunnelOf(back, { instance: 2 }).name).toBe('t');
  });
});

describe('stored secrets', () => {
  const tunnelOf = (d: ConnectorDesign, gateway = 0) => at(customerGatewayOf(d, gateway).tunnel, 0);

  it('are never written as text: a mask becomes a variable in a new tunnel, over an inline key, and stays in a variable', () => {
    for (const preSharedKeys of ['inline', 'variable'] as const) {
      const withVariable = EXAMPLE_3.replace(
        'pre_shared_key    = "psk-dmz-primary-123!"',
        'pre_shared_key    = var.dmz_psk',
      );
      const text = updated(
        withVariable,
        (d) => {
          tunnelOf(d, 0).pre_shared_key = STORED_SECRET;
          tunnelOf(d, 1).pre_shared_key = STORED_SECRET;
          customerGatewayOf(d, 1).tunnel.push({ name: 'new', pre_shared_key: STORED_SECRET });
        },
        { preSharedKeys },
      );
      expect(text).not.toContain('stored');
      expect(text).toContain('pre_shared_key    = var.dmz_psk');
      expect(text).not.toContain('variable "dmz_psk"');
      expect(text.match(/pre_shared_key += var\.multi_segment_psk_\d+/g)).toHaveLength(2);
      expect(text).toContain('variable "multi_segment_psk_1" {');
      expect(text).toContain('variable "multi_segment_psk_2" {');
    }
  });

  it('a new literal key in variable mode becomes a variable; its value is not in the file', () => {
    const text = updated(
      EXAMPLE_3,
      (d) => customerGatewayOf(d).tunnel.push({ name: 'new', pre_shared_key: 'typed-secret' }),
      {
        preSharedKeys: 'variable',
      },
    );
    expect(text).not.toContain('typed-secret');
    expect(text).toContain('pre_shared_key = var.multi_segment_psk_1');
  });
});

describe('the resource label', () => {
  it('follows the design, and the edits land in the renamed resource', () => {
    const text = updated(COMMENTED, (d) => {
      d.resource_name = 'west_edge';
      d.size = 'LARGE';
    });
    expect(text).toBe(COMMENTED.replace('"edge" {', '"west_edge" {').replace('size = "SMALL"', 'size = "LARGE"'));
  });

  it('cannot become the label of another connector resource in the file', () => {
    const two = `${COMMENTED}\n${COMMENTED.replace('"edge" {', '"other" {').replace(/^\/\*.*\n/, '')}`;
    const design = designOf(two, 'edge');
    design.resource_name = 'other';
    expect(() => updateConnectorInHcl(two, design, { resource: 'edge' })).toThrow(OperationError);
  });
});
