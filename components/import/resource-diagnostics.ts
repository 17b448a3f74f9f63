/**
 * Which listed resource each import diagnostic belongs to. A diagnostic names
 * its resource by label, and a file may define two resources with the same
 * label (itself an error), so among same-labelled blocks the one whose source
 * range holds the diagnostic wins.
 */
import type { HclDiagnostic, ParsedHcl } from '@/lib/connector/hcl/parse';
import { itemAt } from '@/lib/util/indexing';

export interface GroupedDiagnostics {
  /** Diagnostics of `parsed.designs[i]`, in the parser's order. */
  byResource: HclDiagnostic[][];
  /** Diagnostics of no listed resource: about the file, or about a block that could not be read. */
  fileNotes: HclDiagnostic[];
}

export function groupImportDiagnostics(parsed: ParsedHcl): GroupedDiagnostics {
  const byResource: HclDiagnostic[][] = parsed.designs.map(() => []);
  const fileNotes: HclDiagnostic[] = [];
  for (const d of parsed.diagnostics) {
    const candidates =
      d.resource === undefined ? [] : parsed.designs.flatMap((r, i) => (r.resource_name === d.resource ? [i] : []));
    const owner = candidates.length <= 1 ? candidates[0] : ownerByRange(parsed, candidates, d);
    if (owner === undefined) fileNotes.push(d);
    else itemAt(byResource, owner, 'resource').push(d);
  }
  return { byResource, fileNotes };
}

/** The block containing the diagnostic's start; else the last one starting before it (its range may be cut short); else the first. */
function ownerByRange(parsed: ParsedHcl, candidates: number[], d: HclDiagnostic): number {
  const rangeOf = (i: number) => itemAt(parsed.designs, i, 'resource').range;
  const startOf = (i: number) => rangeOf(i)?.from ?? Number.NEGATIVE_INFINITY;
  const inside = candidates.find((i) => {
    const range = rangeOf(i);
    return range !== undefined && range.from <= d.from && d.from < Math.max(range.to, range.from + 1);
  });
  if (inside !== undefined) return inside;
  const before = candidates.filter((i) => startOf(i) <= d.from);
  return before.at(-1) ?? itemAt(candidates, 0, 'candidate resource');
}
