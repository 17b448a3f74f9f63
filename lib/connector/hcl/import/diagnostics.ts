/**
 * Diagnostics of the HCL importer: what went wrong, where (1-based line and
 * column for people, character offsets for editor underlines), and at which
 * design path when there is one.
 */
import type { Lines } from '@/lib/hcl/lines';
import type { Span } from '@/lib/hcl/syntax';

export type HclSeverity = 'error' | 'warning' | 'info';

export interface HclDiagnostic {
  severity: HclSeverity;
  message: string;
  /** 1-based line of `from`. */
  line: number;
  /** 1-based column of `from`, in UTF-16 code units (as editors count). */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Character offset where the underline starts. */
  from: number;
  /** Character offset where the underline ends (exclusive). */
  to: number;
  /** Dotted design path, e.g. `instances.0.gateway_mac_address.1`. */
  path?: string;
  /** The label of the connector resource the diagnostic belongs to. */
  resource?: string;
  /** A finding of the design rules (validateDesign) placed at its source, rather than a finding about the HCL itself. */
  rule?: true;
  /** The id of the design rule behind a `rule` finding (absent for the schema's type checks). */
  ruleId?: string;
}

/** Collects diagnostics, filling in line and column from the offsets. */
export class DiagnosticSink {
  readonly items: HclDiagnostic[] = [];

  constructor(private readonly lines: Lines) {}

  lineOf(offset: number): number {
    return this.lines.position(offset).line;
  }

  add(
    severity: HclSeverity,
    message: string,
    range: Span,
    extra: { path?: string; resource?: string; rule?: true; ruleId?: string } = {},
  ): void {
    const start = this.lines.position(range.from);
    const end = this.lines.position(range.to);
    const diagnostic: HclDiagnostic = {
      severity,
      message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      from: range.from,
      to: range.to,
    };
    if (extra.path !== undefined) diagnostic.path = extra.path;
    if (extra.resource !== undefined) diagnostic.resource = extra.resource;
    if (extra.rule) diagnostic.rule = true;
    if (extra.ruleId !== undefined) diagnostic.ruleId = extra.ruleId;
    this.items.push(diagnostic);
  }

  /** In document order; at one position errors before warnings before notes. */
  sorted(): HclDiagnostic[] {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    return this.items
      .map((d, i) => ({ d, i }))
      .sort((a, b) => a.d.from - b.d.from || rank[a.d.severity] - rank[b.d.severity] || a.i - b.i)
      .map(({ d }) => d);
  }
}
