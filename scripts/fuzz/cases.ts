/**
 * What the fuzz sends: for each route family, a stream of hostile requests
 * (malformed and deeply nested JSON, huge arrays and strings, wrong types at
 * every path of a valid body, unicode and NUL, prototype-pollution keys, wrong
 * content types, oversized bodies, unsupported methods, odd ids), drawn from a
 * seeded generator so a failing run can be repeated.
 */
import { DESIGN_TEMPLATES } from '../../lib/connector/templates';
import { renderConnectorHcl } from '../../lib/connector/hcl/render';
import { isLiteralPsk } from '../../lib/connector/hcl/psk';
import { withStoredSecrets } from '../../lib/connector/sensitive';
import { parseDesign } from '../../lib/connector/validate';
import { APP_CALLER_HEADERS } from '../../tests/helpers/server';
import { seededRandom } from '../../lib/util/seeded-random';
import { itemAt, lastItem } from '../../lib/util/indexing';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What kind of abuse this is, for the report. */
  kind: string;
}

/** Seeded, so a run can be repeated with `--seed`. */
export const rng = seededRandom;

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => itemAt(items, Math.floor(r() * items.length), 'choice');
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const JSON_TYPE = { 'content-type': 'application/json' };

const ODD_IDS = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999999999999999',
  'abc',
  '%00',
  '%2e%2e%2f%2e%2e',
  '..',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '%F0%9F%92%A5',
  '%E2%80%AE1',
  'x'.repeat(300),
  '1%20OR%201=1',
  '%27%3B--',
  '0x10',
  '+1',
  '007',
];

const WEIRD_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  '\u202eevil',
  '💥'.repeat(50),
  '\u0007\u001b[31m',
  ' ',
  '',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'NaN',
  '-0',
  '1e309',
  '\\',
  '"',
  '\r\n',
];

const WRONG_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  'x',
  [],
  [null],
  {},
  { a: 1 },
  ['x', 1, null],
  'x'.repeat(300),
  { __proto__: null },
];

const METHODS_UNSUPPORTED = ['PATCH', 'TRACE', 'PROPFIND', 'LINK', 'PURGE', 'SEARCH', 'OPTIONS', 'HEAD'];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/html',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'garbage',
  'application/json;;;',
  '*/*',
];

/** Every path (dotted) to a value in a JSON document. */
function paths(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, String(i)], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function setAt(doc: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: unknown = structuredClone(doc);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[lastItem(path, 'path key')] = value;
  return copy;
}

/**
 * A valid body, prepared once: its JSON text and every path in it (the
 * generator draws tens of thousands of requests from a handful of these).
 */
interface Valid {
  value: unknown;
  text: string;
  paths: string[][];
  /** Paths at most 3 deep (prototype-pollution keys go there). */
  shallow: string[][];
}

const prepared = new WeakMap<object, Valid>();

export function prepare(value: unknown): Valid {
  const key = value !== null && typeof value === 'object' ? value : null;
  const cached = key ? prepared.get(key) : undefined;
  if (cached) return cached;
  const all = paths(value);
  const valid = { value, text: JSON.stringify(value), paths: all, shallow: all.filter((x) => x.length < 4) };
  if (key) prepared.set(key, valid);
  return valid;
}

const PLACEHOLDER = '"\u0000fuzz-placeholder\u0000"';
const withPlaceholder = new WeakMap<Valid, Map<string, string>>();

/** `valid` with the value at `path` replaced by raw JSON text (spliced in, so a huge value is never stringified again). */
function spliceAt(valid: Valid, path: string[], rawJson: string): string {
  if (path.length === 0) return rawJson;
  let templates = withPlaceholder.get(valid);
  if (!templates) {
    templates = new Map();
    withPlaceholder.set(valid, templates);
  }
  const key = path.join('\u0000');
  let template = templates.get(key);
  if (template === undefined) {
    template = JSON.stringify(setAt(valid.value, path, '\u0000fuzz-placeholder\u0000'));
    templates.set(key, template);
  }
  const at = template.indexOf(PLACEHOLDER);
  return template.slice(0, at) + rawJson + template.slice(at + PLACEHOLDER.length);
}

/** Huge values as JSON text, built once per size: arrays over the 1,000-element limit, strings over 10,000 characters. */
const HUGE_SIZES = { array: [1001, 5000, 30_000, 100_000], string: [10_001, 100_000, 400_000, 900_000] };
const hugeCache = new Map<string, string>();
function hugeJson(r: Rand): string {
  const array = r() < 0.5;
  const size = pick(r, array ? HUGE_SIZES.array : HUGE_SIZES.string);
  const element = r() < 0.5 ? '1' : '"x"';
  const key = `${array}:${size}:${element}`;
  let text = hugeCache.get(key);
  if (text === undefined) {
    text = array ? `[${new Array(size).fill(element).join(',')}]` : `"${'x'.repeat(size)}"`;
    hugeCache.set(key, text);
  }
  return text;
}

