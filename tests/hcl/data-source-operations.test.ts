/**
 * Catalog picks by name as operations on the file: the pick's `data` block is
 * added once (reused by the next pick of the same name, a distinct label for
 * another name that reads the same), the field gets `data.<type>.<label>.<attr>`,
 * a released block goes, and only those bytes change — judged by the real
 * `terraform fmt`; the module export writes the file's data blocks with the resource.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDesignOperations, type DesignOperation } from '@/lib/connector/hcl/document/operations';
import {
  DATA_SOURCE_KINDS,
  dataSourceExpression,
  dataSourceLabel,
  dataSourceNames,
  dataSourcesOf,
  referencedName,
} from '@/lib/connector/hcl/data-sources';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { renderModule } from '@/lib/connector/export/module';
import { resolveNamedReferences } from '@/lib/connector/data-source-refs';
import { parseHcl } from '@/lib/hcl/parser';
import { terraformFmt } from './terraform-fmt';
import { gatewayOf, instanceOf, segmentOptionOf } from '../helpers/design-parts';
import { at } from '../helpers/present';

const EXAMPLE_3 = readFileSync(path.join(__dirname, '..', 'hcl-parse', 'fixtures', 'example-3.tf'), 'utf8');
const SEGMENT = DATA_SOURCE_KINDS.segment!;
const CREDENTIAL = DATA_SOURCE_KINDS.credential!;

function apply(text: string, ops: DesignOperation[]) {
  return applyDesignOperations(parseHcl(text), ops, {
    resource: 'multi_segment',
    preSharedKeys: 'inline',
    omitDefaults: true,
  }).text;
}

/** The operations a catalog pick of `name` makes at `at`, with the label the file gives it. */
function pick(text: string, at: (string | number)[], kind: typeof SEGMENT, name: string): DesignOperation[] {
  const { label } = dataSourceLabel(dataSourcesOf(parseHcl(text)), kind, name);
  return [
    { kind: 'add-data-source', type: kind.type, label, name },
    { kind: 'set', path: at, value: dataSourceExpression(kind, label) },
  ];
}

const GATEWAY_SEGMENT = ['instances', 0, 'ipsec_customer_gateway', 0, 'segment_id'];

describe('catalog picks as data sources by name', () => {
  it('adds the data block before the resource and sets the field to its id; nothing else changes and fmt agrees', () => {
    const text = apply(EXAMPLE_3, pick(EXAMPLE_3, GATEWAY_SEGMENT, SEGMENT, 'DMZ zone'));
    expect(text).toBe(terraformFmt(text));
    expect(
      text.startsWith(
        'data "alkira_segment" "dmz_zone" {\n  name = "DMZ zone"\n}\n\nresource "alkira_connector_azure_expressroute" "multi_segment" {\n',
      ),
    ).toBe(true);
    expect(text).toContain('      segment_id = data.alkira_segment.dmz_zone.id\n');
    // Only the block and the one value: put the old value back and drop the block, and it is the original byte for byte.
    const back = text
      .replace('data "alkira_segment" "dmz_zone" {\n  name = "DMZ zone"\n}\n\n', '')
      .replace('segment_id = data.alkira_segment.dmz_zone.id', 'segment_id = alkira_segment.dmz.id');
    expect(back).toBe(EXAMPLE_3);
    // The importer reads the expression, and the file's data blocks name what it looks up.
    const design = at(parseConnectorHcl(text).designs, 0).design;
    const value = gatewayOf(design).segment_id;
    expect(value).toBe('${data.alkira_segment.dmz_zone.id}');
    expect(referencedName(SEGMENT, value, dataSourceNames(dataSourcesOf(parseHcl(text))))).toBe('DMZ zone');
    // The lookup is part of the design: not noted as an ignored block (one nothing refers to still is).
    const notes = (t: string) =>
      parseConnectorHcl(t)
        .diagnostics.map((d) => d.message)
        .filter((m) => m.startsWith('Ignored data source'));
    expect(notes(text)).toEqual([]);
    expect(notes(`data "alkira_segment" "spare" {\n  name = "spare"\n}\n\n${text}`)).toEqual([
      expect.stringMatching(/^Ignored data source "alkira_segment" "spare"/),
    ]);
  });

  it('reuses the block of a name already looked up, and gives another name that reads the same its own label', () => {
    let text = apply(EXAMPLE_3, pick(EXAMPLE_3, GATEWAY_SEGMENT, SEGMENT, 'dmz'));
    text = apply(text, pick(text, ['segment_options', 0, 'segment_id'], SEGMENT, 'dmz'));
    expect(text.match(/data "alkira_segment"/g)).toHaveLength(1);
    expect(text.match(/= data\.alkira_segment\.dmz\.id/g)).toHaveLength(2);
    text = apply(text, pick(text, ['segment_options', 1, 'segment_id'], SEGMENT, 'DMZ'));
    expect(text).toContain(
      'data "alkira_segment" "dmz" {\n  name = "dmz"\n}\n\ndata "alkira_segment" "dmz_2" {\n  name = "DMZ"\n}\n\nresource',
    );
    expect(text).toContain('= data.alkira_segment.dmz_2.id');
    // A credential is looked up by its own data source, after the segments'.
    text = apply(text, pick(text, ['instances', 0, 'credential_id'], CREDENTIAL, 'azure-prod'));
    expect(text).toContain(
      'data "alkira_segment" "dmz_2" {\n  name = "DMZ"\n}\n\ndata "alkira_credential" "azure_prod" {\n  name = "azure-prod"\n}\n\nresource',
    );
    expect(text).toContain('credential_id           = data.alkira_credential.azure_prod.credential_id\n');
    expect(text).toBe(terraformFmt(text));
  });

  it('a pick changed away releases its block only when nothing else refers to it', () => {
    let text = apply(EXAMPLE_3, pick(EXAMPLE_3, GATEWAY_SEGMENT, SEGMENT, 'dmz'));
    text = apply(text, pick(text, ['segment_options', 0, 'segment_id'], SEGMENT, 'dmz'));
    const release: DesignOperation = { kind: 'release-data-source', type: 'alkira_segment', label: 'dmz' };
    // Still referred to by the segment options: it stays.
    text = apply(text, [...pick(text, GATEWAY_SEGMENT, SEGMENT, 'internal'), release]);
    expect(text).toContain('data "alkira_segment" "dmz"');
    text = apply(text, [...pick(text, ['segment_options', 0, 'segment_id'], SEGMENT, 'internal'), release]);
    expect(text).not.toContain('data "alkira_segment" "dmz"');
    expect(text.startsWith('data "alkira_segment" "internal" {\n  name = "internal"\n}\n\nresource')).toBe(true);
    expect(text).toBe(terraformFmt(text));
  });

  it('refuses a label that already looks up another name (a stale pick), leaving the file as it was', () => {
    const text = apply(EXAMPLE_3, pick(EXAMPLE_3, GATEWAY_SEGMENT, SEGMENT, 'dmz'));
    expect(() =>
      apply(text, [{ kind: 'add-data-source', type: 'alkira_segment', label: 'dmz', name: 'other' }]),
    ).toThrow(/another name/);
  });

  it('the module export writes the file’s data blocks with the resource that refers to them', () => {
    const text = apply(EXAMPLE_3, pick(EXAMPLE_3, GATEWAY_SEGMENT, SEGMENT, 'dmz'));
    const design = at(parseConnectorHcl(text).designs, 0).design;
    const main = renderModule([{ design }], { dataSources: dataSourcesOf(parseHcl(text)) })['main.tf'];
    expect(main.startsWith('data "alkira_segment" "dmz" {\n  name = "dmz"\n}\n')).toBe(true);
    expect(main).toContain('segment_id = data.alkira_segment.dmz.id');
    expect(main).toBe(terraformFmt(main));
  });
});

