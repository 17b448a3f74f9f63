'use client';
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm, type UseFormReturn } from 'react-hook-form';
import { subscribeToValueChanges } from './form-changes';
import { emptyDesign, type ConnectorDesign } from '@/lib/connector/design';
import { DesignDocument } from './design-document';
import { withSecrets } from './document-secrets';
import { renderConnectorHcl } from '@/lib/connector/hcl/render';
import { importConnectors } from '@/lib/connector/hcl/parse';
import { parseHcl } from '@/lib/hcl/parser';
import type { HclFile } from '@/lib/hcl/syntax';
import { withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { DesignDocumentContext, documentResolver } from './design-document-context';
import { UndoControls, UndoToast, useUndoShortcuts } from './undo-controls';
import { BasicsSection, BillingTagsSection } from './basics-section';
import { clearDraft, loadAnyDraft, withFormLists, type DraftSlot } from './draft-storage';
import { DraftSaver } from './draft-saver';
import { fieldId } from './form-fields';
import { InstancesSection, type InstancesHandle } from './instances-section';
import { IssueSummary } from './issue-summary';
import { HclDiagnosticsPanel } from './hcl-diagnostics-panel';
import { ImportAction } from '@/components/import/import-action';
import { DEFAULT_PREVIEW_HCL_OPTIONS, PreviewPane, type PreviewHclOptions } from './preview-pane';
import { DesignerProvision } from './designer-provision';
import { DesignerColumns, useWideLayout } from './designer-layout';
import { DesignerTopology, fieldPathForNode, FocusedPathStore, formPathOfElement } from './designer-topology';
import { handOverCreated } from './created-connector';
import type { SubmittedProvision } from '@/components/provisioning/provision-panel';
import { hasStoredKey } from './design-references';
import { useManagingDesigns } from '@/components/provisioning/managed-by-notice';
import { LiveConnectorBanner, useLiveConnectorDesign } from './live-connector';
import { SegmentOptionsSection } from './segment-options-section';
import { useTenantChecks } from './tenant-checks';
import { TemplateMenu } from './template-menu';
import { applyFormPatches, formPatches, isLargePatch } from './form-patch';
import { SaveToWorkspace } from '@/components/workspace/save-to-workspace';
import { useSaveImported } from '@/components/workspace/workspace-import';

const AUTOSAVE_MS = 300;

function freshEmptyDesign(): ConnectorDesign {
  return withFormLists(emptyDesign());
}

/** The file of a design the app has no file for yet (a template, a live connector, a stored version without one). */
function fileOf(design: ConnectorDesign, options: PreviewHclOptions): string {
  return renderConnectorHcl(withoutInactiveProtocolValues(design), options);
}

/** A file's chosen connector as the form's design (the first when `resource` is not among them), or null when it has none. */
function designOfFile(
  text: string,
  resource: string,
): { design: ConnectorDesign; resource: string; file: HclFile } | null {
  // The tree read here is the document's too: a large file is read once, not again when the page is idle.
  const file = parseHcl(text);
  const parsed = importConnectors(file, { checkDesigns: false });
  const chosen = parsed.designs.find((d) => d.resource_name === resource) ?? parsed.designs[0];
  return chosen ? { design: withFormLists(chosen.design), resource: chosen.resource_name, file } : null;
}

/** Focuses the control of `path`, or of its nearest ancestor that is on screen. */
function focusPath(path: string): boolean {
  let p = path;
  while (p) {
    const el = document.getElementById(fieldId(p));
    if (el && !el.closest('[hidden]')) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return true;
    }
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
  return false;
}

/** A stored workspace design open in the designer (`/designs/<id>`, see components/workspace/). */
export interface DesignerWorkspace {
  /** Its own draft slot: unsaved edits autosave there and survive a reload. */
  draftSlot: DraftSlot;
  /** The stored version the form starts from when there is no draft. */
  initial: ConnectorDesign;
  /** That version's file as saved (comments and layout), when the workspace kept it. */
  initialHcl?: string | null;
  /** Rendered inside the form context: in the toolbar, above the columns, and instead of the Provision panel. */
  toolbar: ReactNode;
  banner: ReactNode;
  provision: ReactNode;
  /** The live connector the design is linked to (provisioned from it): the tenant checks do not count its own name and addresses. */
  linkedConnectorId?: number;
}

/**
 * `connectorId` set: edit mode for that live connector (see live-connector.tsx); `workspace` set: a stored
 * design; otherwise a new design with an autosaved draft.
 */
export function Designer({ connectorId, workspace }: { connectorId?: number; workspace?: DesignerWorkspace } = {}) {
  // Validation runs once per document version (see design-document.ts); RHF asks that result rather than validating per event.
  const documentRef = useRef<DesignDocument | null>(null);
  const [defaultValues] = useState(freshEmptyDesign);
  const form = useForm<ConnectorDesign>({
    resolver: documentResolver(() => documentRef.current),
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    defaultValues,
  });
  // RHF renders this component on every change of a value: the designer itself is a memo of the same form methods,
  // so a keystroke renders only what shows that value.
  return <DesignerBody form={form} documentRef={documentRef} connectorId={connectorId} workspace={workspace} />;
}

interface DesignerBodyProps {
  form: UseFormReturn<ConnectorDesign>;
  documentRef: RefObject<DesignDocument | null>;
  connectorId?: number;
  workspace?: DesignerWorkspace;
}

const DesignerBody = memo(function DesignerBody({ form, documentRef, connectorId, workspace }: DesignerBodyProps) {
  const editing = connectorId !== undefined;
  const saveImported = useSaveImported();
  const live = useLiveConnectorDesign(connectorId);
  const managing = useManagingDesigns(connectorId);
  const [liveLoaded, setLiveLoaded] = useState<{ name: string; storedKeys: boolean } | null>(null);
  const { trigger } = form;
  // RHF hands its context a new form state on every change, which would render every field again: the fields read
  // values and findings themselves, so the context keeps one value.
  const [contextFormState] = useState(() => form.formState);
  const [designDoc] = useState(
    () =>
      new DesignDocument(
        {
          getValues: () => form.getValues(),
          // A version shown in the form touches only what differs: a reset would rebuild every row of the form.
          show: (design, previous) => {
            const changes = (previous ? formPatches(previous, design) : null) ?? formPatches(form.getValues(), design);
            // Another design altogether (a pasted file, a template), or a change bringing in many rows: the form
            // renders it as a transition, in slices, while the page stays responsive. One value stays immediate.
            if (!changes) startTransition(() => form.reset(design, { keepDefaultValues: true }));
            else if (isLargePatch(changes)) startTransition(() => applyFormPatches(form.setValue, changes));
            else applyFormPatches(form.setValue, changes);
          },
        },
        freshEmptyDesign(),
        DEFAULT_PREVIEW_HCL_OPTIONS,
      ),
  );
  documentRef.current = designDoc;
  useEffect(
    () =>
      subscribeToValueChanges(form.control, (name) => {
        // Editing a field (not adding or removing blocks of a list) shows that field's findings from now on.
        const value: unknown = name ? form.getValues(name as never) : undefined;
        const blockList = Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null);
        designDoc.formChanged(name, { visit: name !== undefined && !blockList });
      }),
    [form, designDoc],
  );
  useEffect(() => () => designDoc.dispose(), [designDoc]);
  useUndoShortcuts(designDoc);
  useTenantChecks(designDoc, connectorId ?? workspace?.linkedConnectorId ?? null);
  const instancesRef = useRef<InstancesHandle>(null);
  // The file when last loaded (empty, a template, an import); "dirty" means the user changed it since.
  const baselineRef = useRef(designDoc.getState().text);
  const [draftLoaded, setDraftLoaded] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [hclOptions, setHclOptions] = useState<PreviewHclOptions>(DEFAULT_PREVIEW_HCL_OPTIONS);
  // The field with focus, for the topology's highlight.
  const [focusedPath] = useState(() => new FocusedPathStore());
  const wide = useWideLayout();
  const router = useRouter();
  // Set once the draft has become a live connector: it must not be saved again on the way out.
  const createdRef = useRef(false);

  // Edit mode: load the live connector once; the new-design draft is neither read nor overwritten.
  useEffect(() => {
    if (!live.data || liveLoaded) return;
    const next = withFormLists(live.data);
    const storedKeys = hasStoredKey(next);
    const text = fileOf(
      next,
      storedKeys ? { ...DEFAULT_PREVIEW_HCL_OPTIONS, preSharedKeys: 'variable' } : DEFAULT_PREVIEW_HCL_OPTIONS,
    );
    baselineRef.current = text;
    designDoc.load(text, next, { fresh: true });
    void trigger();
    setLiveLoaded({ name: live.data.name, storedKeys });
  }, [live.data, liveLoaded, trigger, designDoc]);

  // A stored design's starting point and draft slot, read once: loading another version re-mounts the designer.
  const [initial] = useState(() => (workspace ? withFormLists(workspace.initial) : null));
  const [initialHcl] = useState(() => workspace?.initialHcl ?? null);
  const [draftSlot] = useState(() => workspace?.draftSlot);

  // Restore the draft after hydration (the server renders the empty form); a stored design starts from its version.
  useEffect(() => {
    if (editing) return;
    const storedOptions: PreviewHclOptions = { ...DEFAULT_PREVIEW_HCL_OPTIONS, preSharedKeys: 'variable' };
    const initialText = initial ? (initialHcl ?? fileOf(initial, storedOptions)) : null;
    if (initialText !== null) baselineRef.current = initialText;
    const draft = loadAnyDraft(draftSlot);
    let text: string | null = initialText;
    let design: ConnectorDesign | null = initial;
    let resource: string | undefined;
    let file: HclFile | undefined;
    if (draft && 'text' in draft) {
      // The file as it was, byte for byte; the form shows its connector.
      const read = designOfFile(draft.text, draft.resource);
      for (const [name, value] of draft.secrets) designDoc.secrets.set(name, value);
      if (read) {
        text = draft.text;
        design = withSecrets(read.design, draft.secrets);
        resource = read.resource;
        file = read.file;
      }
    } else if (draft) {
      // A draft saved by an earlier version of the app (the design only): its file is its rendering.
      design = draft.design;
      text = fileOf(draft.design, DEFAULT_PREVIEW_HCL_OPTIONS);
    }
    if (text === null || design === null) return setDraftLoaded(true);
    // A large draft takes the form seconds to render: it does so as a transition, after the views fed from the
    // document (the topology, the editor) have drawn it.
    const [loadedText, loadedDesign] = [text, design];
    startTransition(() => {
      designDoc.load(loadedText, loadedDesign, { fresh: true, resource, file });
      setDraftLoaded(true);
    });
    void trigger();
  }, [editing, trigger, draftSlot, initial, initialHcl, designDoc]);

  // The workers that read the file and check the design start once the page is idle, not when a paste needs them.
  useEffect(() => {
    if ((!draftLoaded && !editing) || typeof requestIdleCallback !== 'function') return;
    const warm = requestIdleCallback(() => designDoc.warmUp(), { timeout: 3000 });
    return () => cancelIdleCallback(warm);
  }, [draftLoaded, editing, designDoc]);

  // Autosave of the file, debounced; a pending save is flushed when the page goes away.
  useEffect(() => {
    if (!draftLoaded || editing) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let savedText = designDoc.getState().text;
    // A large file's draft is prepared in a worker; until it is written, leaving the page saves it at once.
    let writing = false;
    const saver = new DraftSaver();
    const flush = (now: boolean) => {
      if ((timer === undefined && !(now && writing)) || createdRef.current) return;
      clearTimeout(timer);
      timer = undefined;
      const { text, resource } = designDoc.getState();
      savedText = text;
      if (text === baselineRef.current && !workspace) clearDraft(draftSlot);
      else if (now) saver.saveNow(text, resource, designDoc.secrets, draftSlot);
      else {
        writing = true;
        saver.save(text, resource, designDoc.secrets, draftSlot, () => {
          writing = false;
          setSavedAt(new Date());
        });
        return;
      }
      writing = false;
      setSavedAt(new Date());
    };
    const onPageHide = () => flush(true);
    // A large file's first save (a paste) need not wait for the worker's scripts: it starts once the page is idle.
    const warm = typeof requestIdleCallback === 'function' ? requestIdleCallback(() => saver.warm()) : undefined;
    const unsubscribe = designDoc.subscribe(() => {
      if (designDoc.getState().text === savedText && timer === undefined) return;
      clearTimeout(timer);
      // The save (blanking keys, deflating a large file) waits for the page to be idle, not only for the typing pause.
      timer = setTimeout(
        () =>
          typeof requestIdleCallback === 'function'
            ? requestIdleCallback(() => flush(false), { timeout: 2000 })
            : flush(false),
        AUTOSAVE_MS,
      );
    });
    window.addEventListener('pagehide', onPageHide);
    return () => {
      if (warm !== undefined) cancelIdleCallback(warm);
      flush(true);
      unsubscribe();
      saver.dispose();
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [draftLoaded, editing, draftSlot, designDoc, workspace]);

  const isDirty = () => designDoc.getState().text !== baselineRef.current;

  /** False when the user declined to replace unsaved changes. `text`: the file, when there is one (an import). */
  const loadDesign = (design: ConnectorDesign, title: string, text?: string): boolean => {
    if (isDirty() && !window.confirm(`Replace the current design with "${title}"? Your changes will be lost.`))
      return false;
    const next = withFormLists(design);
    const file = text ?? fileOf(next, effectiveHclOptions);
    baselineRef.current = file;
    designDoc.load(file, next, { label: `Loaded "${title}"` });
    // Show findings of a loaded design straight away.
    void trigger();
    return true;
  };

  // A template is a new file: its rendering.
  const loadTemplate = (design: ConnectorDesign, title: string): boolean => loadDesign(design, title);

  // Imported: the file as written (with its comments and problems).
  const loadImported = (design: ConnectorDesign, source: string, title: string): boolean =>
    loadDesign(design, title, source);

  const resetForm = () => {
    if (editing) {
      // Edit mode has no draft to clear: Reset goes back to the live settings.
      if (!live.data || !window.confirm("Revert to the live connector's settings? Your changes will be lost.")) return;
      const next = withFormLists(live.data);
      const text = fileOf(next, effectiveHclOptions);
      baselineRef.current = text;
      designDoc.load(text, next, { label: 'Reverted to the live settings' });
      void trigger();
      return;
    }
    if (workspace && initial) {
      // A stored design resets to the version it edits (which a save moves on): only the unsaved edits go.
      if (!window.confirm('Discard your unsaved changes and go back to the saved version?')) return;
      designDoc.load(initialHcl ?? fileOf(initial, effectiveHclOptions), initial, {
        label: 'Back to the saved version',
      });
      void trigger();
      clearDraft(draftSlot);
      setSavedAt(null);
      return;
    }
    if (!window.confirm('Reset the designer? This clears the form and the saved draft.')) return;
    const next = freshEmptyDesign();
    const text = fileOf(next, effectiveHclOptions);
    baselineRef.current = text;
    designDoc.setRevealAll(false);
    designDoc.load(text, next, { label: 'Designer reset' });
    clearDraft();
    setSavedAt(null);
  };

  const focusIssue = useCallback((path: string) => {
    const m = /^instances\.(\d+)/.exec(path);
    // Expand a collapsed instance synchronously so the field exists and is visible before focusing.
    if (m) flushSync(() => instancesRef.current?.expand(Number(m[1])));
    focusPath(path);
  }, []);

  // Stored keys arrive as a placeholder (live connectors and workspace designs): never export that as if it were a key.
  const storedKeys = Boolean(liveLoaded?.storedKeys) || (initial !== null && hasStoredKey(initial));
  const effectiveHclOptions: PreviewHclOptions = useMemo(
    () => (storedKeys ? { ...hclOptions, preSharedKeys: 'variable' } : hclOptions),
    [storedKeys, hclOptions],
  );
  useEffect(
    () => designDoc.setOptions(effectiveHclOptions),
    [designDoc, effectiveHclOptions.omitDefaults, effectiveHclOptions.preSharedKeys],
  );

  // After a successful update the live connector matches the form: it is no longer a dirty edit.
  const onProvisioned = useCallback(() => {
    if (editing) baselineRef.current = designDoc.getState().text;
  }, [editing, designDoc]);

  // The draft is now a live connector: edit that from here on, so a reload cannot create it a second time.
  const onCreated = useCallback(
    (submitted: SubmittedProvision) => {
      if (editing) return;
      createdRef.current = true;
      clearDraft();
      handOverCreated(submitted);
      router.replace(`/designer?connector=${submitted.connectorId}`, { scroll: false });
    },
    [editing, router],
  );

  // The new design is now stored in the workspace: continue on its own URL, and let go of the new-design draft.
  const onSavedToWorkspace = useCallback(
    (id: number) => {
      createdRef.current = true;
      clearDraft();
      router.push(`/designs/${id}`);
    },
    [router],
  );

  const openNode = useCallback((formPath: string) => focusIssue(fieldPathForNode(formPath)), [focusIssue]);
  // The form renders its host on every change (see contextFormState): the views below are the same elements then,
  // so React leaves them alone; each follows the document or the form itself.
  const topology = useMemo(
    () => (
      <DesignerTopology focused={focusedPath} onNodeClick={openNode} className={wide ? 'h-full min-h-0' : 'h-full'} />
    ),
    [focusedPath, openNode, wide],
  );
  const formSections = useMemo(
    () => (
      <>
        <BasicsSection />
        <InstancesSection ref={instancesRef} />
        <SegmentOptionsSection />
        <BillingTagsSection />
      </>
    ),
    [],
  );
  const panels = useMemo(
    () => (
      <>
        <IssueSummary onSelect={focusIssue} />
        <HclDiagnosticsPanel />
        {workspace ? (
          workspace.provision
        ) : (
          <DesignerProvision connectorId={connectorId} onProvisioned={onProvisioned} onCreated={onCreated} />
        )}
      </>
    ),
    [focusIssue, workspace, connectorId, onProvisioned, onCreated],
  );
  const preview = useMemo(
    () => (
      <PreviewPane
        options={effectiveHclOptions}
        onOptionsChange={setHclOptions}
        topology={wide ? undefined : topology}
        moduleDownload={!workspace}
      />
    ),
    [effectiveHclOptions, wide, topology, workspace],
  );

  const validateAll = async () => {
    await trigger();
    document.getElementById('error-summary')?.focus();
  };

  return (
    <DesignDocumentContext value={designDoc}>
      <FormProvider {...form} formState={contextFormState}>
        <div className={`mx-auto px-4 py-4 ${wide ? 'max-w-[2560px]' : 'max-w-[1680px]'}`}>
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <div className="mr-auto">
              <h1 className="text-lg font-semibold text-slate-900 dark:text-slate-50">Connector designer</h1>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Azure ExpressRoute connector · alkira_connector_azure_expressroute
              </p>
            </div>
            <span
              className="text-xs text-slate-600 dark:text-slate-400"
              aria-live="polite"
              data-testid="autosave-status"
            >
              {editing
                ? 'Editing a live connector'
                : savedAt
                  ? `Draft saved ${savedAt.toLocaleTimeString()}`
                  : 'Drafts save automatically'}
            </span>
            <UndoControls />
            {workspace ? workspace.toolbar : !editing && <SaveToWorkspace onSaved={onSavedToWorkspace} />}
            <TemplateMenu onChoose={loadTemplate} />
            <ImportAction onLoad={loadImported} onSaveAll={saveImported} />
            <button type="button" className="btn-secondary text-xs" onClick={validateAll}>
              Validate all
            </button>
            <button type="button" className="btn-secondary text-xs text-red-700 dark:text-red-300" onClick={resetForm}>
              Reset
            </button>
          </div>
          {workspace?.banner}
          {editing && (
            <LiveConnectorBanner
              connectorId={connectorId}
              name={liveLoaded?.name}
              loading={!liveLoaded && !live.isError}
              error={live.isError ? live.error : null}
              onRetry={() => void live.refetch()}
              storedKeys={Boolean(liveLoaded?.storedKeys)}
              managing={managing.data}
            />
          )}
          <DesignerColumns
            hidden={editing && !liveLoaded}
            form={
              <form
                noValidate
                aria-label="Connector design"
                // Set once the draft (or stored version) is in the form: an edit made before would be replaced by it.
                data-ready={draftLoaded || editing ? 'true' : undefined}
                className="min-w-0 space-y-4"
                onSubmit={(e) => {
                  // Enter in a text field must not reload the page; there is nothing to submit.
                  e.preventDefault();
                }}
                // React's onFocus bubbles (focusin): the focused field's node is highlighted in the topology.
                onFocus={(e) => {
                  const path = formPathOfElement(e.target);
                  if (path !== null) focusedPath.set(path);
                }}
              >
                {formSections}
              </form>
            }
            side={
              <>
                {panels}
                <div className="h-[70vh] min-h-0 lg:h-auto lg:flex-1">{preview}</div>
              </>
            }
            topology={wide ? topology : null}
          />
          <UndoToast />
        </div>
      </FormProvider>
    </DesignDocumentContext>
  );
});