function nested(r: Rand, depth: number): string {
  const open = r() < 0.5 ? '['.repeat(depth) : '{"a":'.repeat(depth);
  const close = open.startsWith('[') ? ']'.repeat(depth) : '}'.repeat(depth);
  return open + (r() < 0.5 ? '1' : '') + close;
}

/** One buffer for every oversized body (a slice of it: over 1 MB, declared or not). */
const OVERSIZED = Buffer.alloc(1536 * 1024, 0x20);

/** A JSON body for a route that takes `validValue`, abused one way. */
function abuseJson(
  r: Rand,
  validValue: unknown,
): { body: string | Buffer; headers: Record<string, string>; kind: string } {
  const valid = prepare(validValue);
  const roll = r();
  const validText = valid.text;
  if (roll < 0.12) {
    const cut = int(r, 0, validText.length - 1);
    const variants = [
      validText.slice(0, cut),
      validText + ',',
      `{"a":1,}`,
      `{'a':1}`,
      'NaN',
      '{"a":01}',
      '\u0000',
      `${validText}${validText}`,
      '{"a":"\\x"}',
      '[1,2',
    ];
    return { body: pick(r, variants), headers: JSON_TYPE, kind: 'malformed JSON' };
  }
  if (roll < 0.24) {
    const depth = pick(r, [33, 100, 1000, 10_000, 50_000]);
    const deep = nested(r, depth);
    const text = r() < 0.5 ? deep : spliceAt(valid, pick(r, valid.paths), deep);
    return { body: text, headers: JSON_TYPE, kind: 'deeply nested JSON' };
  }
  if (roll < 0.34) {
    return {
      body: spliceAt(valid, pick(r, valid.paths), hugeJson(r)),
      headers: JSON_TYPE,
      kind: 'huge array or string',
    };
  }
  if (roll < 0.6) {
    const p = pick(r, valid.paths);
    return {
      body: JSON.stringify(setAt(valid.value, p, pick(r, WRONG_VALUES))),
      headers: JSON_TYPE,
      kind: 'wrong type at a path',
    };
  }
  if (roll < 0.7) {
    const p = pick(r, valid.paths);
    return {
      body: JSON.stringify(setAt(valid.value, p, pick(r, WEIRD_STRINGS))),
      headers: JSON_TYPE,
      kind: 'unicode/NUL',
    };
  }
  if (roll < 0.78) {
    const key = pick(r, ['__proto__', 'constructor', 'prototype']);
    const p = pick(r, valid.shallow);
    const text = JSON.stringify(setAt(valid.value, p, { polluted: true })).replace(
      '"polluted"',
      `"${key}":{"polluted":true},"x"`,
    );
    return { body: text, headers: JSON_TYPE, kind: 'prototype-pollution key' };
  }
  if (roll < 0.88) {
    return { body: validText, headers: { 'content-type': pick(r, CONTENT_TYPES) }, kind: 'wrong content type' };
  }
  if (roll < 0.91) {
    return {
      body: OVERSIZED.subarray(0, int(r, 1024 * 1024 + 1, OVERSIZED.length)),
      headers: JSON_TYPE,
      kind: 'oversized body',
    };
  }
  return {
    body: Buffer.from(Array.from({ length: int(r, 1, 200) }, () => int(r, 0, 255))),
    headers: JSON_TYPE,
    kind: 'random bytes',
  };
}

export interface RouteFamily {
  name: string;
  /** One hostile request (or, now and then, a valid one). */
  next(r: Rand): FuzzRequest;
}

/** The starter templates, each under ten names: built once, so their text and paths are prepared once. */
const VALID_DESIGNS: Array<Record<string, unknown>> = DESIGN_TEMPLATES.flatMap((t) =>
  Array.from({ length: 10 }, (_, i) => ({ ...t.design, name: `fuzz-${i}` })),
);
const validDesign = (r: Rand) => pick(r, VALID_DESIGNS);
const VALID_HCL_BODIES = [true, false].flatMap((omitDefaults) =>
  VALID_DESIGNS.map((design) => ({ design, options: { omitDefaults } })),
);
const VALID_EMULATOR_BODIES = Array.from({ length: 10 }, (_, i) => ({ name: `fuzz-emu-${i}`, size: 'SMALL' }));

