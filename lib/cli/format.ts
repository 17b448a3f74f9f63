/**
 * The CLI's three outputs: compiler-style lines
 * (`path:line:column: error|warning: message [rule-id]`), JSON, and SARIF
 * 2.1.0 (for code-scanning uploads: one run, every rule that fired with its
 * description, results with regions in UTF-16 columns as the importer counts).
 */
import path from 'node:path';
import type { Finding } from './findings';
import { ruleDescription } from './rule-descriptions';

export function formatText(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]\n`).join('');
}

export function summaryLine(findings: readonly Finding[], files: number): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function formatJson(findings: readonly Finding[], files: number): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `${JSON.stringify({ files, errors, warnings: findings.length - errors, findings }, null, 2)}\n`;
}

/** A relative file path as a SARIF URI (forward slashes, each segment escaped). */
function artifactUri(file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

export function formatSarif(findings: readonly Finding[], version: string): string {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const level = (id: string) => (findings.some((f) => f.ruleId === id && f.severity === 'error') ? 'error' : 'warning');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'connector-studio',
            version,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: ruleDescription(id) },
              defaultConfiguration: { level: level(id) },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: f.severity,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...((f.path !== undefined || f.fix !== undefined) && {
            properties: {
              ...(f.resource !== undefined && { resource: f.resource }),
              ...(f.path !== undefined && { path: f.path }),
              ...(f.fix !== undefined && { fix: f.fix }),
            },
          }),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
