/**
 * Keys the file keeps in variables (`pre_shared_key = var.x`): their values
 * live in this tab only, by variable name, and the form shows them in place
 * of the reference. A variable may stand for a stored secret (the server's
 * key, never known here): the form shows it as stored. Which values are
 * sensitive is the description's.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { CONNECTOR_RESOURCE, type BodySpec } from '@/lib/connector/resource';
import { listPskVariablesAt, sensitiveVariableReferences } from '@/lib/connector/hcl/psk';
import { isStoredSecret, type SecretValue } from '@/lib/connector/stored-secret';

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** The keys of `design` that its rendering (`text`, in variable mode) keeps in variables: variable → value. */
export function secretsFromDesign(text: string, design: ConnectorDesign): Map<string, SecretValue> {
  const out = new Map<string, SecretValue>();
  const slots = listPskVariablesAt(design);
  if (slots.length === 0) return out;
  // One pass over the text for the variables its sensitive values reference: a search per key is quadratic.
  const used = new Set<string>();
  for (const m of text.matchAll(sensitiveVariableReferences())) used.add(m[1] ?? '');
  for (const { name, segments } of slots) {
    const value = valueAt(design, segments);
    if ((typeof value === 'string' || isStoredSecret(value)) && used.has(name)) out.set(name, value);
  }
  return out;
}

/** `design` read from the file, with each key kept in a variable whose value this tab knows shown as that value. */
export function withSecrets(
  design: ConnectorDesign,
  secrets: ReadonlyMap<string, SecretValue>,
  _form?: ConnectorDesign,
): ConnectorDesign {
  if (secrets.size === 0) return design;
  return withSecretsIn(design, CONNECTOR_RESOURCE, secrets) as ConnectorDesign;
}

/** A body's sensitive attributes and its blocks, read from the description once per body. */
const shapes = new WeakMap<BodySpec, { sensitive: string[]; blocks: [string, BodySpec['blocks'][string]][] }>();
function shapeOf(body: BodySpec) {
  let shape = shapes.get(body);
  if (!shape) {
    shape = {
      sensitive: Object.entries(body.attributes)
        .filter(([, spec]) => spec.sensitive)
        .map(([name]) => name),
      blocks: Object.entries(body.blocks),
    };
    shapes.set(body, shape);
  }
  return shape;
}

const VARIABLE_VALUE_RE = /^\$\{var\.([\p{L}\p{N}_-]+)\}$/u;

/**
 * A fold over the description's sensitive attributes: `record` with each `${var.x}` whose value this tab knows
 * replaced, copied only along the paths that change (a 640-tunnel design is not cloned for every reading).
 */
function withSecretsIn(record: unknown, body: BodySpec, secrets: ReadonlyMap<string, SecretValue>): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const source = record as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  const write = (name: string, value: unknown) => {
    out ??= { ...source };
    out[name] = value;
  };
  const { sensitive, blocks } = shapeOf(body);
  for (const name of sensitive) {
    const value = source[name];
    const variable = typeof value === 'string' ? VARIABLE_VALUE_RE.exec(value)?.[1] : undefined;
    if (variable !== undefined && secrets.has(variable)) write(name, secrets.get(variable));
  }
  for (const [name, block] of blocks) {
    const items = source[name];
    if (!Array.isArray(items)) continue;
    let changed = false;
    const next = items.map((item) => {
      const replaced = withSecretsIn(item, block.body, secrets);
      if (replaced !== item) changed = true;
      return replaced;
    });
    if (changed) write(name, next);
  }
  return out ?? source;
}
