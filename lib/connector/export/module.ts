/**
 * A Terraform module for one or more designs, as files (`terraform fmt`-exact):
 * - `main.tf`: data sources for catalog picks (when asked), each connector
 *   resource, and an `import {}` block for each design linked to a live connector;
 * - `variables.tf`: one sensitive variable per pre-shared key and per stored
 *   remote auth value (values never leave the server), every other `var.` a design refers to, and the
 *   provider's portal and API key;
 * - `providers.tf`: `required_providers` (alkiranet/alkira) and the provider block;
 * - `terraform.tfvars.example`: the variables to set, with placeholders.
 * Pure: the caller passes the designs and, for data sources, tenant names.
 */
import { isExpression, expressionBody, type ConnectorDesign } from '../design';
import { renderImportBlock } from '../hcl/import-block';
import { listPskVariables, renderConnectorHcl, resourceLabel } from '../hcl/render';
import { quoteHclString } from '../hcl/strings';
import { isSensitiveAttribute } from '../sensitive';
import { attributeAt } from '../resource';
import { attribute, block, writeHclFile, type HclBlock } from '../hcl/writer';
import { CatalogDataSources, type CatalogNames } from './catalog-data';
import type { DataSource } from '../hcl/data-sources';
import { captured } from '@/lib/util/indexing';

/** The provider version the designs are checked against (provider-schema.json is v1.5.1). */
export const PROVIDER_VERSION_CONSTRAINT = '~> 1.5';

export interface ModuleEntry {
  design: ConnectorDesign;
  /** The live connector the design is linked to: adds an `import {}` block. */
  connectorId?: number | null;
}

export interface ModuleOptions {
  /** Emit catalog picks as `data` sources by name. */
  catalog?: CatalogNames;
  /** Data sources the designs' files have (their fields refer to them): written into main.tf. */
  dataSources?: readonly DataSource[];
}

const NO_NAMES: CatalogNames = { segments: new Map(), credentials: new Map(), billingTags: new Map() };

function dataSourcesFor(options: ModuleOptions): CatalogDataSources | null {
  if (!options.catalog && !options.dataSources?.length) return null;
  return new CatalogDataSources(options.catalog ?? NO_NAMES, options.dataSources);
}

export type ModuleFiles = Record<'main.tf' | 'variables.tf' | 'providers.tf' | 'terraform.tfvars.example', string>;

const PROVIDERS_TF = `terraform {
  required_version = ">= 1.5.0"

  required_providers {
    alkira = {
      source  = "alkiranet/alkira"
      version = "${PROVIDER_VERSION_CONSTRAINT}"
    }
  }
}

# Leave alkira_portal and alkira_api_key unset to have the provider read
# ALKIRA_PORTAL and ALKIRA_API_KEY from the environment.
provider "alkira" {
  portal  = var.alkira_portal
  api_key = var.alkira_api_key
}
`;

/** Gives each design a distinct resource label (the first keeps its own). */
function distinctLabels(entries: ModuleEntry[]): ModuleEntry[] {
  const taken = new Set<string>();
  return entries.map((e) => {
    const base = resourceLabel(e.design.resource_name);
    let label = base;
    for (let n = 2; taken.has(label); n++) label = `${base}_${n}`;
    taken.add(label);
    return label === e.design.resource_name ? e : { ...e, design: { ...e.design, resource_name: label } };
  });
}

