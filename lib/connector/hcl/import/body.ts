/**
 * Converts the body of the connector resource (and its nested blocks) into a
 * design object, reporting unknown names, misplaced attributes/blocks, wrong
 * types and duplicates, and recording the source range of every design path.
 */
import type { Attribute, Block, Body, Span } from '@/lib/hcl/syntax';
import type { DiagnosticSink } from './diagnostics';
import { coerceAttribute } from './coerce';
import { readExpression } from './expressions';
import {
  RESOURCE_META_ARGUMENTS,
  RESOURCE_META_BLOCKS,
  SENSITIVE_ATTRIBUTES,
  schemaLocations,
  type BlockSchema,
} from './schema';
import { closestName } from '@/lib/util/closest-name';

export interface ConvertContext {
  text: string;
  sink: DiagnosticSink;
  /** The resource label, attached to every diagnostic. */
  resource?: string;
  /** Design path → source range ('' is the resource header). */
  ranges: Map<string, Span>;
  /** Paths the importer already reported; the validator's findings there are redundant. */
  flagged: Set<string>;
  /** Ranges of syntax errors: a value they touch is half-written and not imported. */
  broken?: readonly Span[];
}

/** From the block type to its last label: what an editor underlines for "this block". */
export function blockHeaderRange(block: Block): Span {
  const last = block.labels[block.labels.length - 1];
  return { from: block.from, to: last ? last.to : block.blockType.to };
}
function join(path: string, name: string | number): string {
  return path === '' ? String(name) : `${path}.${name}`;
}

/** "in instances" / "in the connector" for messages. */
function where(path: string): string {
  const blockName = path
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .pop();
  return blockName ? `in ${blockName}` : 'in the connector';
}

/** " (did you mean x?)" or " (it belongs in y)", or ''. */
function hint(name: string, schema: BlockSchema): string {
  const suggestion = closestName(name, [...Object.keys(schema.attributes), ...Object.keys(schema.blocks)]);
  if (suggestion) return ` (did you mean ${suggestion}?)`;
  const homes = schemaLocations(name).map((at) => (at === '' ? 'the connector itself' : at));
  return homes.length ? ` (it belongs in ${homes.join(' or ')})` : '';
}

/** The path an unknown name is reported at: the block it appears in (none at the top). */
function parentPath(path: string): string | undefined {
  return path === '' ? undefined : path;
}

interface BodyState {
  design: Record<string, unknown>;
  /** Attribute name → offset of its first definition, for duplicate reports. */
  seen: Map<string, number>;
  blockCounts: Map<string, number>;
}

/** Whether one of the ranges overlaps [from, to). */
function touches(ranges: readonly Span[], to: number, from: number): boolean {
  for (const r of ranges) if (r.from < to && r.to > from) return true;
  return false;
}

function convertAttribute(
  node: Attribute,
  schema: BlockSchema,
  path: string,
  isResource: boolean,
  state: BodyState,
  ctx: ConvertContext,
): void {
  const nameNode = node.name;
  const exprNode = node.value;
  // A syntax error in the value (reported by the parser): what is there is half-written.
  if (
    exprNode.type === 'invalid' ||
    (ctx.broken !== undefined && ctx.broken.length > 0 && touches(ctx.broken, node.to, exprNode.from))
  )
    return;
  const name = nameNode.name;
  const nameRange = { from: nameNode.from, to: nameNode.to };
  const attrPath = join(path, name);

  const first = state.seen.get(name);
  if (first !== undefined) {
    const message = `Duplicate attribute ${name}: it is already set on line ${ctx.sink.lineOf(first)}; Terraform allows each attribute once per block`;
    ctx.sink.add('error', message, nameRange, { path: attrPath, resource: ctx.resource });
    return;
  }
  state.seen.set(name, nameNode.from);

  const spec = Object.hasOwn(schema.attributes, name) ? schema.attributes[name] : undefined;
  if (!spec) {
    if (Object.hasOwn(schema.blocks, name)) {
      ctx.sink.add(
        'error',
        `${name} is a block, not an attribute: write ${name} { … } (one block per item)`,
        nameRange,
        { path: attrPath, resource: ctx.resource },
      );
      ctx.flagged.add(attrPath);
    } else if (schema.readOnly.includes(name)) {
      ctx.sink.add(
        'error',
        `${name} is read-only (set by the provider) and cannot be configured; remove it`,
        nameRange,
        { path: parentPath(path), resource: ctx.resource },
      );
    } else if (isResource && RESOURCE_META_ARGUMENTS.has(name)) {
      ctx.sink.add(
        'warning',
        `${name} is a Terraform meta-argument, not part of the connector design; it is not imported`,
        nameRange,
        { resource: ctx.resource },
      );
    } else {
      ctx.sink.add('error', `Unknown attribute ${name} ${where(path)}${hint(name, schema)}`, nameRange, {
        path: parentPath(path),
        resource: ctx.resource,
      });
    }
    return;
  }
  const range = { from: exprNode.from, to: exprNode.to };
  ctx.ranges.set(attrPath, range);
  const coerced = coerceAttribute(spec.type, readExpression(exprNode, ctx.text), name, attrPath, range);
  for (const [itemPath, itemRange] of coerced.itemRanges) ctx.ranges.set(itemPath, itemRange);
  for (const problem of coerced.problems) {
    ctx.sink.add('error', problem.message, problem.range, { path: problem.path, resource: ctx.resource });
    ctx.flagged.add(problem.path);
  }
  if (coerced.value !== undefined) state.design[name] = coerced.value;
}

/** A name as shown in a message: on one line (a block cut short by a syntax error can span lines). */
function shownName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

