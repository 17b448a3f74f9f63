/**
 * One file checked as the app checks it: the HCL importer and the design
 * rules (lib/connector/hcl/parse.ts, which reports syntax errors, schema
 * problems and every rule finding at its source), the designer's
 * reference-like-literal warning, and — given a tenant — the tenant checks,
 * placed at the value they are about.
 */
import { parseHcl } from '@/lib/hcl/parser';
import { Lines } from '@/lib/hcl/lines';
import type { HclFile } from '@/lib/hcl/syntax';
import { importConnectors, type ImportedDesign } from '@/lib/connector/hcl/parse';
import type { HclDiagnostic } from '@/lib/connector/hcl/import/diagnostics';
import { nearestRange } from '@/lib/connector/hcl/import/validation';
import { RESOURCE_TYPE } from '@/lib/connector/hcl/render';
import {
  REFERENCE_LITERAL_MESSAGE,
  REFERENCE_LITERAL_RULE_ID,
  referenceLikeLiterals,
} from '@/lib/connector/reference-literals';
import { checkAgainstTenant, declaredAddresses, type TenantIndex } from '@/lib/connector/tenant';

export type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  message: string;
  ruleId: string;
  /** Design path, when the finding is about a connector's value. */
  path?: string;
  /** The connector resource's label. */
  resource?: string;
  /** A replacement value for the field. */
  fix?: string;
}

/** Ids of the importer's own findings (the rules carry theirs). */
export const IMPORT_RULE_IDS = {
  syntax: 'hcl-syntax',
  schema: 'schema',
  import: 'hcl-import',
} as const;

function ruleIdOf(d: HclDiagnostic): string {
  if (d.ruleId) return d.ruleId;
  if (d.rule) return IMPORT_RULE_IDS.schema;
  return d.message.startsWith('Syntax error:') ? IMPORT_RULE_IDS.syntax : IMPORT_RULE_IDS.import;
}

/**
 * `import { to = alkira_connector_azure_expressroute.<label>, id = "<id>" }`
 * blocks: the tenant connector each resource is (so its own name and
 * addresses do not count against it).
 */
function importedIds(file: HclFile): Map<string, string> {
  const ids = new Map<string, string>();
  for (const item of file.body.items) {
    if (item.type !== 'block' || item.blockType.name !== 'import') continue;
    let to: string | undefined;
    let id: string | undefined;
    for (const attr of item.body.items) {
      if (attr.type !== 'attribute') continue;
      const value = attr.value;
      if (attr.name.name === 'to') to = file.text.slice(value.from, value.to).replace(/\s+/g, '');
      const solePart = value.type === 'template' && value.parts.length === 1 ? value.parts[0] : undefined;
      if (attr.name.name === 'id' && solePart?.type === 'literal') id = file.text.slice(solePart.from, solePart.to);
    }
    const prefix = `${RESOURCE_TYPE}.`;
    if (to?.startsWith(prefix) && id) ids.set(to.slice(prefix.length), id);
  }
  return ids;
}

export function checkFile(file: string, text: string, tenant?: TenantIndex): Finding[] {
  const hcl = parseHcl(text);
  const { designs, diagnostics } = importConnectors(hcl);
  const findings: Finding[] = [];
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    findings.push({
      file,
      line: d.line,
      column: d.column,
      endLine: d.endLine ?? d.line,
      endColumn: d.endColumn ?? d.column,
      severity: d.severity,
      message: d.message,
      ruleId: ruleIdOf(d),
      ...(d.path !== undefined && { path: d.path }),
      ...(d.resource !== undefined && { resource: d.resource }),
    });
  }
  const lines = new Lines(text);
  const place = (
    imported: ImportedDesign,
    issue: { path: string; message: string; ruleId: string; fix?: string },
    severity: Severity,
  ) => {
    const range = nearestRange(issue.path, imported.ranges ?? new Map());
    const start = lines.position(range.from);
    const end = lines.position(range.to);
    findings.push({
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity,
      message: issue.message,
      ruleId: issue.ruleId,
      path: issue.path,
      resource: imported.resource_name,
      ...(issue.fix !== undefined && { fix: issue.fix }),
    });
  };
  const links = tenant ? importedIds(hcl) : new Map<string, string>();
  const declared = tenant ? declaredAddresses(text) : undefined;
  for (const imported of designs) {
    for (const path of referenceLikeLiterals(imported.design)) {
      place(imported, { path, message: REFERENCE_LITERAL_MESSAGE, ruleId: REFERENCE_LITERAL_RULE_ID }, 'warning');
    }
    if (tenant) {
      for (const { severity, ...finding } of checkAgainstTenant(imported.design, tenant, {
        linkedConnectorId: links.get(imported.resource_name),
        declared,
      })) {
        place(imported, finding, severity);
      }
    }
  }
  return findings.sort(
    (a, b) =>
      a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
