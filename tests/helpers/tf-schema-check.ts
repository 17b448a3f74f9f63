/**
 * A structural `terraform validate` for exported modules, against the
 * provider schema (`terraform providers schema -json` of alkiranet/alkira
 * v1.5.1) — the real provider cannot be downloaded here, so `terraform
 * validate` itself cannot run. Checks what validate would: every block type
 * and attribute exists in the schema and is not computed-only, required
 * attributes and nested blocks are present, literal values have the schema's
 * type, every `var.`, `data.` and resource reference is declared, and the
 * files parse (Lezer HCL grammar, no error nodes).
 */
import { parseHcl } from '@/lib/hcl/parser';
import type { Attribute, Block, Body, Expression } from '@/lib/hcl/syntax';
import { alkiraProviderSchema, type ProviderBlock } from './provider-schema';
import { at } from './present';

function providerSchema() {
  const p = alkiraProviderSchema()!;
  return {
    provider: p.provider.block,
    resources: Object.fromEntries(Object.entries(p.resource_schemas).map(([k, v]) => [k, v.block])),
    data: Object.fromEntries(Object.entries(p.data_source_schemas).map(([k, v]) => [k, v.block])),
  };
}

const text = (n: { from: number; to: number }, src: string) => src.slice(n.from, n.to);
const attributesOf = (body: Body | null): Attribute[] =>
  (body?.items ?? []).filter((i): i is Attribute => i.type === 'attribute');
const blocksOf = (body: Body | null): Block[] => (body?.items ?? []).filter((i): i is Block => i.type === 'block');
const labelsOf = (b: Block) => b.labels.map((l) => l.value);

/** The literal kind of an expression, or 'expression' when it is not a literal. */
function literalKind(expr: Expression): 'string' | 'number' | 'bool' | 'null' | 'list' | 'expression' {
  switch (expr.type) {
    case 'tuple':
      return 'list';
    case 'template':
      return expr.parts.every((p) => p.type === 'literal') ? 'string' : 'expression';
    case 'bool':
      return 'bool';
    case 'null':
      return 'null';
    case 'number':
      return 'number';
    case 'unary':
      return expr.op === '-' && expr.operand.type === 'number' ? 'number' : 'expression';
    default:
      return 'expression';
  }
}

function typeAccepts(type: unknown, kind: ReturnType<typeof literalKind>): boolean {
  if (kind === 'expression' || kind === 'null') return true;
  if (type === 'string') return kind === 'string' || kind === 'number' || kind === 'bool';
  if (type === 'number') return kind === 'number';
  if (type === 'bool') return kind === 'bool';
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return kind === 'list';
  return true;
}

/** Every reference in the module's expressions: `var.x`, `data.t.l.a`, `t.l.a`. */
function references(expr: string): string[] {
  const stripped = expr.replace(/"(?:[^"\\$]|\\.|\$(?!\{))*"/g, '""');
  return [
    ...stripped.matchAll(
      /\b(var\.[A-Za-z_][\w-]*|data\.[A-Za-z_]\w*\.[A-Za-z_][\w-]*\.[A-Za-z_]\w*|alkira_\w+\.[A-Za-z_][\w-]*(?:\.[A-Za-z_]\w*)?)/g,
    ),
  ].map((m) => at(m, 1));
}

