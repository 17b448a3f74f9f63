import { describe, expect, it } from 'vitest';
import { judgeEditorParse } from '@/components/designer/editor-design';
import { secretsFromDesign, withSecrets } from '@/components/designer/document-secrets';
import type { ConnectorDesign } from '@/lib/connector/design';
import { STORED_SECRET } from '@/lib/connector/stored-secret';

/** The form's keys as the designer keeps them for a file rendered from `form`, put back into a design read from `parsed`. */
function keepFormKeys(parsed: ConnectorDesign, form: ConnectorDesign): ConnectorDesign {
  return withSecrets(parsed, secretsFromDesign(renderConnectorHcl(form), form));
}
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { listPskVariables, renderConnectorHcl } from '@/lib/connector/hcl/render';
import { DESIGN_TEMPLATES } from '@/lib/connector/templates';
import { checkEditorText } from '@/components/designer/editor-text-check';
import { tunnelOf } from '../helpers/design-parts';
import { at, take } from '../helpers/present';
import { largeIpsecDesign } from '../../scripts/bench-designs';

const ipsec = DESIGN_TEMPLATES.find((t) => JSON.stringify(t.design).includes('pre_shared_key'))!.design;

describe('editor → form round trip', () => {
  it('keeps the literal keys behind the generated variables', () => {
    const parsed = parseConnectorHcl(renderConnectorHcl(ipsec));
    const outcome = judgeEditorParse(parsed);
    expect(outcome.status).toBe('synced');
    if (outcome.status !== 'synced') return;
    const merged = keepFormKeys(outcome.design, ipsec);
    expect(renderConnectorHcl(merged, { preSharedKeys: 'inline' })).toBe(
      renderConnectorHcl(ipsec, { preSharedKeys: 'inline' }),
    );
  });

  it('keeps a key only while the file uses its variable (var.x_psk_1 is not var.x_psk_10)', () => {
    const design = largeIpsecDesign(1, 1, 3, 4);
    const names = listPskVariables(design).map((v) => v.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    const first = at(names, 0);
    const tenth = at(names, 9);
    expect(tenth.startsWith(first)).toBe(true);
    const hcl = renderConnectorHcl(design).replace(`= var.${first}\n`, '= var.shared_psk\n');
    const secrets = secretsFromDesign(hcl, design);
    expect(secrets.has(first)).toBe(false);
    expect(secrets.has(tenth)).toBe(true);
    expect(secrets.size).toBe(names.length - 1);
  });

  it('takes any other reference as written', () => {
    const [first] = take(listPskVariables(ipsec), 1);
    const hcl = renderConnectorHcl(ipsec).replace(`= var.${first.name}\n`, '= var.shared_psk\n');
    const outcome = judgeEditorParse(parseConnectorHcl(hcl));
    if (outcome.status !== 'synced') throw new Error('expected a design');
    const merged = keepFormKeys(outcome.design, ipsec);
    expect(JSON.stringify(merged)).toContain('"pre_shared_key":"${var.shared_psk}"');
  });

  it('keeps the literal keys of the tunnels after a block deleted in the editor (their positions shift)', () => {
    const multiSegment = DESIGN_TEMPLATES.find((t) => t.id === 'multi-segment-ipsec')!.design;
    const hcl = renderConnectorHcl(multiSegment);
    const first = hcl.indexOf('      customer_gateway {');
    const second = hcl.indexOf('      customer_gateway {', first + 1);
    const outcome = judgeEditorParse(parseConnectorHcl(hcl.slice(0, first) + hcl.slice(second)));
    if (outcome.status !== 'synced') throw new Error('expected a design');
    const merged = keepFormKeys(outcome.design, multiSegment);
    const keys = (d: typeof multiSegment) =>
      d.instances.flatMap((i) =>
        (i.ipsec_customer_gateway ?? []).flatMap((g) =>
          g.customer_gateway.flatMap((c) => c.tunnel.map((t) => t.pre_shared_key)),
        ),
      );
    expect(keys(merged)).toEqual(keys(multiSegment).slice(1));
    expect(JSON.stringify(merged)).not.toContain('${var.');
  });

  it('does not apply text with syntax errors or without a connector', () => {
    expect(judgeEditorParse(parseConnectorHcl(renderConnectorHcl(ipsec).replace('{', '{ =')))).toMatchObject({
      status: 'syntax',
    });
    expect(judgeEditorParse(parseConnectorHcl('variable "x" {}\n'))).toMatchObject({
      status: 'resource-count',
      resourceCount: 0,
    });
  });

  it('picks the chosen connector of several: by label, else at the same position, else the first', () => {
    const a = renderConnectorHcl({ ...ipsec, resource_name: 'alpha', name: 'alpha-site' }, { preSharedKeys: 'inline' });
    const b = renderConnectorHcl({ ...ipsec, resource_name: 'beta', name: 'beta-site' }, { preSharedKeys: 'inline' });
    const parsed = parseConnectorHcl(`${a}\n${b}`);
    const pick = (choice: { label?: string; index?: number }) => {
      const outcome = judgeEditorParse(parsed, choice);
      return outcome.status === 'synced' ? [outcome.resource, outcome.design.name, outcome.resources] : outcome.status;
    };
    expect(pick({ label: 'beta' })).toEqual(['beta', 'beta-site', ['alpha', 'beta']]);
    expect(pick({ label: 'renamed', index: 1 })).toEqual(['beta', 'beta-site', ['alpha', 'beta']]);
    expect(pick({})).toEqual(['alpha', 'alpha-site', ['alpha', 'beta']]);
  });

  it('keeps a literal key behind its variable after a gateway rename (variable names do not follow gateway names)', () => {
    const outcome = judgeEditorParse(parseConnectorHcl(renderConnectorHcl(ipsec)));
    if (outcome.status !== 'synced') throw new Error('expected a design');
    at(
      at(
        outcome.design.instances.flatMap((i) => i.ipsec_customer_gateway ?? []),
        0,
      ).customer_gateway,
      0,
    ).name = 'renamed-gateway';
    expect(JSON.stringify(keepFormKeys(outcome.design, ipsec))).not.toContain('${var.');
  });
});

describe("the editor's diagnostics panel", () => {
  it("leaves out the rule findings of the resource the form holds (the error summary lists them) and keeps the other resource's", () => {
    const bad = structuredClone(ipsec);
    bad.name = '';
    const first = renderConnectorHcl({ ...bad, resource_name: 'first' }, { preSharedKeys: 'inline' });
    const second = renderConnectorHcl({ ...bad, resource_name: 'second' }, { preSharedKeys: 'inline' });
    const text = `${first}\n${second}\n# a stray attribute\nfoo = 1\n`;
    const check = checkEditorText(text, { label: 'second' });
    expect(check.outcome.status).toBe('syntax');
    const readable = checkEditorText(`${first}\n${second}`, { label: 'second' });
    expect(readable.outcome.status).toBe('synced');
    const nameFindings = (resource: string) =>
      readable.panel.filter((d) => d.resource === resource && d.path === 'name');
    expect(readable.shown.filter((d) => d.path === 'name' && d.resource === 'second').length).toBeGreaterThan(0);
    expect(nameFindings('second')).toEqual([]);
    expect(nameFindings('first').length).toBeGreaterThan(0);
    // Text that cannot replace the form: every finding stays in the panel.
    expect(check.panel).toEqual(check.shown);
  });
});

describe('a stored secret through the editor', () => {
  it("keeps the form's stored remote auth value (the editor shows its variable), so the stored value is not replaced by a reference", () => {
    const form = structuredClone(ipsec);
    const tunnel = tunnelOf(form);
    tunnel.remote_auth_value = STORED_SECRET;
    const hcl = renderConnectorHcl(form);
    const variable = listPskVariables(form).find((v) => v.path.endsWith('.remote_auth_value'))!;
    expect(hcl).toContain(`remote_auth_value = var.${variable.name}`);
    const outcome = judgeEditorParse(parseConnectorHcl(hcl));
    if (outcome.status !== 'synced') throw new Error('expected a design');
    const merged = keepFormKeys(outcome.design, form);
    expect(tunnelOf(merged).remote_auth_value).toEqual(STORED_SECRET);
    expect(JSON.stringify(merged)).not.toContain(`\${var.${variable.name}}`);
  });
});
