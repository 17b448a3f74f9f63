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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hclLanguage } from 'codemirror-lang-hcl';
import type { SyntaxNode } from '@lezer/common';

interface SchemaAttribute {
  type: unknown;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
}
interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, { nesting_mode: string; min_items?: number; block: SchemaBlock }>;
}

/** The provider's schema, kept in the repository (see provider-schema.md next to it). */
const SCHEMA_PATH = path.resolve(__dirname, '../../lib/connector/resource/provider-schema.json');

function providerSchema() {
  const json = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  const p = json.provider_schemas['registry.terraform.io/alkiranet/alkira'];
  return {
    provider: p.provider.block as SchemaBlock,
    resources: Object.fromEntries(Object.entries(p.resource_schemas).map(([k, v]) => [k, (v as { block: SchemaBlock }).block])),
    data: Object.fromEntries(Object.entries(p.data_source_schemas).map(([k, v]) => [k, (v as { block: SchemaBlock }).block])),
  };
}

const text = (n: SyntaxNode, src: string) => src.slice(n.from, n.to);
const children = (n: SyntaxNode | null, name: string): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = n?.firstChild ?? null; c; c = c.nextSibling) if (c.name === name) out.push(c);
  return out;
};
const labelsOf = (b: SyntaxNode, src: string) => children(b, 'BlockLabel').map((l) => text(l, src).replace(/^"|"$/g, ''));
const typeOf = (b: SyntaxNode, src: string) => text(b.getChild('BlockType')!, src).trim();

/** The literal kind of an expression node, or 'expression' when it is not a literal. */
function literalKind(expr: SyntaxNode, src: string): 'string' | 'number' | 'bool' | 'null' | 'list' | 'expression' {
  const first = expr.firstChild;
  if (!first) return 'expression';
  if (first.name === 'CollectionValue' && first.firstChild?.name === 'Tuple') return 'list';
  if (first.name !== 'LiteralValue' && first.name !== 'TemplateExpr') return 'expression';
  const t = text(expr, src).trim();
  if (t.startsWith('"')) return t.includes('${') ? 'expression' : 'string';
  if (t === 'true' || t === 'false') return 'bool';
  if (t === 'null') return 'null';
  if (/^-?\d/.test(t)) return 'number';
  return 'expression';
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
  return [...stripped.matchAll(/\b(var\.[A-Za-z_][\w-]*|data\.[A-Za-z_]\w*\.[A-Za-z_][\w-]*\.[A-Za-z_]\w*|alkira_\w+\.[A-Za-z_][\w-]*(?:\.[A-Za-z_]\w*)?)/g)].map((m) => m[1]);
}

function checkBody(body: SyntaxNode | null, schema: SchemaBlock, where: string, src: string, problems: string[], refs: { at: string; ref: string }[]) {
  const seenAttrs = new Set<string>();
  const seenBlocks = new Map<string, number>();
  for (const attr of children(body, 'Attribute')) {
    const name = text(attr.getChild('Identifier')!, src);
    seenAttrs.add(name);
    const spec = schema.attributes?.[name];
    const expr = attr.getChild('Expression');
    if (!spec) problems.push(`${where}: unsupported argument "${name}"`);
    else if (spec.computed && !spec.optional && !spec.required) problems.push(`${where}: "${name}" is computed-only`);
    else if (expr && !typeAccepts(spec.type, literalKind(expr, src))) problems.push(`${where}.${name}: ${literalKind(expr, src)} is not ${JSON.stringify(spec.type)}`);
    if (expr) for (const ref of references(text(expr, src))) refs.push({ at: `${where}.${name}`, ref });
  }
  for (const b of children(body, 'Block')) {
    const name = typeOf(b, src);
    seenBlocks.set(name, (seenBlocks.get(name) ?? 0) + 1);
    const spec = schema.block_types?.[name];
    if (!spec) problems.push(`${where}: unsupported block "${name}"`);
    else checkBody(b.getChild('Body'), spec.block, `${where}.${name}`, src, problems, refs);
  }
  for (const [name, spec] of Object.entries(schema.attributes ?? {})) if (spec.required && !seenAttrs.has(name)) problems.push(`${where}: missing required argument "${name}"`);
  for (const [name, spec] of Object.entries(schema.block_types ?? {})) {
    if ((spec.min_items ?? 0) > (seenBlocks.get(name) ?? 0)) problems.push(`${where}: needs at least ${spec.min_items} "${name}" block(s)`);
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
    const tree = hclLanguage.parser.parse(src);
    tree.iterate({ enter: (n) => void (n.type.isError && problems.push(`${file}: syntax error at ${n.from}`)) });
    for (const b of children(tree.topNode.getChild('Body'), 'Block')) {
      const type = typeOf(b, src);
      const labels = labelsOf(b, src);
      const where = `${file}: ${[type, ...labels].join('.')}`;
      const body = b.getChild('Body');
      if (type === 'resource' || type === 'data') {
        const table = type === 'resource' ? schema.resources : schema.data;
        const s = table[labels[0]];
        if (!s || labels.length !== 2) problems.push(`${where}: unknown ${type} type`);
        else checkBody(body, s, where, src, problems, refs);
        declared.add(type === 'data' ? `data.${labels[0]}.${labels[1]}` : `${labels[0]}.${labels[1]}`);
      } else if (type === 'provider') {
        if (labels[0] !== 'alkira') problems.push(`${where}: unknown provider`);
        else checkBody(body, schema.provider, where, src, problems, refs);
      } else if (type === 'variable') {
        declared.add(`var.${labels[0]}`);
        for (const a of children(body, 'Attribute')) {
          const n = text(a.getChild('Identifier')!, src);
          if (!VARIABLE_ARGS.has(n)) problems.push(`${where}: unsupported variable argument "${n}"`);
        }
      } else if (type === 'import') {
        const names = children(body, 'Attribute').map((a) => text(a.getChild('Identifier')!, src));
        if (!names.includes('to') || !names.includes('id')) problems.push(`${where}: import needs "to" and "id"`);
        for (const a of children(body, 'Attribute')) {
          if (text(a.getChild('Identifier')!, src) === 'to') refs.push({ at: where, ref: text(a.getChild('Expression')!, src).trim() });
        }
      } else if (type !== 'terraform' && type !== 'locals' && type !== 'output') problems.push(`${where}: unexpected block`);
    }
  }
  for (const { at, ref } of refs) {
    const parts = ref.split('.');
    const base = parts[0] === 'var' ? ref : parts[0] === 'data' ? parts.slice(0, 3).join('.') : parts.slice(0, 2).join('.');
    if (!declared.has(base)) {
      problems.push(`${at}: reference to undeclared ${base}`);
      continue;
    }
    if (parts[0] === 'data' && parts[3] && !schema.data[parts[1]]?.attributes?.[parts[3]]) problems.push(`${at}: ${parts[1]} has no attribute "${parts[3]}"`);
  }
  return problems;
}