function checkBody(
  body: Body | null,
  schema: ProviderBlock,
  where: string,
  src: string,
  problems: string[],
  refs: { at: string; ref: string }[],
) {
  const seenAttrs = new Set<string>();
  const seenBlocks = new Map<string, number>();
  for (const attr of attributesOf(body)) {
    const name = attr.name.name;
    seenAttrs.add(name);
    const spec = schema.attributes?.[name];
    const expr = attr.value;
    if (!spec) problems.push(`${where}: unsupported argument "${name}"`);
    else if (spec.computed && !spec.optional && !spec.required) problems.push(`${where}: "${name}" is computed-only`);
    else if (expr && !typeAccepts(spec.type, literalKind(expr)))
      problems.push(`${where}.${name}: ${literalKind(expr)} is not ${JSON.stringify(spec.type)}`);
    if (expr) for (const ref of references(text(expr, src))) refs.push({ at: `${where}.${name}`, ref });
  }
  for (const b of blocksOf(body)) {
    const name = b.blockType.name;
    seenBlocks.set(name, (seenBlocks.get(name) ?? 0) + 1);
    const spec = schema.block_types?.[name];
    if (!spec) problems.push(`${where}: unsupported block "${name}"`);
    else checkBody(b.body, spec.block, `${where}.${name}`, src, problems, refs);
  }
  for (const [name, spec] of Object.entries(schema.attributes ?? {}))
    if (spec.required && !seenAttrs.has(name)) problems.push(`${where}: missing required argument "${name}"`);
  for (const [name, spec] of Object.entries(schema.block_types ?? {})) {
    if ((spec.min_items ?? 0) > (seenBlocks.get(name) ?? 0))
      problems.push(`${where}: needs at least ${spec.min_items} "${name}" block(s)`);
  }
}

const VARIABLE_ARGS = new Set(['type', 'default', 'description', 'sensitive', 'nullable', 'ephemeral']);

/** Problems `terraform validate` would report for these files; [] when the module is valid. */
export function validateModuleAgainstSchema(files: Record<string, string>): string[] {
  const schema = providerSchema();
  const problems: string[] = [];
  const refs: { at: string; ref: string }[] = [];
  const declared = new Set<string>();
  for (const [file, src] of Object.entries(files)) {
    if (!file.endsWith('.tf')) continue;
    const parsed = parseHcl(src);
    for (const d of parsed.diagnostics) problems.push(`${file}: syntax error at ${d.from}: ${d.summary}`);
    for (const b of blocksOf(parsed.body)) {
      const type = b.blockType.name;
      const labels = labelsOf(b);
      const where = `${file}: ${[type, ...labels].join('.')}`;
      const body = b.body;
      if (type === 'resource' || type === 'data') {
        const table = type === 'resource' ? schema.resources : schema.data;
        const s = table[labels[0] ?? ''];
        if (!s || labels.length !== 2) problems.push(`${where}: unknown ${type} type`);
        else checkBody(body, s, where, src, problems, refs);
        declared.add(type === 'data' ? `data.${labels[0]}.${labels[1]}` : `${labels[0]}.${labels[1]}`);
      } else if (type === 'provider') {
        if (labels[0] !== 'alkira') problems.push(`${where}: unknown provider`);
        else checkBody(body, schema.provider, where, src, problems, refs);
      } else if (type === 'variable') {
        declared.add(`var.${labels[0]}`);
        for (const a of attributesOf(body)) {
          const n = a.name.name;
          if (!VARIABLE_ARGS.has(n)) problems.push(`${where}: unsupported variable argument "${n}"`);
        }
      } else if (type === 'import') {
        const names = attributesOf(body).map((a) => a.name.name);
        if (!names.includes('to') || !names.includes('id')) problems.push(`${where}: import needs "to" and "id"`);
        for (const a of attributesOf(body)) {
          if (a.name.name === 'to') refs.push({ at: where, ref: text(a.value, src).trim() });
        }
      } else if (type !== 'terraform' && type !== 'locals' && type !== 'output')
        problems.push(`${where}: unexpected block`);
    }
  }
  for (const { at, ref } of refs) {
    const parts = ref.split('.');
    const base =
      parts[0] === 'var' ? ref : parts[0] === 'data' ? parts.slice(0, 3).join('.') : parts.slice(0, 2).join('.');
    if (!declared.has(base)) {
      problems.push(`${at}: reference to undeclared ${base}`);
      continue;
    }
    if (parts[0] === 'data' && parts[3] && !schema.data[parts[1] ?? '']?.attributes?.[parts[3]])
      problems.push(`${at}: ${parts[1]} has no attribute "${parts[3]}"`);
  }
  return problems;
}
