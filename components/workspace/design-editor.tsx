'use client';
/**
 * `/designs/<id>`: a stored design in the designer, on a URL anyone on the
 * team can open. Unsaved edits autosave in this browser (the design's own
 * draft slot) and survive a reload; "Save" turns them into the next version.
 * A save that lost the race with a colleague's (409) keeps the edits on screen
 * and offers the three-way merge with the newer version (see ConflictPanel).
 */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConnectorDesign } from '@/lib/connector/design';
import { ApiError } from '@/lib/client/api';
import { staleSave, workspaceApi, type MergeSide, type StaleSave } from '@/lib/client/workspace-api';
import { useStoredDesign, workspaceKeys } from '@/lib/client/workspace-hooks';
import { Designer } from '@/components/designer/designer';
import { ErrorState } from '@/components/dashboard/error-state';
import { ConflictPanel } from './conflict-panel';
import { DesignBanner } from './design-banner';
import { designDraftSlot, draftBaseVersion, forgetDraft, rememberBaseVersion } from './design-session';
import { DesignToolbar } from './design-toolbar';
import { WorkspaceProvision } from './workspace-provision';

/** The version the form is editing; `generation` re-mounts the designer when another version is loaded into it. */
interface Session {
  baseVersion: number;
  baseDesign: ConnectorDesign;
  /** That version's file as saved, when the workspace kept one. */
  baseHcl: string | null;
  generation: number;
}

export interface StaleAttempt {
  stale: StaleSave;
  /** The version the edits started from (the merge's base). */
  baseVersion: number;
  design: ConnectorDesign;
  note: string;
  hcl?: string;
}

export function DesignEditor({ id }: { id: number }) {
  const queryClient = useQueryClient();
  const stored = useStoredDesign(id);
  const [session, setSession] = useState<Session | null>(null);
  const [conflict, setConflict] = useState<StaleAttempt | null>(null);
  const draftSlot = useMemo(() => designDraftSlot(id), [id]);

  // First load: edit the latest version, or keep editing the version an unsaved draft started from.
  useEffect(() => {
    if (session || !stored.data) return;
    setSession({
      baseVersion: draftBaseVersion(id) ?? stored.data.version,
      baseDesign: stored.data.design,
      baseHcl: stored.data.hcl ?? null,
      generation: 0,
    });
  }, [session, stored.data, id]);

  useEffect(() => {
    if (session) rememberBaseVersion(id, session.baseVersion);
  }, [id, session]);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: workspaceKeys.all }), [queryClient]);

  /** Saves the form as the next version; a stale base shows the conflict instead of failing. */
  const save = useCallback(
    async (design: ConnectorDesign, note: string, baseVersion: number, hcl?: string) => {
      try {
        const { version } = await workspaceApi.save(id, design, baseVersion, note || undefined, hcl);
        forgetDraft(id);
        setConflict(null);
        setSession((s) => s && { ...s, baseVersion: version, baseDesign: design, baseHcl: hcl ?? null });
        void refresh();
      } catch (e) {
        const stale = staleSave(e);
        if (!stale) throw e;
        setConflict({ stale, baseVersion, design, note, hcl });
        void refresh();
      }
    },
    [id, refresh],
  );

  /** Replaces the form (and any unsaved edits) with a version read from the server. */
  const loadVersion = useCallback(
    async (version?: number) => {
      const next = version === undefined ? await workspaceApi.get(id) : await workspaceApi.getVersion(id, version);
      forgetDraft(id);
      setConflict(null);
      setSession((s) => ({
        baseVersion: next.version,
        baseDesign: next.design,
        baseHcl: next.hcl ?? null,
        generation: (s?.generation ?? 0) + 1,
      }));
      void refresh();
    },
    [id, refresh],
  );

  /** Saves the stale edits merged into the newer version (a choice per conflict), then edits the merged version. */
  const saveMerged = useCallback(
    async (attempt: StaleAttempt, resolutions: Record<string, MergeSide>) => {
      try {
        await workspaceApi.saveMerged(
          id,
          attempt.design,
          attempt.baseVersion,
          attempt.stale.latest.version,
          resolutions,
          attempt.note || undefined,
          attempt.hcl,
        );
      } catch (e) {
        // Yet another version meanwhile: the panel shows the merge with that one.
        const stale = staleSave(e);
        if (!stale) throw e;
        setConflict({ ...attempt, stale });
        void refresh();
        return;
      }
      await loadVersion();
    },
    [id, refresh, loadVersion],
  );

  /** Makes an old version the newest one (history stays intact), then edits it. */
  const restore = useCallback(
    async (version: number) => {
      const old = await workspaceApi.getVersion(id, version);
      const latest = await workspaceApi.get(id);
      await workspaceApi.save(id, old.design, latest.version, `Restored version ${version}`, old.hcl ?? undefined);
      await loadVersion();
    },
    [id, loadVersion],
  );

  if (stored.isError && !stored.data) {
    const missing = stored.error instanceof ApiError && stored.error.status === 404;
    return (
      <div className="mx-auto max-w-6xl space-y-4 p-6">
        <Link href="/designs" className="text-sm text-blue-800 underline-offset-2 hover:underline dark:text-blue-300">
          ← All designs
        </Link>
        <ErrorState
          title={missing ? `Design ${id} was not found (it may have been deleted)` : 'Could not load the design'}
          message={stored.error.message}
          onRetry={() => void stored.refetch()}
          retrying={stored.isFetching}
        />
      </div>
    );
  }
  if (!session || !stored.data) {
    return (
      <p role="status" className="mx-auto max-w-6xl p-6 text-sm text-slate-600 dark:text-slate-400">
        Loading design {id}…
      </p>
    );
  }

  const latest = stored.data;
  return (
    <Designer
      key={session.generation}
      workspace={{
        draftSlot,
        initial: session.baseDesign,
        initialHcl: session.baseHcl,
        toolbar: (
          <DesignToolbar
            id={id}
            baseVersion={session.baseVersion}
            baseDesign={session.baseDesign}
            baseHcl={session.baseHcl}
            onSave={save}
            onRestore={restore}
            latestVersion={latest.version}
            provisionedVersion={latest.provisioned_version ?? null}
          />
        ),
        banner: (
          <>
            <DesignBanner
              id={id}
              latest={latest}
              baseVersion={session.baseVersion}
              conflicted={conflict !== null}
              onLoadLatest={() => loadVersion()}
            />
            {conflict && (
              <ConflictPanel
                attempt={conflict}
                key={conflict.stale.latest.version}
                onSaveMerged={(resolutions) => saveMerged(conflict, resolutions)}
                onLoadLatest={() => loadVersion()}
                onDismiss={() => setConflict(null)}
              />
            )}
          </>
        ),
        linkedConnectorId: latest.connector_id ?? undefined,
        provision: (
          <WorkspaceProvision
            designId={id}
            version={session.baseVersion}
            baseDesign={session.baseDesign}
            latestVersion={latest.version}
            connectorId={latest.connector_id ?? undefined}
            onProvisioned={() => void refresh()}
            onSent={() => void refresh()}
          />
        ),
      }}
    />
  );
}
