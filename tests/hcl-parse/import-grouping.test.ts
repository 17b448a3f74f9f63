/** The import dialog's attribution of diagnostics to the resources it lists. */
import { describe, expect, it } from 'vitest';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { groupImportDiagnostics } from '@/components/import/resource-diagnostics';
import { connector, positionOf } from './helpers';
import { at } from '../helpers/present';

describe('groupImportDiagnostics', () => {
  it('gives each of two resources with the same label only its own diagnostics', () => {
    const first = connector('dup').replace('customer_asn = 65001', 'customer_asn = "65oo1"');
    const second = connector('dup').replace('vhub_prefix = "10.1.0.0/23"', 'vhub_prefix = "10.1.0.7/23"');
    const text = `${first}\n${second}`;
    const parsed = parseConnectorHcl(text);
    expect(parsed.designs.map((d) => d.resource_name)).toEqual(['dup', 'dup']);
    expect(parsed.designs.every((d) => d.range && d.range.from < d.range.to)).toBe(true);

    const { byResource, fileNotes } = groupImportDiagnostics(parsed);
    const secondStart = text.indexOf(second);
    expect(byResource).toHaveLength(2);
    // Every diagnostic of a resource lies in its own block, and each is listed once.
    expect(at(byResource, 0).length).toBeGreaterThan(0);
    expect(at(byResource, 1).length).toBeGreaterThan(0);
    for (const d of at(byResource, 0)) expect(d.from).toBeLessThan(secondStart);
    for (const d of at(byResource, 1)) expect(d.from).toBeGreaterThanOrEqual(secondStart);
    expect(at(byResource, 0).length + at(byResource, 1).length + fileNotes.length).toBe(parsed.diagnostics.length);

    expect(at(byResource, 0).map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^customer_asn must be a number/),
    );
    expect(at(byResource, 0).some((d) => d.path === 'vhub_prefix')).toBe(false);
    expect(at(byResource, 1).some((d) => d.path === 'vhub_prefix')).toBe(true);
    expect(at(byResource, 1).some((d) => /^customer_asn must be a number/.test(d.message))).toBe(false);
    // The duplicate label is the second block's error.
    const duplicate = at(byResource, 1).find((d) => d.message.startsWith('Duplicate resource'));
    expect(duplicate).toMatchObject({ line: at(parsed.designs, 1).line, column: positionOf(text, '"dup"').column });
    expect(at(byResource, 0).some((d) => d.message.startsWith('Duplicate resource'))).toBe(false);
  });

  it('keeps diagnostics of no resource, and of differently labelled resources, apart', () => {
    const text = `variable "x" {}\n${connector('a').replace('customer_asn = 65001', 'customer_asn = "x"')}\n${connector('b')}`;
    const parsed = parseConnectorHcl(text);
    const { byResource, fileNotes } = groupImportDiagnostics(parsed);
    expect(fileNotes.map((d) => d.message)).toEqual([expect.stringMatching(/^Ignored variable block "x"/)]);
    expect(at(byResource, 0).map((d) => d.resource)).toEqual(at(byResource, 0).map(() => 'a'));
    expect(at(byResource, 0).length).toBeGreaterThan(0);
    expect(byResource[1]).toEqual([]);
  });
});
