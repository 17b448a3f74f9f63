/**
 * The designer's catalog picks by name: which names the file's `data` blocks
 * look up (for the pickers to show the picked item), and the document
 * operations a pick makes — the block added once (or reused) before the
 * field's new value, the block a changed pick no longer needs released after
 * it. The operations wait here until the form's change of that field is
 * applied, so the block and the value are one step of the file's history.
 */
import type { DesignOperation } from '@/lib/connector/hcl/document/operations';
import {
  dataSourceExpression,
  dataSourceLabel,
  dataSourceNames,
  dataSourceReference,
  dataSourcesOf,
  type DataSourceKind,
  type DataSourceNames,
} from '@/lib/connector/hcl/data-sources';
import type { HclFile } from '@/lib/hcl/syntax';

const NO_NAMES: DataSourceNames = new Map();

const sameNames = (a: DataSourceNames, b: DataSourceNames) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

export class DocumentReferences {
  private names: DataSourceNames = NO_NAMES;
  private namesText: string | null = null;
  private reading = false;
  /** Operations waiting for the form's change of their field (by form name; a list's name for its items). */
  private readonly pending = new Map<string, { before: DesignOperation[]; after: DesignOperation[] }>();

  constructor(
    private readonly text: () => string,
    private readonly tree: () => HclFile,
    private readonly later: (task: () => void) => void,
    private readonly notify: () => void,
  ) {}

  /** The names the file's data blocks look up; read again after the next paint when the text changed. */
  dataSourceNames = (): DataSourceNames => {
    if (this.namesText !== this.text() && !this.reading) {
      this.reading = true;
      this.later(() => {
        this.reading = false;
        const text = this.text();
        // Most files have no data block: no tree is needed to say so.
        const names = text.includes('data "alkira_') ? dataSourceNames(dataSourcesOf(this.tree())) : NO_NAMES;
        this.namesText = text;
        if (!sameNames(names, this.names)) {
          this.names = names;
          this.notify();
        }
      });
    }
    return this.names;
  };

  /**
   * A catalog item picked by `name` (null: a literal id, or cleared) at form name `form`, replacing `previous`:
   * the value the field takes, with the file's operations queued for the field's change.
   */
  picked(form: string, kind: DataSourceKind | undefined, name: string | null, previous: unknown): string | undefined {
    const queued = this.pending.get(form) ?? { before: [], after: [] };
    const old = dataSourceReference(kind, previous);
    let value: string | undefined;
    if (kind && name !== null) {
      const { label, existing } = dataSourceLabel(dataSourcesOf(this.tree()), kind, name);
      if (!existing) queued.before.push({ kind: 'add-data-source', type: kind.type, label, name });
      value = dataSourceExpression(kind, label);
      // Shown picked at once, not after the next reading of the file.
      const names = new Map(this.names);
      names.set(`data.${kind.type}.${label}`, name);
      this.names = names;
    }
    if (old && value !== previous) queued.after.push({ kind: 'release-data-source', type: old.type, label: old.label });
    this.pending.set(form, queued);
    return value;
  }

  /** The queued operations of a form change of `form`, around its own. */
  around(form: string): { before: DesignOperation[]; after: DesignOperation[] } {
    const queued = this.pending.get(form);
    this.pending.delete(form);
    return queued ?? { before: [], after: [] };
  }

  clear(): void {
    this.pending.clear();
  }
}
