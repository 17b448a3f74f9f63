/**
 * The .tf file of a merged version: when the base's, theirs' and mine's
 * files are all known and their lines merge (./text-merge.ts), that text —
 * so both people's comments and layout stay; otherwise the file of the
 * version saved meanwhile ("theirs"). Either way the merged design is then
 * applied to it as document operations (./hcl/document/update.ts), so the
 * file says exactly what the merge decided; only the attributes and blocks
 * that differ are rewritten. Keys stay in
 * the file's variables (the operations keep a key kept in a variable; a new
 * one goes into a new sensitive variable), and the result must pass the
 * workspace's file check — else there is no file and the version reopens as
 * its rendering. Pure.
 */
import type { ConnectorDesign } from './design';
import { checkDesignFile } from './design-file';
import { keysIntoVariables } from './hcl/document/operations';
import { updateConnectorInHcl } from './hcl/document/update';
import { mergeText } from './text-merge';
import { parseHcl } from '@/lib/hcl/parser';

export interface MergedFile {
  /** The file text to store with the merged version, or null when none could be kept. */
  hcl: string | null;
  /** Why there is no file, when a source file existed. */
  dropped?: string;
}

/**
 * `source`: theirs' file (or, when theirs has none, the file sent with mine),
 * whose connector resource is labelled `sourceLabel`.
 */
export function mergedFile(
  source: string | null,
  sourceLabel: string,
  merged: ConnectorDesign,
  lines?: { base: string; mine: string },
): MergedFile {
  if (source === null) return { hcl: null };
  const both = lines ? mergeText(lines.base, source, lines.mine) : null;
  if (both !== null && both !== source) {
    const file = mergedFile(both, sourceLabel, merged);
    if (file.hcl !== null) return file;
  }
  try {
    const updated = updateConnectorInHcl(source, merged, { resource: sourceLabel, preSharedKeys: 'variable' });
    const { text } = keysIntoVariables(parseHcl(updated), merged.resource_name);
    const check = checkDesignFile(text, merged.resource_name);
    return check.ok ? { hcl: text } : { hcl: null, dropped: check.summary };
  } catch (error) {
    return { hcl: null, dropped: error instanceof Error ? error.message : 'the file could not be updated' };
  }
}
