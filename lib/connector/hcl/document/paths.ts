/**
 * Design paths and what they name in a file: the operations' vocabulary, and
 * how a path (block names and list indices down to an attribute) is followed
 * down the syntax tree of one connector resource alongside its description.
 */
import { CONNECTOR_RESOURCE, RESOURCE_TYPE, type BodySpec } from '../../resource';
import type { LooseRecord } from '@/lib/util/records';
import type { Attribute, Block, BodyItem, HclFile } from '@/lib/hcl/syntax';
import { itemAt } from '@/lib/util/indexing';

/** A place in a design: block names and list indices down to an attribute, e.g. `['instances', 0, 'name']`. */
export type DesignPath = readonly (string | number)[];

export type DesignOperation =
  /** An attribute's new value (unset — '', undefined, [] — removes it). `['resource_name']` is the resource label. */
  | { kind: 'set'; path: DesignPath; value: unknown }
  /** A new block at `path` (a list and an index: `['instances', 2]`). */
  | { kind: 'insert-block'; path: DesignPath; value: LooseRecord }
  | { kind: 'remove-block'; path: DesignPath }
  /** `data "<type>" "<label>" { name = "<name>" }` in the file (kept when it is there already). */
  | { kind: 'add-data-source'; type: string; label: string; name: string }
  /** `data "<type>" "<label>"` removed when nothing refers to it any more and it holds only its name. */
  | { kind: 'release-data-source'; type: string; label: string };

/** Why an operation cannot be applied; `path` is the design path it was for. */
export class OperationError extends Error {
  constructor(
    message: string,
    readonly path: DesignPath,
  ) {
    super(message);
  }
}

/** The connector resources of a parsed file, in order. */
export function connectorBlocks(file: HclFile): Block[] {
  return file.body.items.filter(
    (i): i is Block => i.type === 'block' && i.blockType.name === 'resource' && i.labels[0]?.value === RESOURCE_TYPE,
  );
}

export function findConnector(file: HclFile, label: string): Block | undefined {
  return connectorBlocks(file).find((b) => b.labels[1]?.value === label);
}

/** The blocks of a body named `name`, as written (a `dynamic` block is not one of them). */
export const literalBlocks = (items: readonly BodyItem[], name: string) =>
  items.filter((i): i is Block => i.type === 'block' && i.blockType.name === name);

export interface Located {
  owner: Block;
  spec: BodySpec;
}

/** The block a path's body is in (every segment but the last) and its description. */
export function locateBody(file: HclFile, resource: string, segments: DesignPath, path: DesignPath): Located {
  let owner = findConnector(file, resource);
  if (!owner) throw new OperationError(`The file has no ${RESOURCE_TYPE} resource named "${resource}"`, path);
  let spec: BodySpec = CONNECTOR_RESOURCE;
  for (let i = 0; i < segments.length; i += 2) {
    const name = String(segments[i]);
    const index = segments[i + 1];
    const nested = spec.blocks[name];
    if (!nested || typeof index !== 'number')
      throw new OperationError(`No block list at ${segments.slice(0, i + 1).join('.')}`, path);
    const found: Block | undefined = literalBlocks(owner.body.items, name)[index];
    if (!found)
      throw new OperationError(
        `The file has no ${name} block ${index + 1} there (it may come from a dynamic block)`,
        path,
      );
    owner = found;
    spec = nested.body;
  }
  return { owner, spec };
}

/** How many literal blocks the list at `path` (e.g. `['instances', 0, 'ipsec_customer_gateway']`) has in the file. */
export function blockCount(file: HclFile, resource: string, path: DesignPath): number {
  try {
    const { owner } = locateBody(file, resource, path.slice(0, -1), path);
    return literalBlocks(owner.body.items, String(path[path.length - 1])).length;
  } catch {
    return 0;
  }
}

/** Where the attribute at `path` is written (its name to the end of its value), when the file has it. */
export function attributeSpan(
  file: HclFile,
  resource: string,
  path: DesignPath,
): { from: number; to: number } | undefined {
  try {
    const { owner } = locateBody(file, resource, path.slice(0, -1), path);
    const name = String(path[path.length - 1]);
    const found = owner.body.items.find((i): i is Attribute => i.type === 'attribute' && i.name.name === name);
    return found ? { from: found.from, to: found.value.to } : undefined;
  } catch {
    return undefined;
  }
}

/** A form path (`instances.0.name`, or a scalar list's item `…gateway_mac_address.1`) as the attribute's design path. */
export function designPathOf(dotted: string): DesignPath {
  const parts = dotted.split('.');
  const out: (string | number)[] = [];
  let spec: BodySpec = CONNECTOR_RESOURCE;
  for (let i = 0; i < parts.length; i++) {
    const name = itemAt(parts, i, 'path part');
    const next = parts[i + 1];
    const nested = spec.blocks[name];
    if (nested && next !== undefined && /^\d+$/.test(next)) {
      out.push(name, Number(next));
      spec = nested.body;
      i++;
      continue;
    }
    out.push(name);
    break;
  }
  return out;
}

/** A design path as the form's dotted name. */
export const dottedPath = (path: DesignPath): string => path.join('.');

/** Whether a design path names a list of blocks (`instances`, `instances.0.ipsec_customer_gateway`) rather than an attribute. */
export function isBlockListPath(path: DesignPath): boolean {
  let spec: BodySpec = CONNECTOR_RESOURCE;
  for (let i = 0; i < path.length; i += 2) {
    const nested = spec.blocks[String(path[i])];
    if (!nested) return false;
    if (i + 1 >= path.length) return true;
    spec = nested.body;
  }
  return false;
}

/** Every attribute of a body and the bodies below it, with its description's body. */
export function* attributesBelow(owner: Block, spec: BodySpec): Generator<{ attribute: Attribute; spec: BodySpec }> {
  for (const item of owner.body.items) {
    if (item.type === 'attribute') yield { attribute: item, spec };
    else {
      const nested = spec.blocks[item.blockType.name];
      if (nested) yield* attributesBelow(item, nested.body);
    }
  }
}
