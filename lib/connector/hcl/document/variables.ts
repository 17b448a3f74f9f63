/**
 * The sensitive variables a file declares for values it keeps out: new names
 * (`<label>_<stem>_<n>`, one more than the highest counter in the file, so a
 * renamed gateway or tunnel never renames its key's variable), their
 * declarations, and declarations no value references any more.
 */
import { variableStem } from '../psk';
import { quoteHclString } from '../strings';
import { attribute, block, writeHclLines } from '../writer';
import { parseHcl } from '@/lib/hcl/parser';
import { applyOperations, insertLines, removeItem, type TextEdit } from '@/lib/hcl/edit';
import type { Block, HclFile } from '@/lib/hcl/syntax';
import { captured } from '@/lib/util/indexing';

/** Variable names the file uses or declares, and the next counter per stem for `<label>_<stem>_<n>`. */
export class VariableNames {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();
  readonly added: string[] = [];

  constructor(
    text: string,
    private readonly label: string,
  ) {
    const counter = new RegExp(`^${label}_(.+)_(\\d+)$`);
    for (const m of text.matchAll(/\bvar\.([\p{L}\p{N}_-]+)|variable\s+"([^"]+)"/gu)) {
      const name = m[1] ?? captured(m, 2);
      this.taken.add(name);
      const c = counter.exec(name);
      if (c) {
        const stem = captured(c, 1);
        this.next.set(stem, Math.max(this.next.get(stem) ?? 1, Number(captured(c, 2)) + 1));
      }
    }
  }

  fresh(attributeName: string): string {
    const stem = variableStem(attributeName);
    for (;;) {
      const n = this.next.get(stem) ?? 1;
      this.next.set(stem, n + 1);
      const name = `${this.label}_${stem}_${n}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        this.added.push(name);
        return name;
      }
    }
  }
}

function variableLines(name: string): string[] {
  return writeHclLines(
    [block('variable', [quoteHclString(name)], [attribute('type', 'string'), attribute('sensitive', 'true')])],
    '',
  );
}

/** Declarations for new variables: after the file's last `variable` block, else before the resource. */
export function declareVariables(file: HclFile, names: readonly string[], resource: Block): TextEdit[] {
  if (names.length === 0) return [];
  const lines = names.flatMap((name, i) => [...(i > 0 ? [''] : []), ...variableLines(name)]);
  const last = [...file.body.items]
    .reverse()
    .find((i): i is Block => i.type === 'block' && i.blockType.name === 'variable');
  return insertLines(file, null, lines, last ? { after: last } : { before: resource }, true);
}

/** Whether `text` references `var.<name>` anywhere. */
export const referencesVariable = (text: string, name: string) =>
  new RegExp(`\\bvar\\.${name}(?![\\p{L}\\p{N}_-])`, 'u').test(text);

/**
 * The file without the declarations of `released` variables that nothing
 * references any more and that say only type and sensitive (a declaration
 * the user wrote more into is theirs to remove).
 */
export function withoutUnusedVariables(file: HclFile, released: ReadonlySet<string>): HclFile {
  if (released.size === 0) return file;
  const unused = file.body.items.filter(
    (i): i is Block =>
      i.type === 'block' &&
      i.blockType.name === 'variable' &&
      released.has(i.labels[0]?.value ?? '') &&
      !referencesVariable(file.text, i.labels[0]?.value ?? '') &&
      i.body.items.every((b) => b.type === 'attribute' && (b.name.name === 'type' || b.name.name === 'sensitive')),
  );
  if (unused.length === 0) return file;
  return parseHcl(
    applyOperations(
      file.text,
      unused.flatMap((b) => removeItem(file, b)),
    ),
  );
}