function jsonFamily(
  name: string,
  method: string,
  path: (r: Rand) => string,
  valid: (r: Rand) => unknown,
  allowed: string[],
): RouteFamily {
  return {
    name,
    next(r) {
      const p = path(r);
      const roll = r();
      if (roll < 0.08) {
        const m = pick(
          r,
          METHODS_UNSUPPORTED.filter((x) => !allowed.includes(x)),
        );
        return { method: m, path: p, headers: {}, kind: 'unsupported method' };
      }
      if (roll < 0.12) return { method, path: p, headers: JSON_TYPE, body: prepare(valid(r)).text, kind: 'valid' };
      return { method, path: p, ...abuseJson(r, valid(r)) };
    },
  };
}

function readFamily(name: string, path: (r: Rand) => string, allowed: string[]): RouteFamily {
  return {
    name,
    next(r) {
      const p = path(r);
      if (r() < 0.3) {
        const m = pick(
          r,
          [...METHODS_UNSUPPORTED, 'POST', 'PUT', 'DELETE'].filter((x) => !allowed.includes(x)),
        );
        const body = r() < 0.5 ? JSON.stringify({ a: 1 }) : undefined;
        return { method: m, path: p, headers: body ? JSON_TYPE : {}, body, kind: 'unsupported method' };
      }
      return { method: 'GET', path: p, headers: {}, kind: 'odd id or query' };
    },
  };
}

const oddId = (r: Rand) => (r() < 0.2 ? String(int(r, 1, 5)) : pick(r, ODD_IDS));
const oddQuery = (r: Rand) =>
  r() < 0.5
    ? ''
    : pick(r, ['?provision=maybe', '?provision=%00', '?provision[]=1', '?__proto__[x]=1', `?x=${'y'.repeat(5000)}`]);

const TN = '/emulator/api/v1/tenantnetworks/1/azure-express-route-connectors';

/** A stored design's body (create) and a save on top of version 1 (mostly a 409 or 404: the parsing is the target). */
/** Each valid design's .tf file as the designer stores it with a version (keys and remote auth values as variables). */
const VALID_FILES = new Map(
  VALID_DESIGNS.map((design) => {
    const parsed = parseDesign(design);
    return [design, parsed.ok ? renderConnectorHcl(withStoredSecrets(parsed.design, isLiteralPsk)) : null] as const;
  }),
);
/** A create or save body: half of them with the design's file (`hcl`), so its path is abused too. */
function withFile(
  r: Rand,
  body: { design: Record<string, unknown> } & Record<string, unknown>,
): Record<string, unknown> {
  return r() < 0.5 ? body : { ...body, hcl: VALID_FILES.get(body.design) ?? null };
}
const validDesignEnvelope = (r: Rand) =>
  withFile(r, { design: validDesign(r), note: pick(r, ['fuzz', 'first cut', '']) });
const validSave = (r: Rand) => withFile(r, { design: validDesign(r), base_version: 1, note: 'fuzz' });
/** An "Import .tf" body: a valid design's file, sometimes with the labels to import. */
const validImport = (r: Rand) => {
  const design = validDesign(r);
  const hcl = VALID_FILES.get(design) ?? '';
  return r() < 0.5 ? { hcl, file_name: 'fuzz.tf' } : { hcl, resources: [String(design.resource_name ?? '')] };
};
/** A query value as bytes on the wire; a lone surrogate (which encodeURIComponent refuses) goes as its raw UTF-8 bytes. */
function queryText(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}
const oddListQuery = (r: Rand) =>
  pick(r, [
    '?page=1',
    '?page=-1',
    '?page=1e309',
    '?page_size=0',
    '?page_size=100000',
    '?sort=__proto__',
    '?sort=name&order=sideways',
    `?state=${queryText(pick(r, WEIRD_STRINGS))}`,
    '?q=100%25',
    '?q=%C3%28',
    `?q=${'x'.repeat(pick(r, [10, 5000]))}`,
    '?cxp=&segment=&group=&size=&protocol=',
    '?state[]=FAILED',
    '?__proto__[page]=1',
  ]);
const oddDesignRead = (r: Rand) =>
  `/api/designs/${oddId(r)}${pick(r, ['', '/versions', '/drift', `/diff?from=${oddId(r)}&to=${oddId(r)}`, `/export?format=${pick(r, ['tf', 'module', 'zip', '%00', ''])}`, `?version=${oddId(r)}`])}`;

