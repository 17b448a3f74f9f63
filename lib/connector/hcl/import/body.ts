/**
 * Converts the body of the connector resource (and its nested blocks) into a
 * design object, reporting unknown names, misplaced attributes/blocks, wrong
 * types and duplicates, and recording the source range of every design path.
 */
import type { SyntaxNode } from '@lezer/common';
import type { DiagnosticSink, SourceRange } from './diagnostics';
import { coerceAttribute } from './coerce';
import { readExpression } from './expressions';
import { RESOURCE_META_ARGUMENTS, RESOURCE_META_BLOCKS, schemaLocations, type BlockSchema } from './schema';
import { closestName } from './suggest';

export interface ConvertContext {
  text: string;
  sink: DiagnosticSink;
  /** The resource label, attached to every diagnostic. */
  resource?: string;
  /** Design path → source range ('' is the resource header). */
  ranges: Map<string, SourceRange>;
  /** Paths the importer already reported; the validator's findings there are redundant. */
  flagged: Set<string>;
}

export function childrenNamed(node: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name === name) out.push(child);
  return out;
}

export function nodeText(node: SyntaxNode, text: string): string {
  return text.slice(node.from, node.to);
}

/** From the block type to its last label: what an editor underlines for "this block". */
export function blockHeaderRange(block: SyntaxNode): SourceRange {
  const parts = [...childrenNamed(block, 'BlockType'), ...childrenNamed(block, 'BlockLabel')];
  const last = parts[parts.length - 1];
  return { from: block.from, to: last ? last.to : block.from };
}

function join(path: string, name: string | number): string {
  return path === '' ? String(name) : `${path}.${name}`;
}

/** "in instances" / "in the connector" for messages. */
function where(path: string): string {
  const blockName = path.split('.').filter((s) => !/^\d+$/.test(s)).pop();
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
  /** Attribute name → line of its first definition, for duplicate reports. */
  seen: Map<string, number>;
  blockCounts: Map<string, number>;
}

