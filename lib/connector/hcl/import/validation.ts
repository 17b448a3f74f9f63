/**
 * Runs the design rules (validateDesign) on an imported design and places
 * each finding at the source of the value it is about: the recorded range of
 * its path, or of the nearest ancestor that has one (a missing attribute
 * points at its block header).
 */
import type { ConnectorDesign, DesignIssue } from '../../design';
import { validateDesign } from '../../validate';
import type { Span } from '@/lib/hcl/syntax';
import type { DiagnosticSink } from './diagnostics';

export interface PlacementContext {
  sink: DiagnosticSink;
  resource?: string;
  ranges: Map<string, Span>;
  flagged: Set<string>;
}

export function nearestRange(path: string, ranges: ReadonlyMap<string, Span>): Span {
  const segments = path === '' ? [] : path.split('.');
  for (let n = segments.length; n >= 0; n--) {
    const range = ranges.get(segments.slice(0, n).join('.'));
    if (range) return range;
  }
  return { from: 0, to: 0 };
}

/** True when the importer already reported this path (or a parent of it). */
function alreadyReported(path: string, flagged: Set<string>): boolean {
  for (const f of flagged) if (path === f || path.startsWith(f + '.')) return true;
  return false;
}

export function reportDesignIssues(design: ConnectorDesign, ctx: PlacementContext): void {
  const result = validateDesign(design);
  const place = (severity: 'error' | 'warning', issues: DesignIssue[]) => {
    for (const issue of issues) {
      if (alreadyReported(issue.path, ctx.flagged)) continue;
      ctx.sink.add(severity, issue.message, nearestRange(issue.path, ctx.ranges), {
        path: issue.path,
        resource: ctx.resource,
        rule: true,
        ruleId: issue.ruleId,
      });
    }
  };
  place('error', result.errors);
  place('warning', result.warnings);
}
