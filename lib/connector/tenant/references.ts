/**
 * Reference fields written as expressions, checked against the file they are
 * in: `segment_id = alkira_segment.prod.id` is resolved when the same file
 * declares `resource "alkira_segment" "prod"` (or `data "alkira_segment"
 * "prod"`: its name is then looked up in the catalog by the data-source
 * resolution, ../data-source-refs.ts); anything else (another file, a module,
 * a variable) is Terraform's to resolve and is marked external, so a reviewer
 * knows the tenant check could not vouch for it. Pure and cheap: the file's
 * addresses are read once per check from block headers, not from a parse.
 */
import { effectiveTunnelProtocol, expressionBody, isExpression, type ConnectorDesign } from '../design';
import { designValues, someDesignValue } from '../design-walk';
import { CONNECTOR_RESOURCE } from '../resource';
import { isRecord } from '@/lib/util/records';
import { TENANT_RULE_IDS, type TenantFinding } from './types';

const IDENT = '[A-Za-z_][A-Za-z0-9_-]*';
/** A top-level block header: `resource "type" "label" {` or `data "type" "label" {` at the start of a line. */
const HEADER = new RegExp(`^[ \\t]*(resource|data)[ \\t]+"(${IDENT})"[ \\t]+"(${IDENT})"[ \\t]*\\{`, 'gm');
/** The addresses an expression names: `alkira_x.label`, `data.alkira_x.label`, `var.x`, `module.m`, `local.x`. */
const ADDRESS = new RegExp(
  `(?<![\\w.])(?:(data)\\.(${IDENT})\\.(${IDENT})|(var|local|module)\\.(${IDENT})|(alkira_[a-z0-9_]+)\\.(${IDENT}))`,
  'g',
);

/** `alkira_segment.prod` and `data.alkira_segment.dmz` for every resource and data block the file declares. */
export function declaredAddresses(text: string): Set<string> {
  const out = new Set<string>();
  // Only files that can declare anything pay for the pattern.
  if (!text.includes('resource') && !text.includes('data')) return out;
  for (const m of text.matchAll(HEADER)) out.add(m[1] === 'data' ? `data.${m[2]}.${m[3]}` : `${m[2]}.${m[3]}`);
  return out;
}

/** The addresses an expression refers to, in order, each once. */
export function referencedAddresses(expression: string): string[] {
  const out: string[] = [];
  for (const m of expression.matchAll(ADDRESS)) {
    const address = m[1] ? `data.${m[2]}.${m[3]}` : m[4] ? `${m[4]}.${m[5]}` : `${m[6]}.${m[7]}`;
    if (!out.includes(address)) out.push(address);
  }
  return out;
}

/** Whether any reference field of the design is written as an expression (only then is the file's text needed). */
export function hasReferenceExpressions(design: unknown): boolean {
  if (!isRecord(design)) return false;
  const d = design as ConnectorDesign;
  return someDesignValue(
    CONNECTOR_RESOURCE,
    d,
    effectiveTunnelProtocol(d),
    (spec, value) => spec.reference !== undefined && isExpression(value),
  );
}

/**
 * A warning at each reference field whose expression names something the
 * file (`declared`; undefined: no file, only the design) does not declare.
 */
export function externalReferenceFindings(design: unknown, declared: ReadonlySet<string> | undefined): TenantFinding[] {
  if (!isRecord(design)) return [];
  const d = design as ConnectorDesign;
  const findings: TenantFinding[] = [];
  for (const { path, spec, value } of designValues(CONNECTOR_RESOURCE, d, effectiveTunnelProtocol(d))) {
    if (!spec.reference || !isExpression(value)) continue;
    const body = expressionBody(value);
    const external = referencedAddresses(body).filter((address) => !declared?.has(address));
    if (external.length === 0) continue;
    const where = declared ? 'not declared in this file' : 'only the design was checked, not its file';
    findings.push({
      path,
      message: `${external.join(', ')}: external (${where}), so the tenant check cannot verify this ${spec.reference.replace('_', ' ')}`,
      severity: 'warning',
      ruleId: TENANT_RULE_IDS.externalReference,
    });
  }
  return findings;
}
