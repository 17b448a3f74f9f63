/**
 * The designer's edits of a connector file as operations on its syntax tree
 * (the `hclwrite` way): a form field sets one attribute at its design path,
 * a list row adds or removes one block. Each operation finds its item by
 * following the path down the tree — no design is compared with another —
 * and changes only that item's bytes; comments, layout, other resources and
 * every value the user did not touch stay as they are.
 *
 * Values are written as the renderer writes them (the description says how);
 * an expression that does not parse yet is refused (`OperationError`), so the
 * file never holds half-typed HCL. Pre-shared keys follow the file: a key kept
 * in a variable stays that variable (its new value is the caller's to keep, see
 * `secrets` in the result), an inline key stays inline, a new key becomes a
 * new sensitive variable in `variable` mode.
 *
 * This module is the entry point: paths (./paths.ts), each operation's edits
 * (./operation-edits.ts), the run's state (./run.ts), variables
 * (./variables.ts) and key moves (./key-moves.ts) live apart.
 */
import { applyOperations, applyTextEdits, openBlock, type TextEdit } from '@/lib/hcl/edit';
import type { Block, HclFile } from '@/lib/hcl/syntax';
import { dataSourceEdits, isDataSourceOperation } from './data-source-edits';
import { editsOf, NeedsOpening, oneLineOwner } from './operation-edits';
import { OperationError, type DesignOperation } from './paths';
import { fileOf, replaceText, resultOf, startRun, textOf, type OperationOptions, type OperationResult } from './run';

export {
  attributeSpan,
  blockCount,
  connectorBlocks,
  designPathOf,
  dottedPath,
  findConnector,
  isBlockListPath,
  OperationError,
  type DesignOperation,
  type DesignPath,
} from './paths';
export { changedRange, composeChanges, type OperationOptions, type OperationResult } from './run';
export { VariableNames } from './variables';
export { keysInline, keysIntoVariables } from './key-moves';

/** Whether the edits change the lines (not only values within them). */
const changesLines = (text: string, edits: readonly TextEdit[]) =>
  edits.some((e) => e.insert.includes('\n') || text.slice(e.from, e.to).includes('\n'));

/** Whether an edit is on a line that may carry a comment (a `#` in a string only costs a re-alignment). */
function onCommentedLine(text: string, edits: readonly TextEdit[]): boolean {
  return edits.some((e) => {
    const end = text.indexOf('\n', e.to);
    return /#|\/\/|\/\*/.test(text.slice(text.lastIndexOf('\n', e.from - 1) + 1, end < 0 ? text.length : end));
  });
}

/**
 * Applies the operations in order to the parsed file (which must have no
 * syntax error). Throws OperationError when one cannot be applied; nothing is
 * applied then.
 */
export function applyDesignOperations(
  file: HclFile,
  operations: readonly DesignOperation[],
  options: OperationOptions,
): OperationResult {
  if (file.diagnostics.length) throw new OperationError('The file has a syntax error: fix it first', []);
  const run = startRun(file, options);
  for (const op of operations) {
    if (isDataSourceOperation(op)) {
      const edits = dataSourceEdits(fileOf(run), run.resource, op);
      if (edits.length) replaceText(run, applyOperations(textOf(run), edits));
      continue;
    }
    // A one-line block cannot take a line: it is opened onto lines first (as terraform fmt lays blocks out), outermost first.
    for (let depth = 0; ; depth++) {
      run.names = undefined;
      let edits: TextEdit[];
      let oneLine: Block | undefined;
      try {
        edits = editsOf(run, op);
        oneLine = changesLines(textOf(run), edits) ? oneLineOwner(run, op) : undefined;
      } catch (error) {
        if (!(error instanceof NeedsOpening)) throw error;
        edits = [];
        oneLine = error.block;
      }
      if (edits.length === 0 && !oneLine) break;
      if (oneLine && depth < 8) {
        replaceText(run, applyOperations(textOf(run), openBlock(fileOf(run), oneLine)));
        continue;
      }
      // Lines added or removed re-align their runs, and so does a value on a line with a trailing comment
      // (the comment's column follows the longest line of its run); other values change no alignment.
      const linesChanged = changesLines(textOf(run), edits);
      const realign = linesChanged || onCommentedLine(textOf(run), edits);
      // One value replaced within its line is its own change: no comparison of the whole text is needed.
      if (!realign && edits.length === 1) replaceText(run, applyTextEdits(textOf(run), edits), edits[0]);
      else replaceText(run, realign ? applyOperations(textOf(run), edits) : applyTextEdits(textOf(run), edits));
      if (linesChanged && fileOf(run).diagnostics.length)
        throw new OperationError('The edit would not leave valid HCL', 'path' in op ? op.path : []);
      break;
    }
  }
  return resultOf(run);
}