export const FAMILIES: RouteFamily[] = [
  jsonFamily('POST /api/designs/validate', 'POST', () => '/api/designs/validate', validDesign, ['POST']),
  jsonFamily(
    'POST /api/designs/hcl',
    'POST',
    () => '/api/designs/hcl',
    (r) => pick(r, VALID_HCL_BODIES),
    ['POST'],
  ),
  {
    name: 'POST /api/hcl/parse',
    next(r): FuzzRequest {
      const roll = r();
      if (roll < 0.08)
        return {
          method: pick(r, ['PATCH', 'TRACE', 'PUT', 'DELETE', 'GET']),
          path: '/api/hcl/parse',
          headers: {},
          kind: 'unsupported method',
        };
      const tf = `resource "alkira_connector_azure_expressroute" "x" {\n  name = "n"\n  size = "SMALL"\n}\n`;
      const variants: Array<[string, string]> = [
        ['deeply nested HCL', '{'.repeat(pick(r, [100, 10_000, 200_000]))],
        ['huge string', `resource "a" "b" {\n  name = "${'a'.repeat(pick(r, [10_001, 100_000, 900_000]))}"\n}`],
        ['malformed HCL', tf.slice(0, int(r, 0, tf.length))],
        ['unicode/NUL', tf.replace('"n"', `"${pick(r, WEIRD_STRINGS)}"`)],
        ['valid', tf.repeat(int(r, 1, 50))],
      ];
      const [kind, text] = pick(r, variants);
      const contentType = r() < 0.15 ? pick(r, CONTENT_TYPES) : 'text/plain';
      return {
        method: 'POST',
        path: '/api/hcl/parse',
        headers: { 'content-type': contentType },
        body: text,
        kind: contentType === 'text/plain' ? kind : 'wrong content type',
      };
    },
  },
  jsonFamily('POST /api/connectors', 'POST', (r) => '/api/connectors' + oddQuery(r), validDesign, [
    'GET',
    'HEAD',
    'POST',
  ]),
  jsonFamily('PUT /api/connectors/{id}', 'PUT', (r) => `/api/connectors/${oddId(r)}${oddQuery(r)}`, validDesign, [
    'GET',
    'HEAD',
    'PUT',
    'DELETE',
  ]),
  readFamily(
    'GET|DELETE /api/connectors/{id}[/design]',
    (r) => `/api/connectors/${oddId(r)}${r() < 0.5 ? '/design' : ''}`,
    ['GET', 'HEAD'],
  ),
  readFamily(
    'GET /api/catalog/{kind}',
    (r) => `/api/catalog/${r() < 0.3 ? pick(r, ['segments', 'groups', 'cxps']) : oddId(r)}`,
    ['GET', 'HEAD'],
  ),
  jsonFamily('POST /api/designs', 'POST', () => '/api/designs', validDesignEnvelope, ['GET', 'HEAD', 'POST']),
  jsonFamily('POST /api/designs/import', 'POST', () => '/api/designs/import', validImport, ['POST']),
  jsonFamily('PUT /api/designs/{id}', 'PUT', (r) => `/api/designs/${oddId(r)}`, validSave, [
    'GET',
    'HEAD',
    'PUT',
    'DELETE',
  ]),
  readFamily('GET /api/designs/{id}[/versions|/diff|/drift|/export]', oddDesignRead, ['GET', 'HEAD']),
  jsonFamily(
    'POST /api/connectors/{id}/plan',
    'POST',
    (r) => `/api/connectors/${oddId(r)}/plan`,
    (r) => ({ design: validDesign(r) }),
    ['POST'],
  ),
  readFamily('GET /api/connectors?… (the paged list)', (r) => `/api/connectors${oddListQuery(r)}`, [
    'GET',
    'HEAD',
    'POST',
  ]),
  readFamily(
    'GET /api/activity?…',
    (r) =>
      `/api/activity${pick(r, ['', '?user=%00', `?connector=${oddId(r)}`, '?limit=-1', '?limit=100000', '?before=yesterday', `?user=${'u'.repeat(3000)}`])}`,
    ['GET', 'HEAD'],
  ),
  readFamily('GET /api/provision-requests/{id}', (r) => `/api/provision-requests/${oddId(r)}`, ['GET', 'HEAD']),
  {
    name: 'emulator /emulator/api/...',
    next(r) {
      // The emulator answers only the app: the fuzz holds the test server's app token, to reach its parsing.
      const auth = {
        authorization: `api-key ${Buffer.from('connector-studio-emulator').toString('base64')}`,
        ...APP_CALLER_HEADERS,
      };
      const base = jsonFamily(
        '',
        'POST',
        () => TN,
        (rr) => pick(rr, VALID_EMULATOR_BODIES),
        ['GET', 'POST'],
      ).next(r);
      const path = r() < 0.3 ? `${TN}/${oddId(r)}` : r() < 0.1 ? `/emulator/api/${oddId(r)}` : TN;
      const method = base.method === 'POST' && path !== TN ? pick(r, ['PUT', 'GET', 'DELETE']) : base.method;
      return { ...base, method, path, headers: { ...base.headers, ...auth } };
    },
  },
];
