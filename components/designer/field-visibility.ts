/**
 * Which findings show at which field: every one after a load, "Validate all"
 * or an HCL edit; otherwise only at fields the user has visited (a fresh
 * block's fields stay quiet). Indexed once per check; a field gets the same
 * object back while its findings are unchanged, so it re-renders only when
 * they change.
 */
import type { DesignIssue } from '@/lib/connector/design';
import { sameList } from '@/lib/util/lists';

export interface FieldIssues {
  errors: readonly string[];
  warnings: readonly string[];
  /** Each error's one-click fix (the value that resolves it, e.g. the tenant's next free /23), by position in `errors`. */
  errorFixes: readonly (string | undefined)[];
}

const NO_ISSUES: FieldIssues = { errors: [], warnings: [], errorFixes: [] };

function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || ancestor === '' || path.startsWith(`${ancestor}.`);
}

function byPath(issues: readonly DesignIssue[], fixes?: Map<string, (string | undefined)[]>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { path, message, fix } of issues) {
    const list = map.get(path);
    if (!list) {
      map.set(path, [message]);
      fixes?.set(path, [fix]);
    } else if (!list.includes(message)) {
      list.push(message);
      fixes?.get(path)?.push(fix);
    }
  }
  return map;
}

export class FieldVisibility {
  private all = false;
  private readonly visited = new Set<string>();
  private cache = new Map<string, FieldIssues>();
  private errors = new Map<string, string[]>();
  private warnings = new Map<string, string[]>();
  private fixes = new Map<string, (string | undefined)[]>();
  /** Grows whenever what shows may have changed: a snapshot for views that ask `shown` themselves. */
  revision = 0;
  private counts = { revision: -1, byPath: new Map<string, number>() };

  constructor(private readonly changed: () => void) {}

  index(check: { errors: readonly DesignIssue[]; warnings: readonly DesignIssue[] }): void {
    this.fixes = new Map();
    this.errors = byPath(check.errors, this.fixes);
    this.warnings = byPath(check.warnings);
    this.revision++;
  }

  visit(path: string): void {
    if (this.visited.has(path)) return;
    this.visited.add(path);
    this.cache.clear();
    this.revision++;
  }

  /** Show every finding (a load, "Validate all"), or only at visited fields again (a fresh form). */
  revealAll(reveal: boolean): void {
    if (!reveal) this.visited.clear();
    if (this.all === reveal && reveal) return;
    this.all = reveal;
    this.cache.clear();
    this.revision++;
    this.changed();
  }

  /** Whether findings at `path` show now (every one is shown after a load or "Validate all"). */
  shown(path: string): boolean {
    if (this.all) return true;
    for (const v of this.visited) if (isUnder(path, v)) return true;
    return false;
  }

  /** The findings at exactly `path` that show now; `own` is the field's own error (always shown). */
  fieldIssues(path: string, own?: string): FieldIssues {
    const shown = this.shown(path);
    const found = shown ? (this.errors.get(path) ?? []) : [];
    const errors = own === undefined ? found : [own, ...found];
    const foundFixes = shown ? (this.fixes.get(path) ?? []) : [];
    const errorFixes = own === undefined ? foundFixes : [undefined, ...foundFixes];
    const warnings = shown ? (this.warnings.get(path) ?? []) : [];
    const cached = this.cache.get(path);
    if (
      cached &&
      sameList(cached.errors, errors) &&
      sameList(cached.warnings, warnings) &&
      sameList(cached.errorFixes, errorFixes)
    )
      return cached;
    const next = errors.length || warnings.length ? { errors, warnings, errorFixes } : NO_ISSUES;
    this.cache.set(path, next);
    return next;
  }

  /**
   * Shown errors at or below `path` (a collapsed instance's badge). Asked by every badge on every change of the
   * document (a keystroke), so counted once per revision.
   */
  errorCountUnder(path: string): number {
    if (this.counts.revision !== this.revision) this.counts = { revision: this.revision, byPath: new Map() };
    const known = this.counts.byPath.get(path);
    if (known !== undefined) return known;
    let n = 0;
    for (const [p, messages] of this.errors) if (isUnder(p, path) && this.shown(p)) n += messages.length;
    this.counts.byPath.set(path, n);
    return n;
  }
}
