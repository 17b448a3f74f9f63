/**
 * The state of a run of operations over one file: its text, its tree (read
 * again only where an edit changed it, and only when an operation needs it),
 * the resource being edited and the values kept out of the file.
 */
import type { HclRenderOptions } from '../../design';
import { reparseHcl } from '@/lib/hcl/incremental';
import type { TextEdit } from '@/lib/hcl/edit';
import type { SecretValue } from '../../stored-secret';
import type { HclFile } from '@/lib/hcl/syntax';
import { VariableNames } from './variables';

export interface OperationOptions extends HclRenderOptions {
  /** The label of the connector resource the operations edit. */
  resource: string;
}

export interface OperationResult {
  text: string;
  file: HclFile;
  /** The resource's label after the operations (a `resource_name` set renames it). */
  resource: string;
  /** Variables now holding a literal key the file keeps out (name → value): the caller keeps them, in the tab only. */
  secrets: Map<string, SecretValue>;
  /** The one replacement turning the file's text into `text` (null: unchanged): views of the text apply it as it is. */
  change: TextEdit | null;
}

export interface Run {
  /** The tree, and an edit of its text not read into it yet (see fileOf). */
  base: HclFile;
  pending?: { change: TextEdit; text: string };
  /** Every replacement so far as one, from the text the run started with. */
  change: TextEdit | null;
  options: OperationOptions;
  resource: string;
  secrets: Map<string, SecretValue>;
  /** The file's variable names, read when an operation first needs a new one. */
  names?: VariableNames;
}

export function startRun(file: HclFile, options: OperationOptions): Run {
  return { base: file, change: null, options, resource: options.resource, secrets: new Map() };
}

export function namesOf(run: Run): VariableNames {
  run.names ??= new VariableNames(textOf(run), run.resource);
  return run.names;
}

/** The run's text now. */
export const textOf = (run: Run) => run.pending?.text ?? run.base.text;

/** The run's tree now: a pending edit is read in (only its region: the engine's incremental re-parse). */
export function fileOf(run: Run): HclFile {
  if (run.pending) {
    run.base = reparseHcl(run.base, run.pending.change, undefined, run.pending.text);
    run.pending = undefined;
  }
  return run.base;
}

/** The run's text becomes `next` (`change`: the one replacement, when the caller knows it); the tree reads it when next needed (fileOf). */
export function replaceText(run: Run, next: string, change: TextEdit | null = changedRange(textOf(run), next)): void {
  if (!change) return;
  // A change not yet read into the tree is read first: the pending change is always one replacement of the tree's text.
  if (run.pending) fileOf(run);
  run.pending = { change, text: next };
  run.change = run.change ? composeChanges(run.change, change, next) : change;
}

/**
 * One replacement doing `first`, then `second` (its positions in the text `first` made); `after`: the text both made.
 * The span is the union of the two, in the first text's positions; what it holds now is read from `after`.
 */
export function composeChanges(first: TextEdit, second: TextEdit, after: string): TextEdit {
  const firstEnd = first.from + first.insert.length;
  const from = Math.min(first.from, second.from);
  // The union's end, in the middle text: at or after the end of both replacements there.
  const end = Math.max(firstEnd, second.to);
  const firstDelta = first.insert.length - (first.to - first.from);
  const secondDelta = second.insert.length - (second.to - second.from);
  return { from, to: end - firstDelta, insert: after.slice(from, end + secondDelta) };
}

/** The one replacement turning `before` into `after` (common prefix and suffix kept). */
export function changedRange(before: string, after: string): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  // Whole chunks first (a native comparison each), then characters: a keystroke in a large file costs microseconds.
  let start = 0;
  while (start + CHUNK <= max && before.substr(start, CHUNK) === after.substr(start, CHUNK)) start += CHUNK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = max - start;
  let end = 0;
  while (
    end + CHUNK <= room &&
    before.substr(before.length - end - CHUNK, CHUNK) === after.substr(after.length - end - CHUNK, CHUNK)
  )
    end += CHUNK;
  while (end < room && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

const CHUNK = 512;

/** The run's outcome; its tree is read on first use (a value typed into a field needs no re-read until the next edit). */
export function resultOf(run: Run): OperationResult {
  return {
    text: textOf(run),
    get file() {
      return fileOf(run);
    },
    resource: run.resource,
    secrets: run.secrets,
    change: run.change,
  };
}