/** `var.<name>` references anywhere in a design (expressions the user wrote). */
function referencedVariables(design: unknown, out: Map<string, boolean>, sensitive = false, key = ''): void {
  if (Array.isArray(design)) design.forEach((v) => referencedVariables(v, out, sensitive, key));
  else if (design !== null && typeof design === 'object') {
    for (const [k, v] of Object.entries(design)) referencedVariables(v, out, sensitive || isSensitiveAttribute(k), k);
  } else if (isExpression(design)) {
    for (const m of expressionBody(design).matchAll(/\bvar\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
      const name = captured(m, 1);
      out.set(name, (out.get(name) ?? false) || sensitive || isSensitiveAttribute(key));
    }
  }
}

function variableBlock(name: string, description: string, sensitive: boolean, nullable = false): HclBlock {
  const attrs = [attribute('description', quoteHclString(description)), attribute('type', 'string')];
  if (nullable) attrs.push(attribute('default', 'null'));
  if (sensitive) attrs.push(attribute('sensitive', 'true'));
  return block('variable', [quoteHclString(name)], attrs);
}

/** The resource block text alone (the renderer puts PSK variable blocks first; they go to variables.tf here). */
function resourceText(design: ConnectorDesign): string {
  const hcl = renderConnectorHcl(design, { preSharedKeys: 'variable' });
  const at = hcl.indexOf('resource "');
  return at >= 0 ? hcl.slice(at) : hcl;
}

export function renderModule(input: ModuleEntry[], options: ModuleOptions = {}): ModuleFiles {
  const data = dataSourcesFor(options);
  const entries = distinctLabels(input).map((e) => (data ? { ...e, design: data.apply(e.design) } : e));

  const main: string[] = [];
  const dataBlocks = data?.blocks() ?? [];
  if (dataBlocks.length > 0) main.push(writeHclFile(dataBlocks));
  for (const e of entries) {
    main.push(resourceText(e.design));
    if (e.connectorId !== undefined && e.connectorId !== null)
      main.push(renderImportBlock(e.design.resource_name, e.connectorId));
  }

  const psk = entries.flatMap((e) => listPskVariables(e.design).map((v) => ({ ...v, design: e.design })));
  const pskNames = new Set(psk.map((v) => v.name));
  const referenced = new Map<string, boolean>();
  for (const e of entries) referencedVariables(e.design, referenced);
  const variables: HclBlock[] = [
    variableBlock(
      'alkira_portal',
      'Alkira portal host, e.g. acme.portal.alkira.com (null: the provider reads ALKIRA_PORTAL)',
      false,
      true,
    ),
    variableBlock('alkira_api_key', 'Alkira API key (null: the provider reads ALKIRA_API_KEY)', true, true),
    ...psk.map((v) =>
      variableBlock(
        v.name,
        `${attributeAt(v.path)?.label ?? 'Sensitive value'} of ${v.design.name} at ${v.path}`,
        true,
      ),
    ),
    ...[...referenced]
      .filter(([name]) => !pskNames.has(name) && name !== 'alkira_portal' && name !== 'alkira_api_key')
      .map(([name, sensitive]) =>
        variableBlock(name, `Referenced by the design${sensitive ? ' (a sensitive value)' : ''}`, sensitive),
      ),
  ];

  const tfvars = [
    '# Copy to terraform.tfvars (keep it out of version control) or set TF_VAR_<name> in the environment.',
    '# alkira_portal  = "acme.portal.alkira.com"',
    '# alkira_api_key = "..."',
    ...psk.map((v) => `${v.name} = "change-me"`),
    ...[...referenced]
      .filter(([n]) => !pskNames.has(n) && n !== 'alkira_portal' && n !== 'alkira_api_key')
      .map(([n]) => `${n} = "change-me"`),
  ];

  return {
    'main.tf': main.join('\n'),
    'variables.tf': writeHclFile(variables),
    'providers.tf': PROVIDERS_TF,
    'terraform.tfvars.example': alignTfvars(tfvars),
  };
}

/** Aligns the `=` of consecutive assignments as terraform fmt does. */
function alignTfvars(lines: string[]): string {
  const assignments = lines.filter((l) => !l.startsWith('#'));
  const width = Math.max(0, ...assignments.map((l) => l.indexOf(' = ')));
  return (
    lines
      .map((l) => (l.startsWith('#') ? l : l.replace(/^(\S+) = /, (_m, n: string) => `${n.padEnd(width)} = `)))
      .join('\n') + '\n'
  );
}

/** One .tf file for a single design: its data sources, PSK variables, resource and import block (no provider). */
export function renderSingleTf(entry: ModuleEntry, options: ModuleOptions = {}): string {
  const data = dataSourcesFor(options);
  const design = data ? data.apply(entry.design) : entry.design;
  const parts: string[] = [];
  const dataBlocks = data?.blocks() ?? [];
  if (dataBlocks.length > 0) parts.push(writeHclFile(dataBlocks));
  parts.push(renderConnectorHcl(design, { preSharedKeys: 'variable' }));
  if (entry.connectorId !== undefined && entry.connectorId !== null)
    parts.push(renderImportBlock(design.resource_name, entry.connectorId));
  return parts.join('\n');
}