describe('provisioning picks by name', () => {
  const TENANT = {
    segment: [
      { id: 7, name: 'dmz' },
      { id: 9, name: 'internal' },
    ],
    credential: [{ id: 'c-1f', name: 'azure-prod' }],
    group: [{ id: 3, name: 'security' }],
    billing_tag: [{ id: 101, name: 'prod' }],
  };

  function pickedFile(): string {
    let text = apply(EXAMPLE_3, pick(EXAMPLE_3, GATEWAY_SEGMENT, SEGMENT, 'dmz'));
    text = apply(text, pick(text, ['instances', 0, 'credential_id'], CREDENTIAL, 'azure-prod'));
    text = apply(text, pick(text, ['group'], DATA_SOURCE_KINDS.group!, 'security'));
    return apply(text, pick(text, ['segment_options', 1, 'segment_id'], SEGMENT, 'gone'));
  }

  it('resolves each field by the name its data block looks up to the catalog id (a group to its name), and names the field whose name the tenant lacks', () => {
    const text = pickedFile();
    const design = at(parseConnectorHcl(text).designs, 0).design;
    const { design: sent, problems } = resolveNamedReferences(
      design,
      dataSourceNames(dataSourcesOf(parseHcl(text))),
      TENANT,
    );
    expect(gatewayOf(sent).segment_id).toBe('7');
    expect(instanceOf(sent).credential_id).toBe('c-1f');
    expect(sent.group).toBe('security');
    // Written otherwise: untouched.
    expect(segmentOptionOf(sent).segment_id).toBe('${alkira_segment.dmz.id}');
    expect(problems).toEqual([
      {
        path: 'segment_options.1.segment_id',
        value: '${data.alkira_segment.gone.id}',
        message: 'The tenant has no segment named "gone" (data.alkira_segment.gone); pick a segment from the tenant',
      },
    ]);
    // The design read from the file is not changed.
    expect(instanceOf(design).credential_id).toBe('${data.alkira_credential.azure_prod.credential_id}');
  });

  it('a field that refers to a data block the file does not have is a problem at that field', () => {
    const text = pickedFile().replace(/data "alkira_credential" "azure_prod" \{\n  name = "azure-prod"\n\}\n\n/, '');
    const design = at(parseConnectorHcl(text).designs, 0).design;
    const { problems } = resolveNamedReferences(design, dataSourceNames(dataSourcesOf(parseHcl(text))), TENANT);
    expect(problems.map((p) => p.path)).toEqual(['instances.0.credential_id', 'segment_options.1.segment_id']);
    expect(at(problems, 0).message).toMatch(/^data\.alkira_credential\.azure_prod is not a data block of this file/);
  });
});
