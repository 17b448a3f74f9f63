/**
 * The .tf file stored next to a design version: what `checkDesignFile`
 * accepts (the designer's file: keys as variables, comments, other blocks)
 * and refuses (syntax errors, the design's connector missing or twice, a
 * sensitive value written in the file, text beyond the HCL input limits),
 * each refusal naming the place and never the value; and the route's zod
 * contract of `hcl` with its statuses.
 */
import { describe, expect, it } from 'vitest';
import { checkDesignFile, MAX_DESIGN_FILE_BYTES, utf8Length } from '@/lib/connector/design-file';
import { parseDesignFileField } from '@/lib/http/workspace-body';
import { ApiError } from '@/lib/http/response';
import { parsedDesign } from '../helpers/designs';
import { designWithFile } from '../helpers/design-file';
import { at } from '../helpers/present';

const { hcl: FILE, label: LABEL, design: DESIGN } = designWithFile('file-check');
const TUNNEL0 = `alkira_connector_azure_expressroute.${LABEL}.instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0`;
const SECRET = 'Sup3r-s3cret-psk!';

/** The file with the first tunnel's pre_shared_key written as `value`. */
const withFirstKey = (value: string) =>
  FILE.replace(`pre_shared_key    = var.${LABEL}_psk_1`, `pre_shared_key    = ${value}`);

function refused(text: string, label = LABEL) {
  const check = checkDesignFile(text, label);
  expect(check.ok).toBe(false);
  return check;
}