function convertBlock(
  node: Block,
  schema: BlockSchema,
  path: string,
  isResource: boolean,
  state: BodyState,
  ctx: ConvertContext,
): void {
  const name = shownName(node.blockType.name);
  const header = blockHeaderRange(node);
  const report = (severity: 'error' | 'warning', message: string, at?: string) =>
    ctx.sink.add(severity, message, header, { path: at, resource: ctx.resource });

  const spec = Object.hasOwn(schema.blocks, name) ? schema.blocks[name] : undefined;
  if (!spec) {
    if (Object.hasOwn(schema.attributes, name)) {
      report('error', `${name} is an attribute, not a block: write ${name} = …`, join(path, name));
      ctx.flagged.add(join(path, name));
    } else if (name === 'dynamic') {
      convertDynamic(node, schema, path, state, ctx);
    } else if (isResource && RESOURCE_META_BLOCKS.has(name)) {
      report('warning', `${name} is a Terraform meta-block, not part of the connector design; it is not imported`);
    } else {
      report(
        'error',
        `Unknown block ${name} ${where(path)}${hint(name, schema)}; its content is not imported`,
        parentPath(path),
      );
    }
    return;
  }
  const index = state.blockCounts.get(name) ?? 0;
  state.blockCounts.set(name, index + 1);
  const blockPath = join(join(path, name), index);
  if (node.labels.length > 0) report('error', `${name} blocks take no labels; write ${name} { … }`, blockPath);
  ctx.ranges.set(blockPath, header);
  const list = (state.design[name] as unknown[] | undefined) ?? [];
  list.push(convertBody(node.body, spec.schema, blockPath, false, ctx));
  state.design[name] = list;
}

/** Its text with the indentation of its first line taken off every line (so it can be written back at any depth). */
function dedentedSource(node: Block, text: string): string {
  const lineStart = text.lastIndexOf('\n', node.from - 1) + 1;
  const indent = node.from - lineStart;
  const lines = text.slice(node.from, node.to).split('\n');
  return lines
    .map((line, i) => (i === 0 ? line : line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length))))
    .join('\n');
}

/** The first sensitive attribute (pre_shared_key, remote_auth_value) in a body whose value is written as a literal. */
function literalSecretIn(body: Body): Attribute | undefined {
  for (const item of body.items) {
    if (item.type === 'block') {
      const inner = literalSecretIn(item.body);
      if (inner) return inner;
    } else if (
      SENSITIVE_ATTRIBUTES.has(item.name.name) &&
      item.value.type === 'template' &&
      item.value.parts.every((p) => p.type === 'literal')
    ) {
      return item;
    }
  }
  return undefined;
}

/**
 * `dynamic "segment_options" { for_each = …; content { … } }`: Terraform
 * generates the blocks. The design keeps its source whole, by the block it
 * generates, so it is shown, counted and written back untouched.
 */
function convertDynamic(node: Block, schema: BlockSchema, path: string, state: BodyState, ctx: ConvertContext): void {
  const header = blockHeaderRange(node);
  const label = node.labels[0];
  const generated = label?.value ?? '';
  if (!label || node.labels.length > 1) {
    ctx.sink.add(
      'error',
      'A dynamic block takes one label: the type of the blocks it generates, e.g. dynamic "segment_options" { … }',
      header,
      { resource: ctx.resource },
    );
    return;
  }
  if (!Object.hasOwn(schema.blocks, generated)) {
    const where_ = where(path);
    ctx.sink.add(
      'error',
      `dynamic "${generated}": ${generated} is not a block ${where_}${hint(generated, schema)}`,
      label,
      { path: parentPath(path), resource: ctx.resource },
    );
    return;
  }
  // A literal secret inside would be kept in the design's text, where nothing masks or encrypts it.
  const secret = literalSecretIn(node.body);
  if (secret) {
    ctx.sink.add(
      'error',
      `${secret.name.name} inside dynamic "${generated}" is written as a literal; keep it in a sensitive variable (var.…) instead`,
      secret.name,
      {
        resource: ctx.resource,
      },
    );
    return;
  }
  const hasContent = node.body.items.some((item) => item.type === 'block' && item.blockType.name === 'content');
  const hasForEach = node.body.items.some((item) => item.type === 'attribute' && item.name.name === 'for_each');
  if (!hasContent || !hasForEach) {
    ctx.sink.add('error', `dynamic "${generated}" needs a for_each argument and a content block`, header, {
      resource: ctx.resource,
    });
  }
  const dynamic = (state.design.dynamic as Record<string, string[]> | undefined) ?? {};
  dynamic[generated] = [...(dynamic[generated] ?? []), dedentedSource(node, ctx.text)];
  state.design.dynamic = dynamic;
  ctx.ranges.set(join(join(path, 'dynamic'), generated), header);
}

/**
 * Converts a block body. Required attributes that are missing are filled
 * with '' and required block lists with [] (as the form's empty rows are),
 * so the object has the design's shape and the validator names what is missing.
 */
export function convertBody(
  body: Body | null,
  schema: BlockSchema,
  path: string,
  isResource: boolean,
  ctx: ConvertContext,
): Record<string, unknown> {
  const state: BodyState = { design: {}, seen: new Map(), blockCounts: new Map() };
  for (const child of body?.items ?? []) {
    if (child.type === 'attribute') convertAttribute(child, schema, path, isResource, state, ctx);
    else convertBlock(child, schema, path, isResource, state, ctx);
  }
  for (const [name, spec] of Object.entries(schema.attributes)) {
    if (spec.required && !Object.hasOwn(state.design, name)) state.design[name] = '';
  }
  for (const [name, spec] of Object.entries(schema.blocks)) {
    if (spec.required && !Object.hasOwn(state.design, name)) state.design[name] = [];
  }
  return state.design;
}
