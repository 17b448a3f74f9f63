'use client';
/**
 * "Import Terraform": paste HCL or choose a .tf file, see the connector
 * resources it holds with their diagnostics, load one into the designer.
 * Parsing happens here in the browser; nothing is sent anywhere.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ConnectorDesign } from '@/lib/connector/design';
import { parseConnectorHcl } from '@/lib/connector/hcl/parse';
import { HclDiagnosticLine } from '@/components/designer/hcl-diagnostic-line';
import { useDebouncedValue } from '@/components/designer/use-debounced-value';
import { connectorSource } from './connector-source';
import { readTfFile } from './read-tf-file';
import { groupImportDiagnostics } from './resource-diagnostics';
import { ImportRefusalPanel, type ImportRefusal } from './import-refusal';
import { SaveImportedDesigns, type SaveImported } from './save-imported';

/** Focus ring of a scrolling list reached with Tab. */
const SCROLL_FOCUS = 'focus-visible:outline-2 focus-visible:outline-blue-600';

export interface ImportSeed {
  text: string;
  fileName?: string;
}

export interface ImportDialogProps {
  seed: ImportSeed;
  /** Loads the design (the designer confirms when the form has unsaved changes); false when the user declined. Absent: no "Load" button. */
  onLoad?: (design: ConnectorDesign, source: string, title: string) => boolean;
  /** Saves several connectors at once (as workspace designs); true once done, and the dialog closes. */
  onSaveAll?: SaveImported;
  onClose: () => void;
}

