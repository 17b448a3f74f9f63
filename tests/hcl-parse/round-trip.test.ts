/**
 * Round trips between the renderer and the importer, property-based.
 *
 * Normalization (why the sides are comparable): the importer stores what the
 * HCL says, as Terraform reads it, so
 * - numbers come back as numbers (the generator also makes numeric strings);
 * - attributes at their provider default come back only when written: with
 *   omitDefaults:false every default is written and must come back as is;
 *   with omitDefaults:true both sides are compared after filling defaults;
 * - unset optional values ('' text, empty lists) are not written and do not
 *   come back;
 * - lone UTF-16 surrogates are written as U+FFFD by the renderer.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULTS, isExpression, expressionBody, type ConnectorDesign } from '@/lib/connector/design';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { validDesignArb } from '../helpers/arbitraries';
import { terraformFmt } from '../hcl/terraform-fmt';
import { errorsOf } from './helpers';
import { at } from '../helpers/present';

type Json = Record<string, unknown>;

const NUMERIC_KEYS = new Set(['customer_asn', 'profile_id']);
const NUMERIC_LIST_KEYS = new Set(['virtual_network_interface', 'billing_tag_ids']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const toNumber = (v: unknown) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v);

/** The design as the importer must return it (see the header). */
function normalize(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => (NUMERIC_LIST_KEYS.has(key) ? toNumber(item) : normalize(item)));
  if (typeof value === 'string')
    return NUMERIC_KEYS.has(key) ? toNumber(value) : value.replace(LONE_SURROGATE, '\ufffd');
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (
      v === undefined ||
      v === '' ||
      (Array.isArray(v) && v.length === 0 && k !== 'instances' && k !== 'segment_options')
    )
      continue;
    out[k] = normalize(v, k);
  }
  return out;
}

/** Provider defaults filled in wherever the attribute is absent. */
function withDefaults(design: ConnectorDesign): Json {
  const d: ConnectorDesign = structuredClone(design);
  d.enabled ??= DEFAULTS.enabled;
  d.tunnel_protocol ??= DEFAULTS.tunnel_protocol;
  for (const instance of d.instances) {
    instance.redundant_router ??= DEFAULTS.redundant_router;
    for (const g of instance.ipsec_customer_gateway ?? [])
      for (const c of g.customer_gateway) for (const t of c.tunnel) t.initiator ??= DEFAULTS.initiator;
  }
  for (const option of d.segment_options) {
    option.disable_internet_exit ??= DEFAULTS.disable_internet_exit;
    option.advertise_on_prem_routes ??= DEFAULTS.advertise_on_prem_routes;
  }
  return d;
}

/**
 * The renderer writes any `${…}` value bare; values whose body is not an
 * expression (`${ }`, `${a}}${b}`, from the nasty-string generator) cannot
 * round-trip by construction, so they are left out.
 */
function expressionsWellFormed(value: unknown): boolean {
  if (typeof value === 'string')
    return (
      !isExpression(value) ||
      (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(value.slice(2, -1)) && expressionBody(value) === value.slice(2, -1))
    );
  if (Array.isArray(value)) return value.every(expressionsWellFormed);
  if (value && typeof value === 'object') return Object.values(value).every(expressionsWellFormed);
  return true;
}

const designArb = validDesignArb.filter(expressionsWellFormed);

/** Terraform normalises every string to Unicode NFC when it reads a file; so does the importer. */
function nfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)])) as T;
  return value;
}

/** Designs whose strings are already NFC: their canonical file is what `terraform fmt` (which keeps bytes) leaves. */
const nfcDesignArb = designArb.filter((d) => JSON.stringify(d) === JSON.stringify(nfc(d)));

describe('parse(render(design)) gives the design back', () => {
  it('for generated valid designs, with and without defaults written', () => {
    fc.assert(
      fc.property(designArb, fc.boolean(), (design, omitDefaults) => {
        const hcl = renderConnectorHcl(design, { preSharedKeys: 'inline', omitDefaults });
        const { designs, diagnostics } = parseConnectorHcl(hcl);
        expect(errorsOf(diagnostics)).toEqual([]);
        expect(designs).toHaveLength(1);
        const expected = nfc(normalize(design)) as ConnectorDesign;
        const actual = at(designs, 0).design;
        if (omitDefaults) expect(withDefaults(actual)).toEqual(withDefaults(expected));
        else expect(actual).toEqual(withDefaults(expected));
      }),
      { numRuns: 100 },
    );
  });
});

/** Re-indents lines and re-spaces `name = ` at random, and adds a comment: what terraform fmt undoes. */
function mangle(hcl: string, seed: number[]): string {
  let i = 0;
  const next = () => at(seed, i++ % seed.length);
  return hcl
    .split('\n')
    .map((line) => {
      const m = /^(\s*)([a-z_]+)(\s*)= (.*)$/.exec(line);
      if (m)
        return `${' '.repeat(next())}${m[2]}${' '.repeat(next())}=${' '.repeat(1 + next())}${m[4]}${' '.repeat(next())}`;
      return line.trim() === '' ? line : ' '.repeat(next()) + line.trimStart();
    })
    .join('\n')
    .replace(/^(resource .*\{)$/m, '$1\n  # imported from elsewhere');
}

const BATCH = 4;

describe('render(parse(hcl)) is terraform fmt of hcl', () => {
  it('for canonical HCL of generated designs (comments aside)', () => {
    fc.assert(
      fc.property(
        fc.array(nfcDesignArb, { minLength: BATCH, maxLength: BATCH }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        (batch, seed) => {
          // Unique labels: the batch is one file.
          const hcl = batch
            .map((d, k) =>
              renderConnectorHcl({ ...d, resource_name: `${d.resource_name}_${k}` }, { preSharedKeys: 'inline' }),
            )
            .join('\n');
          const formatted = terraformFmt(mangle(hcl, seed));
          const { designs, diagnostics } = parseConnectorHcl(formatted);
          expect(errorsOf(diagnostics)).toEqual([]);
          const rendered = designs.map((p) => renderConnectorHcl(p.design, { preSharedKeys: 'inline' })).join('\n');
          expect(rendered).toBe(formatted.replace(/^\s*# imported from elsewhere\n/gm, ''));
        },
      ),
      // Each run calls terraform; shrinking would call it thousands of times.
      { numRuns: 25, endOnFailure: true },
    );
  });
});