describe('checkDesignFile', () => {
  it("accepts the designer's file: keys as variables, comments, other blocks, CRLF line ends", () => {
    expect(checkDesignFile(FILE, LABEL)).toEqual({ ok: true, summary: '', problems: [] });
    expect(checkDesignFile(FILE.replace(/\n/g, '\r\n'), LABEL).ok).toBe(true);
  });

  it.each([
    ['a quoted string', `"${SECRET}"`],
    ['a heredoc', `<<EOT\n${SECRET}\nEOT`],
    ['an interpolated literal', `"\${"${SECRET}"}"`],
    ['a function of literals', `sensitive("${SECRET}")`],
    ['a number', '123456789'],
    ['the mask', '"********"'],
  ])(
    'refuses a pre-shared key written in the file as %s, naming its path and line but not its value',
    (_what, value) => {
      const check = refused(withFirstKey(value));
      expect(check.problems).toHaveLength(1);
      expect(check.problems[0]).toMatchObject({ kind: 'invalid', line: expect.any(Number) });
      expect(at(check.problems, 0).message).toContain(`${TUNNEL0}.pre_shared_key`);
      expect(check.summary).toMatch(/writes a sensitive value in clear: .*pre_shared_key \(line \d+\)/);
      expect(JSON.stringify(check)).not.toContain(SECRET);
      expect(JSON.stringify(check)).not.toContain('123456789');
    },
  );

  it('refuses a literal remote auth value and a key in a dynamic block', () => {
    const auth = refused(
      FILE.replace(`remote_auth_value = var.${LABEL}_auth_2`, 'remote_auth_value = "gw.example.com"'),
    );
    expect(at(auth.problems, 0).message).toContain(
      `alkira_connector_azure_expressroute.${LABEL}.instances.0.ipsec_customer_gateway.1.customer_gateway.0.tunnel.0.remote_auth_value`,
    );
    expect(JSON.stringify(auth)).not.toContain('gw.example.com');
    const dynamic = FILE.replace(
      '      customer_gateway {\n        name = "internal-backup-gateway"',
      `      dynamic "customer_gateway" {\n        for_each = var.gateways\n        content {\n          name = customer_gateway.value\n          tunnel {\n            name           = "t"\n            pre_shared_key = "${SECRET}"\n          }\n        }\n      }\n      customer_gateway {\n        name = "internal-backup-gateway"`,
    );
    const check = refused(dynamic);
    expect(at(check.problems, 0).message).toContain(
      '.ipsec_customer_gateway.1.dynamic.customer_gateway.0.content.0.tunnel.0.pre_shared_key',
    );
    expect(JSON.stringify(check)).not.toContain(SECRET);
  });

  it('accepts references of every kind, an empty key and null', () => {
    for (const value of [
      'local.keys.dmz',
      'lookup(var.keys, "dmz")',
      'data.vault_generic_secret.psk.data["dmz"]',
      '"${var.prefix}${var.rest}"',
      'var.use ? var.a : var.b',
      '""',
      'null',
    ]) {
      expect(checkDesignFile(withFirstKey(value), LABEL).ok, value).toBe(true);
    }
    // A dynamic block's iterator is a reference too.
    const each = FILE.replace(
      '      customer_gateway {\n        name = "internal-backup-gateway"',
      '      dynamic "customer_gateway" {\n        for_each = var.gateways\n        content {\n          name = customer_gateway.key\n          tunnel {\n            name           = "t"\n            pre_shared_key = customer_gateway.value.psk\n          }\n        }\n      }\n      customer_gateway {\n        name = "internal-backup-gateway"',
    );
    expect(checkDesignFile(each, LABEL).ok).toBe(true);
  });

  it('refuses the secret one step away: a variable default or local value the key uses, or any sensitive variable default', () => {
    const byDefault = refused(
      FILE.replace(
        `variable "${LABEL}_psk_1" {\n  type      = string\n`,
        `variable "${LABEL}_psk_1" {\n  type      = string\n  default   = "${SECRET}"\n`,
      ),
    );
    expect(byDefault.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^variable\\.${LABEL}_psk_1\\.default \\(line \\d+\\) is the default of a sensitive variable`),
      ),
    ]);
    const unusedSensitive = refused(`${FILE}\nvariable "spare" {\n  sensitive = true\n  default   = "${SECRET}"\n}\n`);
    expect(at(unusedSensitive.problems, 0).message).toMatch(/^variable\.spare\.default/);
    const local = refused(
      `${withFirstKey('local.dmz_psk')}\nlocals {\n  dmz_psk = "${SECRET}"\n  region  = "west"\n}\n`,
    );
    expect(local.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^local\.dmz_psk \(line \d+\) is a local value that a sensitive attribute uses/),
    ]);
    for (const check of [byDefault, unusedSensitive, local]) expect(JSON.stringify(check)).not.toContain(SECRET);
    // A plain variable with a default that no key uses is just configuration.
    expect(checkDesignFile(`${FILE}\nvariable "region" {\n  default = "west"\n}\n`, LABEL).ok).toBe(true);
  });

  it('refuses a syntax error with its line, without echoing the unterminated value', () => {
    const check = refused(withFirstKey(`"${SECRET}`));
    expect(check.summary).toMatch(/^"hcl" has \d+ syntax errors?; the first, on line \d+: /);
    expect(at(check.problems, 0).line).toBeGreaterThan(0);
    expect(JSON.stringify(check)).not.toContain(SECRET);
    expect(
      refused(FILE.replace('  size            = "2LARGE"', '  size            = "2LARGE"\n  size            = "LARGE"'))
        .summary,
    ).toMatch(/syntax error/);
  });

  it("refuses a file without the design's connector, with another label, or with it twice", () => {
    expect(refused('variable "x" {}\n').summary).toBe(
      `"hcl" has no resource "alkira_connector_azure_expressroute"; it must hold the design's, labelled "${LABEL}" (its resource_name)`,
    );
    expect(refused(FILE, 'other_label').summary).toBe(
      `"hcl" has no resource "alkira_connector_azure_expressroute" labelled "other_label" (the design's resource_name); its connector is labelled "${LABEL}"`,
    );
    const resource = FILE.slice(
      FILE.indexOf('resource "alkira_connector_azure_expressroute"'),
      FILE.indexOf('/* Not part'),
    );
    expect(refused(`${FILE}\n${resource}`).summary).toMatch(
      new RegExp(`defines resource "alkira_connector_azure_expressroute" "${LABEL}" 2 times \\(lines \\d+, \\d+\\)`),
    );
    // Other connectors next to it are fine.
    expect(checkDesignFile(`${FILE}\n${resource.replace(`"${LABEL}"`, '"neighbour"')}`, LABEL).ok).toBe(true);
  });

  it('refuses text beyond the HCL input limits: size (as too large), control characters, unpaired surrogates, over-long strings', () => {
    const big = `${FILE}${'#'.repeat(MAX_DESIGN_FILE_BYTES)}\n`;
    const tooLarge = refused(big);
    expect(at(tooLarge.problems, 0).kind).toBe('too-large');
    expect(tooLarge.summary).toMatch(/^"hcl" is [\d,]+ bytes; at most 1,048,576 \(1 MiB\) are accepted$/);
    // Bytes, not characters: 400,000 three-byte characters are 1.2 MB.
    expect(refused(`${FILE}# ${'東'.repeat(400_000)}\n`).problems[0]?.kind).toBe('too-large');
    expect(refused(`${FILE}# \u0000\n`).summary).toMatch(/control character \(U\+0000\) on line \d+/);
    expect(refused(`${FILE}# \ud800\n`).summary).toMatch(/unpaired UTF-16 surrogate/);
    expect(refused(FILE.replace('  cxp ', `  description     = "${'x'.repeat(10_001)}"\n  cxp `)).summary).toMatch(
      /beyond the HCL input limits: This string is 10,001 characters long/,
    );
  });

  it('counts UTF-8 bytes as they are stored', () => {
    for (const text of ['', 'abc', 'Zürich', '東京', '😀', 'a\u00e9\u20ac\u{1f600}'])
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });
});

describe('the hcl field of create and save (zod contract)', () => {
  const design = parsedDesign(DESIGN);
  const status = (body: Record<string, unknown>) => {
    try {
      parseDesignFileField(body, design);
      return 'accepted';
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, error: err.message, errors: err.extra.errors };
      throw err;
    }
  };

  it('takes the file text as sent, null or no file at all', () => {
    expect(parseDesignFileField({ hcl: FILE }, design)).toBe(FILE);
    expect(parseDesignFileField({ hcl: null }, design)).toBeNull();
    expect(parseDesignFileField({}, design)).toBeNull();
  });

  it('answers 400 for a non-string, 413 when too large, 422 with each problem at path "hcl"', () => {
    expect(status({ hcl: 42 })).toEqual({
      status: 400,
      error: '"hcl" must be the text of the .tf file (a string), or null for none',
      errors: undefined,
    });
    expect(status({ hcl: { text: FILE } })).toMatchObject({ status: 400 });
    expect(status({ hcl: FILE + '#'.repeat(MAX_DESIGN_FILE_BYTES) })).toMatchObject({
      status: 413,
      errors: [{ path: 'hcl', message: expect.stringMatching(/1 MiB/) }],
    });
    const secret = status({ hcl: withFirstKey(`"${SECRET}"`) });
    expect(secret).toMatchObject({
      status: 422,
      error: expect.stringMatching(/in clear/),
      errors: [
        {
          path: 'hcl',
          message: expect.stringContaining('pre_shared_key'),
          line: expect.any(Number),
          column: expect.any(Number),
        },
      ],
    });
    expect(JSON.stringify(secret)).not.toContain(SECRET);
    expect(status({ hcl: FILE.replace(`"${LABEL}"`, '"renamed"') })).toMatchObject({
      status: 422,
      error: expect.stringMatching(/labelled "file_check" \(the design's resource_name\)/),
    });
  });
});
