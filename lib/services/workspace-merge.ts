import 'server-only';
/**
 * A save whose base version is stale, merged three ways (lib/connector/merge.ts):
 * the version it started from, the version saved meanwhile ("theirs") and what
 * the caller sent ("mine"). A stale save's 409 carries the proposal — what each
 * side changed, and the conflicts to choose — and a save with `merge` (the
 * version it was reviewed against and a choice per conflict) stores the merged
 * design as the next version, its file updated from theirs, with both authors
 * in the note. Secrets: the sent design's stored secrets keep the stored
 * values, typed ones are never compared with them (see mergeDesigns), and
 * everything answered shows them as `{stored:true}` / "(sensitive)".
 */
import type { AuditActor } from '@/lib/store/audit-log';
import { versionAuthor } from '@/lib/store/audit-log';
import type { ConnectorDesign } from '@/lib/connector/design';
import { diffDesigns, type DesignChange } from '@/lib/connector/diff';
import { mergeDesigns, unresolvedConflicts, type MergeConflict, type MergeSide } from '@/lib/connector/merge';
import { mergedFile } from '@/lib/connector/merge-file';
import { blindToTypedSecrets } from '@/lib/connector/sensitive';
import { validateDesign } from '@/lib/connector/validate';
import { ApiError } from '@/lib/http/response';
import { MAX_NOTE_LENGTH } from '@/lib/http/workspace-body';
import { updateDesign, type StoredDesign } from '@/lib/store/designs';
import { keepStoredAgainst, withSecretsStored } from './workspace';
import type { MergeProposal } from '@/lib/contract';

function sourceFile(
  latest: StoredDesign,
  sentHcl: string | null,
  sent: ConnectorDesign,
): { text: string | null; label: string } {
  return latest.hcl !== null
    ? { text: latest.hcl, label: latest.design.resource_name }
    : { text: sentHcl, label: sent.resource_name };
}

/** The base's and mine's files, when theirs, the base and mine all have one: their lines merge first (both sides' comments kept). */
function lineSources(
  base: StoredDesign,
  latest: StoredDesign,
  sentHcl: string | null,
): { base: string; mine: string } | undefined {
  return base.hcl !== null && latest.hcl !== null && sentHcl !== null ? { base: base.hcl, mine: sentHcl } : undefined;
}

function merge(
  base: StoredDesign,
  latest: StoredDesign,
  sent: ConnectorDesign,
  resolutions: Record<string, MergeSide>,
) {
  return mergeDesigns(base.design, latest.design, sent, resolutions);
}

/** The proposal a stale save's 409 carries. */
export async function mergeProposal(
  id: number,
  base: StoredDesign,
  latest: StoredDesign,
  sent: ConnectorDesign,
  sentHcl: string | null,
): Promise<MergeProposal> {
  const { merged, conflicts } = merge(base, latest, sent, {});
  const source = sourceFile(latest, sentHcl, sent);
  const file =
    source.text === null
      ? 'none'
      : mergedFile(source.text, source.label, merged, lineSources(base, latest, sentHcl)).hcl !== null
        ? 'kept'
        : 'rendered';
  return {
    base_version: base.version,
    theirs_version: latest.version,
    theirs_author: (await versionAuthor(id, latest.version))?.name ?? null,
    theirs_changes: diffDesigns(base.design, latest.design),
    mine_changes: diffDesigns(blindToTypedSecrets(base.design, sent), keepStoredAgainst(sent, base.design)),
    conflicts,
    merged: withSecretsStored(merged),
    file,
  };
}

function quoted(note: string): string {
  return note ? ` (“${note}”)` : '';
}

/** The merged version's note: both versions and both authors. */
function mergeNote(
  latest: StoredDesign,
  theirsAuthor: string | null,
  base: StoredDesign,
  mine: AuditActor,
  note: string,
): string {
  const text = `Merged version ${latest.version}${theirsAuthor ? ` by ${theirsAuthor}` : ''}${quoted(latest.note)} with ${mine.name}'s changes from version ${base.version}${quoted(note)}`;
  return text.length <= MAX_NOTE_LENGTH ? text : `${text.slice(0, MAX_NOTE_LENGTH - 1)}…`;
}

export interface MergedSave {
  version: number;
  note: string;
  /** Whether the merged version has a file (theirs' with the merge applied). */
  file: 'kept' | 'rendered' | 'none';
}

/**
 * Saves `sent` (edited from `base`) merged into `latest` (must be `theirsVersion`
 * and still the latest, else 409 with a fresh proposal) with a choice for every
 * conflict (else 409 naming how many lack one); 422 when the merged design is
 * not valid. `stale` builds the 409 for the caller's route.
 */
export async function saveMerged(
  id: number,
  input: {
    base: StoredDesign;
    latest: StoredDesign;
    sent: ConnectorDesign;
    sentHcl: string | null;
    note: string;
    theirsVersion: number;
    resolutions: Record<string, MergeSide>;
    actor: AuditActor;
  },
  stale: (latest: StoredDesign, message: string) => Promise<never>,
): Promise<MergedSave> {
  const { base, latest, sent, sentHcl, resolutions } = input;
  if (latest.version !== input.theirsVersion) {
    return stale(
      latest,
      `Version ${latest.version} was saved after the merge with version ${input.theirsVersion} was reviewed. Nothing was saved; review the merge again.`,
    );
  }
  const { merged, conflicts } = merge(base, latest, sent, resolutions);
  const open = unresolvedConflicts(conflicts, resolutions);
  if (open.length > 0) {
    return stale(
      latest,
      `${open.length} conflict${open.length === 1 ? '' : 's'} with version ${latest.version} need${open.length === 1 ? 's' : ''} a choice (theirs or mine). Nothing was saved.`,
    );
  }
  const design = keepStoredAgainst(merged, latest.design);
  const check = validateDesign(design);
  if (!check.ok) {
    const n = check.errors.length;
    throw new ApiError(
      422,
      `The merged design has ${n} error${n === 1 ? '' : 's'}; choose differently or fix them in the form`,
      {
        errors: check.errors.map((e) => ({ path: `design.${e.path}`, message: e.message })),
      },
    );
  }
  const source = sourceFile(latest, sentHcl, sent);
  const file =
    source.text === null ? null : mergedFile(source.text, source.label, design, lineSources(base, latest, sentHcl)).hcl;
  const note = mergeNote(
    latest,
    (await versionAuthor(id, latest.version))?.name ?? null,
    base,
    input.actor,
    input.note,
  );
  const result = await updateDesign(id, design, latest.version, note, file);
  if (result.ok)
    return { version: result.version, note, file: source.text === null ? 'none' : file === null ? 'rendered' : 'kept' };
  if (result.reason === 'not-found') throw new ApiError(404, `Design ${id} does not exist`);
  return stale(
    result.latest,
    `Version ${result.latest.version} was saved while the merge was being stored. Nothing was saved; review the merge again.`,
  );
}
