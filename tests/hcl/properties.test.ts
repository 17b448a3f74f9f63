import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listPskVariables, renderConnectorHcl } from '@/lib/connector/hcl/render';
import type { ConnectorDesign, HclRenderOptions } from '@/lib/connector/design';
import { formStateArb, nastyDesignArb, validDesignArb } from '../helpers/arbitraries';
import { terraformFmt } from './terraform-fmt';
import { escapeHclString } from '@/lib/connector/hcl/strings';
import { isExpression } from '@/lib/connector/design';

function allLiteralPsks(design: ConnectorDesign): string[] {
  return design.instances.flatMap((instance) =>
    (instance.ipsec_customer_gateway ?? []).flatMap((gateway) =>
      gateway.customer_gateway.flatMap((customerGateway) =>
        customerGateway.tunnel.flatMap((tunnel) =>
          typeof tunnel.pre_shared_key === 'string' &&
          tunnel.pre_shared_key !== '' &&
          !isExpression(tunnel.pre_shared_key)
            ? [tunnel.pre_shared_key]
            : [],
        ),
      ),
    ),
  );
}

const optionsArb: fc.Arbitrary<HclRenderOptions> = fc.record(
  { omitDefaults: fc.boolean(), preSharedKeys: fc.constantFrom<'variable' | 'inline'>('variable', 'inline') },
  { requiredKeys: [] },
);

/** Several designs per terraform call keep the subprocess count (and run time) down. */
const BATCH = 5;

function assertFmtStable(designArb: fc.Arbitrary<ConnectorDesign>, numRuns: number): void {
  fc.assert(
    fc.property(fc.array(fc.tuple(designArb, optionsArb), { minLength: BATCH, maxLength: BATCH }), (cases) => {
      const hcl = cases.map(([design, options]) => renderConnectorHcl(design, options)).join('\n');
      expect(terraformFmt(hcl)).toBe(hcl);
    }),
    { numRuns },
  );
}

describe('rendered HCL is terraform-fmt stable', () => {
  it('for valid designs', () => assertFmtStable(validDesignArb, 20));

  it('for designs with quotes, backslashes, template openers, control characters and unicode in free text', () =>
    assertFmtStable(nastyDesignArb, 20));
});

describe('rendering invariants', () => {
  it('never leaks a literal pre-shared key in variable mode', () => {
    fc.assert(
      fc.property(nastyDesignArb, (design) => {
        const hcl = renderConnectorHcl(design);
        const variables = listPskVariables(design);
        expect(new Set(variables.map((v) => v.name)).size).toBe(variables.length);
        for (const { name } of variables) expect(hcl).toContain(`= var.${name}\n`);
        // Every key is a variable reference or a user-written expression, never a quoted literal.
        expect(hcl).not.toMatch(/pre_shared_key += "/);
        for (const psk of allLiteralPsks(design)) {
          if (psk.length >= 8) expect(hcl).not.toContain(escapeHclString(psk));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary form state, and always yields one resource ending in a single newline', () => {
    fc.assert(
      fc.property(formStateArb, optionsArb, (state, options) => {
        const hcl = renderConnectorHcl(state as ConnectorDesign, options);
        expect(hcl).toMatch(
          /^(variable "[^"\n]+" \{\n[\s\S]*?\n\}\n\n)*resource "alkira_connector_azure_expressroute" "[A-Za-z_][A-Za-z0-9_-]*" \{\n/,
        );
        expect(hcl.endsWith('}\n')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
