'use client';
import { SENSITIVE_API_FIELDS } from '@/lib/connector/resource';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { HclRenderOptions } from '@/lib/connector/design';
import { designToAlkiraConnector } from '@/lib/connector/mapping';
import { withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { activeProtocolViews } from './version-memos';
import { useDesignState, useDocumentStore, useFileProblem } from './design-document-context';
import { EditorSyncNotes } from './editor-sync-notes';
import { KeyVariablesList } from './key-variables-list';
import { setReferenceMode, useReferenceMode } from './reference-mode';
import { HclHighlight } from './hcl-highlight';
import { downloadText } from '@/lib/client/download';
import { countOf } from '@/lib/client/format';
import { itemAt } from '@/lib/util/indexing';

// CodeMirror is not in the page's own scripts: until it has loaded the read-only highlighted HCL stands in. Its
// download starts with the page's scripts (not once the page has rendered), so it is read while the page starts,
// not under the user's first keystrokes.
type EditorModule = typeof import('./hcl-editor');
/** The editor's module once it has loaded. */
let loadedEditor: EditorModule | null = null;
const editorLoading: Promise<EditorModule> | null =
  typeof window === 'undefined'
    ? null
    : import('./hcl-editor').then((module) => {
        loadedEditor = module;
        return module;
      });

/**
 * The editor's module: null until it has loaded (and on the server), 'failed' when its download failed. Taken by a
 * plain state update when it arrives, not through Suspense: React holds back a suspended boundary's reveal, and a
 * held-back editor was mounted (~80 ms) under the user's first keystroke instead of while the page was loading.
 */
function useEditorModule(): EditorModule | 'failed' | null {
  const [module, setModule] = useState<EditorModule | 'failed' | null>(null);
  useEffect(() => {
    if (loadedEditor) {
      setModule(() => loadedEditor);
      return;
    }
    let live = true;
    editorLoading?.then(
      (m) => live && setModule(() => m),
      () => live && setModule('failed'),
    );
    return () => {
      live = false;
    };
  }, []);
  return module;
}

type PreviewTab = 'hcl' | 'json' | 'topology';
const TABS: { id: PreviewTab; label: string }[] = [
  { id: 'hcl', label: 'HCL' },
  { id: 'json', label: 'Alkira API JSON' },
  { id: 'topology', label: 'Topology' },
];

/** The API JSON carries sensitive fields (pre-shared keys, remote auth values) in clear; the preview shows that one is set, never its value. */
function maskSecrets(key: string, value: unknown): unknown {
  if (SENSITIVE_API_FIELDS.has(key) && typeof value === 'string' && value !== '') return '(sensitive)';
  return value;
}

function safeFileName(resourceName: string | undefined): string {
  const base = (resourceName ?? '').trim().replace(/[^A-Za-z0-9_.-]+/g, '_');
  return `${base || 'connector'}.tf`;
}

export type PreviewHclOptions = Required<HclRenderOptions>;

export const DEFAULT_PREVIEW_HCL_OPTIONS: PreviewHclOptions = { omitDefaults: true, preSharedKeys: 'variable' };

/**
 * The file (an editor: the document the form edits too) / API JSON / topology of the form.
 * The HCL options are owned by the page (the warnings depend on them too).
 * `topology` is the diagram for the "Topology" tab; without it (wide screens
 * show the diagram in a column of its own) the tab is left out.
 */
export function PreviewPane(props: {
  options: PreviewHclOptions;
  onOptionsChange: (next: PreviewHclOptions) => void;
  topology?: ReactNode;
  /** Offer the file as a module .zip (the workspace offers its saved version's from the server instead). */
  moduleDownload?: boolean;
}) {
  const { options, onOptionsChange, topology, moduleDownload = true } = props;
  const { omitDefaults, preSharedKeys } = options;
  const store = useDocumentStore();
  const design = useDesignState((s) => s.design);
  const hcl = useDesignState((s) => s.text);
  const keyVariables = useDesignState((s) => s.keyVariables);
  const resources = useDesignState((s) => s.resources);
  const resource = useDesignState((s) => s.resource);
  const problem = useFileProblem();
  const errorCount = useDesignState((s) => s.check.errors.length);
  // Why the file cannot be handed over now: a file problem first, else the design's errors (a fresh form's too).
  const blocker = problem ?? (errorCount ? invalidDesignReason(errorCount) : null);
  const [chosenTab, setTab] = useState<PreviewTab>('hcl');
  const tabs = topology ? TABS : TABS.filter((t) => t.id !== 'topology');
  const tab: PreviewTab = tabs.some((t) => t.id === chosenTab) ? chosenTab : 'hcl';
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Why Copy or Download refused (a field the file cannot hold yet, a broken file).
  const [refused, setRefused] = useState<string | null>(null);
  const copyTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const tabRefs = useRef<Record<PreviewTab, HTMLButtonElement | null>>({ hcl: null, json: null, topology: null });

  // Client only: the editor needs the DOM, and the server-rendered page stays light.
  const editor = useEditorModule();

  useEffect(() => () => clearTimeout(copyTimer.current), []);
  useEffect(() => {
    // A diagnostic clicked in the form must show the HCL tab before the editor can scroll to it.
    store.onBeforeReveal = () => flushSync(() => setTab('hcl'));
    return () => {
      store.onBeforeReveal = null;
    };
  }, [store]);

  const resourceLabels = resources;
  const json = useMemo(() => {
    // Only the JSON tab shows it.
    if (tab !== 'json') return '';
    try {
      return JSON.stringify(
        designToAlkiraConnector(withoutInactiveProtocolValues(design, activeProtocolViews), {
          storedSecret: '(stored)',
        }),
        maskSecrets,
        2,
      );
    } catch {
      // The message could echo field values; keep it generic.
      return '// This design cannot be mapped to the API yet. Fix the errors listed in the form.';
    }
  }, [design, tab]);

  /**
   * The file, or null while it cannot be handed over: a file problem, or a design the service would reject (an
   * empty form's `name = ""` among them). A refused attempt shows why and reveals every error at its field.
   */
  const hclText = async (): Promise<string | null> => {
    let reason = store.exportProblem();
    if (reason === null) {
      const check = await store.whenChecked();
      if (check.errors.length) reason = invalidDesignReason(check.errors.length);
    }
    setRefused(reason);
    if (reason === null) return store.getState().text;
    store.setRevealAll(true);
    return null;
  };

  const copy = async () => {
    const text = tab === 'hcl' ? await hclText() : json;
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
    clearTimeout(copyTimer.current);
    copyTimer.current = setTimeout(() => setCopyState('idle'), 1500);
  };

  const download = async () => {
    const text = await hclText();
    if (text !== null) downloadText(text, safeFileName(design.resource_name));
  };

  const downloadZip = async () => {
    const text = await hclText();
    if (text === null) return;
    const { downloadModule } = await import('./module-download');
    downloadModule(text, design.resource_name);
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const at = tabs.findIndex((t) => t.id === tab);
    const next = itemAt(tabs, (at + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length, 'tab').id;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section
      aria-label="Preview"
      className="flex h-full min-h-0 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <div
          role="tablist"
          aria-label="Preview format"
          className="flex rounded-md bg-slate-100 p-0.5 dark:bg-slate-800"
        >
          {tabs.map((t) => (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`preview-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="preview-panel"
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={onTabKey}
              className={`rounded px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
                tab === t.id
                  ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-600 dark:text-white'
                  : 'text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
              }`}
            >
              {t.label}
            </button>
          ))}
        </div>
        {/* The topology has its own export buttons. */}
        {tab !== 'topology' && (
          <div className="ml-auto flex items-center gap-2">
            {/* Not `disabled`: a click says why the file is held back and shows every error at its field. */}
            <button
              type="button"
              className="btn-secondary text-xs"
              onClick={copy}
              aria-describedby={tab === 'hcl' && blocker ? 'export-blocked' : undefined}
            >
              {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : 'Copy'}
            </button>
            <button
              type="button"
              className={`${blocker ? 'btn-secondary' : 'btn-primary'} text-xs`}
              onClick={() => void download()}
              aria-describedby={blocker ? 'export-blocked' : undefined}
            >
              Download .tf
            </button>
            {moduleDownload && tab === 'hcl' && (
              <button
                type="button"
                className="btn-secondary text-xs"
                onClick={downloadZip}
                title="The file's connectors as a Terraform module: main.tf, variables.tf, providers.tf"
              >
                Download module (.zip)
              </button>
            )}
          </div>
        )}
        <span className="sr-only" aria-live="polite">
          {copyState === 'copied' ? 'Copied to clipboard' : copyState === 'failed' ? 'Copy failed' : ''}
        </span>
      </div>
      {tab === 'hcl' && (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-700 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-200">
          {resourceLabels.length > 1 && (
            <label className="flex items-center gap-1.5 font-medium">
              The form edits
              <select
                data-testid="hcl-resource-select"
                className="rounded border border-slate-300 bg-white px-1 py-0.5 font-mono text-xs focus:outline-2 focus:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
                value={resource}
                onChange={(e) => store.selectResource(e.target.value)}
              >
                {resourceLabels.map((label, i) => (
                  <option key={`${i}-${label}`} value={label}>
                    {label}
                  </option>
                ))}
              </select>
              <span className="font-normal text-slate-500 dark:text-slate-400">
                ({resourceLabels.length} connectors in the file)
              </span>
            </label>
          )}
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              className="size-3.5 accent-blue-600"
              checked={omitDefaults}
              onChange={(e) => onOptionsChange({ ...options, omitDefaults: e.target.checked })}
            />
            Omit default values
          </label>
          <label className="flex items-center gap-1.5">
            Pre-shared keys:
            <select
              className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs focus:outline-2 focus:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
              value={preSharedKeys}
              onChange={(e) =>
                onOptionsChange({ ...options, preSharedKeys: e.target.value === 'inline' ? 'inline' : 'variable' })
              }
            >
              <option value="variable">as sensitive variables</option>
              <option value="inline">inline</option>
            </select>
          </label>
          <ReferenceModeChoice />
        </div>
      )}
      {tab === 'hcl' && <EditorSyncNotes />}
      {refused && blocker && tab !== 'topology' ? (
        <p
          role="alert"
          id="export-blocked"
          data-testid="export-refused"
          className="border-b border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-800 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200"
        >
          Not copied or downloaded: {blocker}
        </p>
      ) : (
        blocker &&
        tab !== 'topology' && (
          <p
            id="export-blocked"
            data-testid="export-blocked"
            className="border-b border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400"
          >
            Copy and download wait for a valid design: {blocker}
          </p>
        )
      )}
      <div
        id="preview-panel"
        role="tabpanel"
        aria-labelledby={`preview-tab-${tab}`}
        // The editor takes focus itself; the JSON view needs to be reachable for scrolling.
        tabIndex={tab === 'json' ? 0 : undefined}
        className={`min-h-0 flex-1 focus-visible:outline-2 focus-visible:outline-blue-500 ${
          tab === 'topology' ? 'p-2' : 'bg-slate-900'
        } ${tab === 'json' ? 'overflow-auto p-3' : 'overflow-hidden'}`}
      >
        {/* Hidden, not unmounted, on the other tabs: the editor may hold text the user has not applied yet. */}
        <div hidden={tab !== 'hcl'} className="h-full">
          {editor && editor !== 'failed' ? (
            <editor.default store={store} />
          ) : (
            <div className="flex h-full flex-col">
              {editor === 'failed' && (
                <p role="alert" className="border-b border-amber-700 bg-amber-950 px-3 py-1.5 text-xs text-amber-100">
                  The HCL editor could not be loaded, so the file is shown read-only here; the form still edits it.
                  Reload the page to try again.
                </p>
              )}
              <div className="min-h-0 flex-1">
                <StaticHcl text={hcl} />
              </div>
            </div>
          )}
        </div>
        {tab === 'json' && (
          <pre>
            <code
              data-testid="json-preview"
              className="block whitespace-pre font-mono text-[12.5px] leading-5 text-slate-100"
            >
              {json}
            </code>
          </pre>
        )}
        {tab === 'topology' && topology}
      </div>
      {tab === 'hcl' && <KeyVariablesList names={keyVariables} />}
      {tab === 'json' && (
        <p className="border-t border-slate-200 px-3 py-1.5 text-[11px] text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Request body for the Alkira API. Sensitive values (pre-shared keys, remote auth values) are masked; unresolved
          segment references stay as written.
        </p>
      )}
    </section>
  );
}

function invalidDesignReason(errorCount: number): string {
  return `${countOf(errorCount, 'error')} to fix (see Validation).`;
}

/** The read-only highlighted HCL shown until the editor has loaded. */
function StaticHcl({ text }: { text: string }) {
  return (
    <pre className="h-full overflow-auto p-3">
      <HclHighlight text={text} testId="hcl-preview" />
    </pre>
  );
}

/** How new catalog picks are written: data sources by name (default) or literal ids; this user's choice. */
function ReferenceModeChoice() {
  const mode = useReferenceMode();
  return (
    <label
      className="flex items-center gap-1.5"
      title="How a pick from the tenant catalog is written into the file; fields already in the file stay as written"
    >
      References:
      <select
        data-testid="reference-mode"
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs focus:outline-2 focus:outline-blue-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={mode}
        onChange={(e) => setReferenceMode(e.target.value === 'ids' ? 'ids' : 'names')}
      >
        <option value="names">data sources by name</option>
        <option value="ids">literal ids</option>
      </select>
    </label>
  );
}
