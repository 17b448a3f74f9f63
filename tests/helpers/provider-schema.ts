/**
 * The Alkira provider's schema (`terraform providers schema -json` of
 * alkiranet/alkira v1.5.1), kept in the repository (see provider-schema.md
 * next to it) because the provider cannot be downloaded here: its JSON shapes,
 * declared once for the tests that read it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PROVIDER_SCHEMA_FILE = path.resolve(__dirname, '../../lib/connector/resource/provider-schema.json');

export interface ProviderAttribute {
  /** A cty type: a primitive (`"string"`), or a kind and its element type (`["list", "string"]`, `["object", {…}]`). */
  type: string | [string, unknown];
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
}

export interface ProviderBlock {
  attributes?: Record<string, ProviderAttribute>;
  block_types?: Record<string, { nesting_mode: string; min_items?: number; max_items?: number; block: ProviderBlock }>;
}

/** The schema of the alkira provider: its own block, and every resource's and data source's. */
export interface AlkiraProviderSchema {
  provider: { block: ProviderBlock };
  resource_schemas: Record<string, { block: ProviderBlock }>;
  data_source_schemas: Record<string, { block: ProviderBlock }>;
}

/** Reads the file; undefined when it holds no alkira provider. */
export function alkiraProviderSchema(): AlkiraProviderSchema | undefined {
  const json = JSON.parse(readFileSync(PROVIDER_SCHEMA_FILE, 'utf8'));
  return json.provider_schemas?.['registry.terraform.io/alkiranet/alkira'];
}