function convertAttribute(node: SyntaxNode, schema: BlockSchema, path: string, isResource: boolean, state: BodyState, ctx: ConvertContext): void {
  const nameNode = node.getChild('Identifier');
  const exprNode = node.getChild('Expression');
  if (!nameNode || !exprNode) return; // a syntax error, reported from the tree
  const name = nodeText(nameNode, ctx.text);
  const nameRange = { from: nameNode.from, to: nameNode.to };
  const attrPath = join(path, name);
  const report = (severity: 'error' | 'warning', message: string, range: SourceRange = nameRange) =>
    ctx.sink.add(severity, message, range, { path: attrPath, resource: ctx.resource });

  const firstLine = state.seen.get(name);
  if (firstLine !== undefined) {
    report('error', `Duplicate attribute ${name}: it is already set on line ${firstLine}; Terraform allows each attribute once per block`);
    return;
  }
  state.seen.set(name, ctx.sink.lineOf(nameNode.from));

  const spec = Object.hasOwn(schema.attributes, name) ? schema.attributes[name] : undefined;
  if (!spec) {
    if (Object.hasOwn(schema.blocks, name)) {
      report('error', `${name} is a block, not an attribute: write ${name} { … } (one block per item)`);
      ctx.flagged.add(attrPath);
    } else if (schema.readOnly.includes(name)) {
      ctx.sink.add('error', `${name} is read-only (set by the provider) and cannot be configured; remove it`, nameRange, { path: parentPath(path), resource: ctx.resource });
    } else if (isResource && RESOURCE_META_ARGUMENTS.has(name)) {
      ctx.sink.add('warning', `${name} is a Terraform meta-argument, not part of the connector design; it is not imported`, nameRange, { resource: ctx.resource });
    } else {
      ctx.sink.add('error', `Unknown attribute ${name} ${where(path)}${hint(name, schema)}`, nameRange, { path: parentPath(path), resource: ctx.resource });
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

/**
 * `customer_asn = 65_001`: HCL has no digit separators, so the parser reads
 * the number `65` and then a block named `_001` cut short. Returns the
 * attribute's name, the number as written and the range of both parts when
 * `attr` ends in such a number and `next` is that block.
 */
export function digitSeparatedNumber(attr: SyntaxNode, next: SyntaxNode | null, text: string): { name: string; written: string; range: SourceRange } | null {
  if (!next || next.name !== 'Block' || next.from !== attr.to) return null;
  const nameNode = attr.getChild('Identifier');
  const literal = attr.getChild('Expression')?.getChild('LiteralValue')?.getChild('NumericLit');
  const tail = next.getChild('BlockType')?.getChild('Identifier');
  if (!nameNode || !literal || literal.to !== attr.to || !tail || tail.from !== next.from) return null;
  const tailText = nodeText(tail, text);
  if (!/^_[0-9_]*[0-9]$/.test(tailText)) return null;
  return { name: nodeText(nameNode, text), written: nodeText(literal, text) + tailText, range: { from: literal.from, to: tail.to } };
}

/** A name as shown in a message: on one line (a block cut short by a syntax error can span lines). */
function shownName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

function convertBlock(node: SyntaxNode, schema: BlockSchema, path: string, isResource: boolean, state: BodyState, ctx: ConvertContext): void {
  const typeNode = node.getChild('BlockType');
  if (!typeNode) return;
  const name = shownName(nodeText(typeNode, ctx.text));
  const header = blockHeaderRange(node);
  const report = (severity: 'error' | 'warning', message: string, at?: string) =>
    ctx.sink.add(severity, message, header, { path: at, resource: ctx.resource });

  const spec = Object.hasOwn(schema.blocks, name) ? schema.blocks[name] : undefined;
  if (!spec) {
    if (Object.hasOwn(schema.attributes, name)) {
      report('error', `${name} is an attribute, not a block: write ${name} = …`, join(path, name));
      ctx.flagged.add(join(path, name));
    } else if (name === 'dynamic') {
      report('error', `dynamic blocks cannot be imported; write the blocks out one by one`);
    } else if (isResource && RESOURCE_META_BLOCKS.has(name)) {
      report('warning', `${name} is a Terraform meta-block, not part of the connector design; it is not imported`);
    } else {
      report('error', `Unknown block ${name} ${where(path)}${hint(name, schema)}; its content is not imported`, parentPath(path));
    }
    return;
  }
  const index = state.blockCounts.get(name) ?? 0;
  state.blockCounts.set(name, index + 1);
  const blockPath = join(join(path, name), index);
  if (node.getChild('BlockLabel')) report('error', `${name} blocks take no labels; write ${name} { … }`, blockPath);
  ctx.ranges.set(blockPath, header);
  const list = (state.design[name] as unknown[] | undefined) ?? [];
  list.push(convertBody(node.getChild('Body'), spec.schema, blockPath, false, ctx));
  state.design[name] = list;
}

/**
 * Converts a block body. Required attributes that are missing are filled
 * with '' and required block lists with [] (as the form's empty rows are),
 * so the object has the design's shape and the validator names what is missing.
 */
export function convertBody(body: SyntaxNode | null, schema: BlockSchema, path: string, isResource: boolean, ctx: ConvertContext): Record<string, unknown> {
  const state: BodyState = { design: {}, seen: new Map(), blockCounts: new Map() };
  for (let child = body?.firstChild ?? null; child; child = child.nextSibling) {
    if (child.name === 'Attribute') {
      const separated = digitSeparatedNumber(child, child.nextSibling, ctx.text);
      if (separated) {
        const attrPath = join(path, separated.name);
        const digits = separated.written.replace(/_/g, '');
        ctx.sink.add('error', `${separated.name}: ${separated.written} is not a number (HCL has no digit separators) — write ${digits}`, separated.range, {
          path: attrPath,
          resource: ctx.resource,
        });
        ctx.flagged.add(attrPath);
        state.seen.set(separated.name, ctx.sink.lineOf(child.from));
        child = child.nextSibling!; // the `_001` "block" is the number's tail
        continue;
      }
      convertAttribute(child, schema, path, isResource, state, ctx);
    } else if (child.name === 'Block') convertBlock(child, schema, path, isResource, state, ctx);
  }
  for (const [name, spec] of Object.entries(schema.attributes)) {
    if (spec.required && !Object.hasOwn(state.design, name)) state.design[name] = '';
  }
  for (const [name, spec] of Object.entries(schema.blocks)) {
    if (spec.required && !Object.hasOwn(state.design, name)) state.design[name] = [];
  }
  return state.design;
}
