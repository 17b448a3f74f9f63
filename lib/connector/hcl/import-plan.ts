/**
 * Whether a parsed .tf file can become workspace designs, all of them or none:
 * every chosen connector resource is checked (the parser's errors about it,
 * then validateDesign once more on the design as it would be stored) before
 * anything is written, and each one's problems are listed with its label,
 * connector name and line. Pure; the route (`POST /api/designs/import`) and
 * its tests share it.
 */
import type { ConnectorDesign } from '../design';
import { normalizeDesign, validateDesign } from '../validate';
import type { HclDiagnostic, ParsedHcl } from './parse';

export interface ImportProblem {
  message: string;
  /** 1-based line and column in the file. */
  line: number;
  column: number;
  /** The design path the problem is about, when it is about one value. */
  path?: string;
}

export interface ConnectorProblems {
  resource_name: string;
  /** The connector's `name` ('' when the block has none). */
  name: string;
  /** 1-based line of the resource block. */
  line: number;
  problems: ImportProblem[];
}

export interface PlannedDesign {
  resource_name: string;
  name: string;
  line: number;
  design: ConnectorDesign;
}

export type ImportPlan =
  | { ok: true; designs: PlannedDesign[] }
  | {
      ok: false;
      /** One sentence for the whole answer. */
      summary: string;
      /** Only the connectors that have problems, in file order. */
      connectors: ConnectorProblems[];
      /** Problems of no chosen connector: syntax errors, a chosen label the file does not have. */
      file_problems: ImportProblem[];
    };

function problemOf(d: HclDiagnostic): ImportProblem {
  return { message: d.message, line: d.line, column: d.column, ...(d.path ? { path: d.path } : {}) };
}

/**
 * `chosen`: the resource labels to import (every connector of the file when
 * undefined). A label the file lacks, a file without connectors, a syntax
 * error anywhere, or an error in any chosen connector refuses the whole plan.
 */
export function planImport(parsed: ParsedHcl, chosen?: readonly string[]): ImportPlan {
  const fileProblems: ImportProblem[] = [];
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) if (d.resource === undefined) fileProblems.push(problemOf(d));

  const labels = new Set(parsed.designs.map((r) => r.resource_name));
  const wanted = chosen === undefined ? null : new Set(chosen);
  for (const label of wanted ?? []) {
    if (!labels.has(label))
      fileProblems.push({
        message: `The file has no ${'alkira_connector_azure_expressroute'} resource labelled "${label}"`,
        line: 1,
        column: 1,
      });
  }
  const picked = parsed.designs.filter((r) => wanted === null || wanted.has(r.resource_name));
  if (picked.length === 0 && fileProblems.length === 0) {
    fileProblems.push({
      message: 'The file has no alkira_connector_azure_expressroute resource to import',
      line: 1,
      column: 1,
    });
  }

  const connectors: ConnectorProblems[] = [];
  const designs: PlannedDesign[] = [];
  const firstByName = new Map<string, PlannedDesign>();
  for (const r of picked) {
    // A label is unique in a valid file; with two same-labelled blocks the parser reports the second, on its own line.
    const own = errors.filter(
      (d) =>
        d.resource === r.resource_name &&
        (!r.range || (d.from >= r.range.from && d.from <= Math.max(r.range.to, r.range.from + 1))),
    );
    const problems = own.map(problemOf);
    const checked = validateDesign(r.design);
    if (!checked.ok) {
      // The parser placed these already (as rule findings); any it could not place are listed at the block.
      for (const e of checked.errors) {
        if (!problems.some((p) => p.message === e.message))
          problems.push({ message: e.message, line: r.line, column: 1, path: e.path });
      }
    }
    const design = problems.length === 0 ? normalizeDesign(r.design) : null;
    if (problems.length === 0 && !design)
      problems.push({ message: 'The resource could not be read as a connector design', line: r.line, column: 1 });
    const planned = design ? { resource_name: r.resource_name, name: design.name, line: r.line, design } : null;
    const twin = planned ? firstByName.get(planned.name) : undefined;
    if (twin) {
      problems.push({
        message: `Connector name "${twin.name}" is also used by ${twin.resource_name} on line ${twin.line}; connector names are unique in a tenant`,
        line: r.line,
        column: 1,
        path: 'name',
      });
    } else if (planned) firstByName.set(planned.name, planned);
    if (problems.length > 0)
      connectors.push({ resource_name: r.resource_name, name: r.design.name, line: r.line, problems });
    else if (planned) designs.push(planned);
  }

  if (connectors.length === 0 && fileProblems.length === 0) return { ok: true, designs };
  const parts: string[] = [];
  if (connectors.length > 0)
    parts.push(
      `${connectors.length} of ${picked.length} connector${picked.length === 1 ? '' : 's'} ${connectors.length === 1 ? 'has' : 'have'} problems`,
    );
  if (fileProblems.length > 0)
    parts.push(`the file has ${fileProblems.length} problem${fileProblems.length === 1 ? '' : 's'}`);
  const sentence = parts.join(' and ');
  return {
    ok: false,
    summary: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}; nothing was saved`,
    connectors,
    file_problems: fileProblems,
  };
}