export default function ImportDialog({ seed, onLoad, onSaveAll, onClose }: ImportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [text, setText] = useState(seed.text);
  const [fileName, setFileName] = useState(seed.fileName);
  const [fileError, setFileError] = useState<string | null>(null);
  const [chosen, setChosen] = useState(0);
  // Without a designer to load into, each connector gets a checkbox (all ticked) instead of a radio.
  const picksMany = !onLoad;
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  // The workspace's reasons for refusing the last save (kept while the user fixes the text).
  const [refused, setRefused] = useState<{ refusal: ImportRefusal; text: string } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  // Parsed after a short pause, not on every keystroke in the text area.
  const source = useDebouncedValue(text, 200);
  const parsed = useMemo(() => (source.trim() ? parseConnectorHcl(source) : null), [source]);
  const resources = parsed?.designs ?? [];
  const choice = Math.min(chosen, Math.max(resources.length - 1, 0));
  const grouped = useMemo(() => (parsed ? groupImportDiagnostics(parsed) : null), [parsed]);
  const fileNotes = grouped?.fileNotes ?? [];

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await readTfFile(file);
    if (!result.ok) {
      setFileError(result.message);
      return;
    }
    setFileError(null);
    setFileName(result.name);
    setText(result.text);
    setChosen(0);
    setUnticked(new Set());
  };

  /** Puts the cursor at a 1-based line and column of the HCL text (a refused import's problem). */
  const showLine = (line: number, column: number) => {
    const area = textRef.current;
    if (!area) return;
    const lines = area.value.split('\n');
    let offset = 0;
    for (const before of lines.slice(0, Math.max(line - 1, 0))) offset += before.length + 1;
    const at = Math.min(offset + Math.max(column - 1, 0), area.value.length);
    area.focus();
    area.setSelectionRange(at, Math.min(offset + (lines[line - 1]?.length ?? 0), area.value.length));
    // Scroll the line into view: about one line-height per line above it.
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 16;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const load = () => {
    if (!onLoad || !parsed || !resources[choice]) return;
    const { design, resource_name } = resources[choice];
    const title = design.name || resource_name || 'imported connector';
    if (onLoad(design, connectorSource(source, parsed, choice), title)) dialogRef.current?.close();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="import-dialog"
      className="m-auto w-[min(56rem,calc(100vw-2rem))] rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-0 text-slate-900 dark:text-slate-100 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex max-h-[calc(100vh-4rem)] flex-col">
        <header className="border-b border-slate-200 dark:border-slate-700 px-4 py-3">
          <h2 id={titleId} className="text-base font-semibold">
            Import Terraform
          </h2>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Paste HCL, choose a .tf file or drop one on the page. Every {'alkira_connector_azure_expressroute'} resource
            is listed; other blocks are ignored.
          </p>
        </header>
        <div className="grid min-h-0 flex-1 gap-4 overflow-auto p-4 md:grid-cols-2">
          <div className="flex min-h-0 flex-col gap-2">
            <label className="text-xs font-medium text-slate-700 dark:text-slate-300" htmlFor={`${titleId}-text`}>
              HCL{' '}
              {fileName && <span className="font-normal text-slate-600 dark:text-slate-400">· from {fileName}</span>}
            </label>
            <textarea
              ref={textRef}
              id={`${titleId}-text`}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setFileName(undefined);
              }}
              spellCheck={false}
              rows={16}
              placeholder={'resource "alkira_connector_azure_expressroute" "primary" {\n  …\n}'}
              className="min-h-48 flex-1 resize-y rounded-md border border-slate-300 dark:border-slate-600 p-2 font-mono text-xs focus:outline-2 focus:outline-blue-600"
            />
            <label className="flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
              Or upload a file:
              <input
                type="file"
                accept=".tf,.hcl,text/plain"
                data-testid="import-file"
                onChange={(e) => void chooseFile(e.target.files?.[0])}
                className="text-xs file:mr-2 file:rounded-md file:border file:border-slate-300 dark:file:border-slate-600 file:bg-white dark:file:bg-slate-800 file:px-2 file:py-1 file:text-xs"
              />
            </label>
            {fileError && (
              <p role="alert" className="text-xs text-red-700 dark:text-red-300">
                {fileError}
              </p>
            )}
          </div>
          <div className="min-h-0 space-y-3 text-xs" aria-live="polite">
            {refused && (
              <ImportRefusalPanel refusal={refused.refusal} edited={refused.text !== text} onShowLine={showLine} />
            )}
            {!parsed ? (
              <p className="text-slate-600 dark:text-slate-400">Nothing to import yet.</p>
            ) : (
              <>
                <fieldset>
                  <legend className="mb-1 font-semibold text-slate-800 dark:text-slate-200">
                    Connector resources ({resources.length})
                  </legend>
                  {resources.length === 0 && (
                    <p className="text-slate-600 dark:text-slate-400">
                      No alkira_connector_azure_expressroute resource found.
                    </p>
                  )}
                  <ul className="space-y-2">
                    {resources.map((r, i) => {
                      const own = grouped?.byResource[i] ?? [];
                      const key = `${r.resource_name}|${r.line}`;
                      return (
                        <li
                          key={key}
                          className="rounded-md border border-slate-200 dark:border-slate-700 p-2"
                          data-testid="import-resource"
                        >
                          <div className="flex items-baseline gap-2">
                            {picksMany ? (
                              <input
                                id={`${titleId}-resource-${i}`}
                                type="checkbox"
                                checked={!unticked.has(key)}
                                onChange={(e) => {
                                  const next = new Set(unticked);
                                  if (e.target.checked) next.delete(key);
                                  else next.add(key);
                                  setUnticked(next);
                                }}
                              />
                            ) : (
                              <input
                                id={`${titleId}-resource-${i}`}
                                type="radio"
                                name={`${titleId}-resource`}
                                checked={choice === i}
                                onChange={() => setChosen(i)}
                              />
                            )}
                            <label htmlFor={`${titleId}-resource-${i}`} className="flex flex-1 items-baseline gap-2">
                              <span className="font-mono font-semibold">{r.resource_name || '(no label)'}</span>
                              <span className="text-slate-600 dark:text-slate-400">{r.design.name}</span>
                              <span className="ml-auto text-slate-600 dark:text-slate-400">line {r.line}</span>
                            </label>
                          </div>
                          {own.length > 0 && (
                            <ul
                              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list of plain text must be focusable for the keyboard to scroll it
                              tabIndex={0}
                              className={`mt-1 max-h-48 space-y-0.5 overflow-auto pl-5 ${SCROLL_FOCUS}`}
                              aria-label={`Diagnostics of ${r.resource_name}`}
                            >
                              {own.map((d) => (
                                <li key={`${d.from}|${d.severity}|${d.message}`}>
                                  <HclDiagnosticLine diagnostic={d} />
                                </li>
                              ))}
                            </ul>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </fieldset>
                {fileNotes.length > 0 && (
                  <section aria-label="File notes">
                    <h3 className="mb-1 font-semibold text-slate-800 dark:text-slate-200">
                      File notes ({fileNotes.length})
                    </h3>
                    <ul
                      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list of plain text must be focusable for the keyboard to scroll it
                      tabIndex={0}
                      aria-label="File notes"
                      className={`max-h-40 space-y-0.5 overflow-auto ${SCROLL_FOCUS}`}
                      data-testid="import-file-notes"
                    >
                      {fileNotes.map((d) => (
                        <li key={`${d.from}|${d.severity}|${d.message}`}>
                          <HclDiagnosticLine diagnostic={d} />
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </>
            )}
          </div>
        </div>
        <footer className="flex items-center justify-end gap-2 border-t border-slate-200 dark:border-slate-700 px-4 py-3">
          <button type="button" className="btn-secondary text-xs" onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          {onSaveAll && (picksMany || resources.length > 1) && (
            <SaveImportedDesigns
              selection={{
                text: source,
                fileName,
                resources: resources
                  .filter((r) => !picksMany || !unticked.has(`${r.resource_name}|${r.line}`))
                  .map((r) => r.resource_name),
              }}
              onSave={onSaveAll}
              onRefused={(refusal) => setRefused(refusal ? { refusal, text: source } : null)}
              onDone={() => dialogRef.current?.close()}
              primary={picksMany}
            />
          )}
          {onLoad && (
            <button type="button" className="btn-primary text-xs" disabled={!resources[choice]} onClick={load}>
              Load into designer
            </button>
          )}
        </footer>
      </div>
    </dialog>
  );
}
