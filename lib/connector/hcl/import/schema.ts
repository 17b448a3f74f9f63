/**
 * The shape of `alkira_connector_azure_expressroute` as the importer needs it:
 * per nesting level, which names are attributes (and of which type), which are
 * blocks, which are required (filled with '' / [] when missing so the design
 * keeps its TypeScript shape and the validator reports them), and which are
 * read-only. Derived from the resource description (../../resource).
 */
import {
  CONNECTOR_RESOURCE,
  SENSITIVE_ATTRIBUTES,
  isDesignAttribute,
  type BodySpec,
  type ValueType,
} from '../../resource';

export type AttributeType = 'string' | 'number' | 'bool' | 'string_list' | 'number_list';

export interface BlockSchema {
  attributes: Record<string, { type: AttributeType; required?: boolean }>;
  blocks: Record<string, { schema: BlockSchema; required?: boolean }>;
  /** Computed attributes the provider rejects in configuration. */
  readOnly: string[];
}

const IMPORT_TYPES: Record<ValueType, AttributeType> = {
  string: 'string',
  number: 'number',
  bool: 'bool',
  'list(string)': 'string_list',
  'list(number)': 'number_list',
  'set(number)': 'number_list',
};

/** The importer's view of one body of a description (exported so a description can be checked on its own). */
export function importSchema(body: BodySpec): BlockSchema {
  const schema: BlockSchema = { attributes: {}, blocks: {}, readOnly: [] };
  for (const [name, spec] of Object.entries(body.attributes)) {
    if (!isDesignAttribute(spec)) schema.readOnly.push(name);
    else
      schema.attributes[name] =
        spec.presence === 'required'
          ? { type: IMPORT_TYPES[spec.type], required: true }
          : { type: IMPORT_TYPES[spec.type] };
  }
  for (const [name, block] of Object.entries(body.blocks)) {
    schema.blocks[name] =
      block.minItems > 0 ? { schema: importSchema(block.body), required: true } : { schema: importSchema(block.body) };
  }
  return schema;
}

export const CONNECTOR_RESOURCE_SCHEMA: BlockSchema = importSchema(CONNECTOR_RESOURCE);

/** Values never quoted in a diagnostic (the provider marks them Sensitive). */
export { SENSITIVE_ATTRIBUTES };

/** Terraform meta-arguments and meta-blocks of a resource: valid Terraform, but not part of a design. */
export const RESOURCE_META_ARGUMENTS: ReadonlySet<string> = new Set(['count', 'for_each', 'depends_on', 'provider']);
// `timeouts` is not among them: the provider's schema has no such block, so `terraform validate` rejects it.
export const RESOURCE_META_BLOCKS: ReadonlySet<string> = new Set(['lifecycle', 'provisioner', 'connection']);

/** Where each name lives in the schema (dotted block path), for "x belongs in y" hints. */
export function schemaLocations(name: string, schema: BlockSchema = CONNECTOR_RESOURCE_SCHEMA, at = ''): string[] {
  const out: string[] = [];
  if (Object.hasOwn(schema.attributes, name) || Object.hasOwn(schema.blocks, name)) out.push(at);
  for (const [blockName, { schema: nested }] of Object.entries(schema.blocks)) {
    out.push(...schemaLocations(name, nested, at ? `${at}.${blockName}` : blockName));
  }
  return out;
}
