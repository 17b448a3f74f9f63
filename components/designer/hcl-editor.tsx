'use client';
/**
 * The two-way HCL editor (CodeMirror 6). Loaded lazily by the preview pane:
 * CodeMirror and the HCL parser stay out of the designer's first load.
 *
 * The editor holds a whole .tf file; the form edits one connector resource
 * of it (the user picks which when there are several).
 *
 * Sync rules:
 * - editor → form: after a typing pause the text is parsed; when it parses,
 *   the chosen connector's design replaces the form. Otherwise the form keeps
 *   the last valid design and a note says why.
 * - form → editor: when the form's design changes for another reason than the
 *   editor's own change, the chosen resource is updated in place as the
 *   smallest edits of the document (lib/connector/hcl/document/edit.ts:
 *   comments, other blocks and variable names stay) — but never while the
 *   user is typing or while the editor holds text that could not be applied:
 *   then the user chooses (see the notes in the preview pane).
 */
import { useEffect, useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import { Annotation, EditorSelection, EditorState, Transaction } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { ConnectorDesign, HclRenderOptions } from '@/lib/connector/design';
import type { HclDiagnostic } from '@/lib/connector/hcl/parse';
import { renderConnectorHcl, resourceLabel } from '@/lib/connector/hcl/render';
import { editConnectorDocument, renderedDocument, type EditedDocument } from '@/lib/connector/hcl/document/edit';
import { keepInactiveProtocolValues, withoutInactiveProtocolValues } from '@/lib/connector/protocol-values';
import { withFormLists } from './draft-storage';
import { applyFormPatches, formPatches, patchForm } from './form-patch';
import { keepFormPskLiterals, minimalChange, type ResourceChoice } from './editor-design';
import { checkEditorText, type EditorTextCheck } from './editor-text-check';
import { EditorTextChecker, whenIdle } from './text-checker';
import { hclEditorLook, hclWithWholeStrings } from './hcl-editor-theme';
import type { HclSyncStore } from './hcl-sync-store';

/** Pause after the last keystroke before the text is parsed and applied. */
const APPLY_DELAY_MS = 400;

/** Marks changes the editor did not get from the keyboard (form re-render, import). */
const fromOutside = Annotation.define<boolean>();

function toEditorDiagnostics(diagnostics: HclDiagnostic[], length: number): Diagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.min(d.from, length);
    return { from, to: Math.min(Math.max(d.to, from), length), severity: d.severity, message: d.message, source: 'HCL' };
  });
}

export interface HclEditorProps {
  /** The form's design rendered as HCL (what the editor shows when it follows the form). */
  formHcl: string;
  /** The design `formHcl` was rendered from (a snapshot: unchanged parts are the same objects from one change to the next). */
  formDesign: ConnectorDesign;
  options: Required<HclRenderOptions>;
  store: HclSyncStore;
}

/** After what a new text needs checking: now (the result decides what happens next), later (off the main thread), or not at all. */
type CheckWhen = 'now' | 'later' | 'never';

export default function HclEditor({ formHcl, formDesign, options, store }: HclEditorProps) {
  const { getValues, reset, setValue, trigger } = useFormContext<ConnectorDesign>();
  const hostRef = useRef<HTMLDivElement>(null);
  const mirrorRef = useRef<HTMLPreElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // The form HCL the editor text last agreed with: a different formHcl means the form changed on its own.
  const syncedHclRef = useRef(formHcl);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const formDesignRef = useRef(formDesign);
  formDesignRef.current = formDesign;
  // The last form edit of the file: the next one continues from it while the text is unchanged.
  const editedRef = useRef<EditedDocument | undefined>(undefined);
  // Counts the editor's text changes, so a check that arrives late is dropped when the text moved on.
  const docVersion = useRef(0);
  const checker = useRef<EditorTextChecker | null>(null);
  // The text is being checked to be applied to the form: like typing, the form must not overwrite it meanwhile.
  const applyingRef = useRef(false);
  // The options the editor text was last brought in line with: a change is the user's explicit choice.
  const appliedOptionsRef = useRef(options);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // False while the editor holds text that could not be applied: the form must not overwrite it.
  const appliedRef = useRef(true);
  const formAheadRef = useRef(false);
  // Which connector of the file the form edits, and its design as the editor text last held it.
  const resourceRef = useRef<ResourceChoice>({});
  const editorDesignRef = useRef<ConnectorDesign | undefined>(undefined);

  // The latest closures for CodeMirror's listeners, which are created once.
  const actions = useRef({
    renderForm: () => renderConnectorHcl(withoutInactiveProtocolValues(getValues()), optionsRef.current),

    /**
     * The editor's file with the chosen resource updated to the form; the form's own HCL when the file cannot take the edit.
     * `convertKeys`: the user just switched the key option, so keys move into variables or inline as it says.
     */
    documentWithForm(text: string, formHcl: string, convertKeys = false): string {
      // The other protocol's kept values are neither shown nor sent (as in the form's own rendering).
      const design = withoutInactiveProtocolValues(formDesignRef.current);
      let next = formHcl;
      try {
        const edited = editConnectorDocument(text, design, { ...optionsRef.current, resource: resourceRef.current.label, convertKeys }, editedRef.current);
        editedRef.current = edited;
        next = edited.text;
      } catch {
        // Unreadable or without the chosen resource: show the form's HCL, as before documents existed.
        editedRef.current = undefined;
      }
      resourceRef.current = { ...resourceRef.current, label: resourceLabel(design.resource_name) };
      return next;
    },

    /**
     * The editor's text reads as `design` — the form's own rendering, or a
     * file imported, pasted or typed: in idle time, note that, so the next
     * form edit continues from this reading instead of reading the file again.
     */
    noteReadLater(view: EditorView, design: ConnectorDesign = withoutInactiveProtocolValues(formDesignRef.current)) {
      const text = view.state.doc.toString();
      const options = optionsRef.current;
      const version = docVersion.current;
      whenIdle(() => {
        if (docVersion.current !== version || editedRef.current?.text === text) return;
        try {
          editedRef.current = renderedDocument(text, design, options);
        } catch {
          // Not a readable file after all: the next edit reads it as usual.
        }
      });
    },

    /** Shows a check of the editor's text and records whether it can replace the form. */
    showCheck(view: EditorView, result: EditorTextCheck) {
      const { outcome } = result;
      view.dispatch(setDiagnostics(view.state, toEditorDiagnostics(result.shown, view.state.doc.length)));
      appliedRef.current = outcome.status === 'synced';
      if (outcome.status === 'synced') {
        resourceRef.current = { label: outcome.resource, index: outcome.resources.indexOf(outcome.resource) };
        editorDesignRef.current = outcome.design;
        actions.current.noteReadLater(view, outcome.design);
      }
      store.update({
        diagnostics: result.panel,
        resourceCount: result.resourceCount,
        resourceLabels: outcome.resources.join('\n'),
        resource: outcome.status === 'synced' ? outcome.resource : '',
        keyVariables: result.keyVariables,
        status: outcome.status === 'synced' && formAheadRef.current ? 'conflict' : outcome.status,
      });
      return outcome;
    },

    /** Parses the text, shows its diagnostics and says whether it can replace the form. */
    check(view: EditorView) {
      return actions.current.showCheck(view, checkEditorText(view.state.doc.toString(), resourceRef.current));
    },

    /**
     * The same check, off the main thread: for text the form just wrote into a
     * file that could be read, so it stays readable meanwhile. A result for a
     * text the editor no longer holds is dropped.
     */
    checkLater(view: EditorView, onCheck: (check: EditorTextCheck) => void = (check) => actions.current.showCheck(view, check)) {
      checker.current ??= new EditorTextChecker();
      const isCurrent = (id: number) => id === docVersion.current && viewRef.current === view;
      checker.current.request(docVersion.current, view.state.doc.toString(), resourceRef.current, onCheck, isCurrent);
    },

    /**
     * Replaces the editor text with `text` without treating it as the user's edit.
     * `rendered`: the text is the form's own rendering, which needs no re-parse (it
     * is the design, and rendering yields clean HCL): skipping that round trip keeps
     * large designs responsive.
     */
    setText(view: EditorView, text: string, minimal: boolean, rendered = false, when: CheckWhen = rendered ? 'never' : 'now') {
      clearTimeout(typingTimer.current);
      typingTimer.current = undefined;
      const before = view.state.doc.toString();
      const change = minimal ? minimalChange(before, text) : { from: 0, to: before.length, insert: text };
      if (change) {
        view.dispatch({ changes: change, annotations: [fromOutside.of(true), Transaction.addToHistory.of(false)] });
      }
      formAheadRef.current = false;
      store.update({ formAhead: false });
      if (when === 'now') {
        actions.current.check(view);
        return;
      }
      if (when === 'later') {
        appliedRef.current = true;
        actions.current.checkLater(view);
        return;
      }
      appliedRef.current = true;
      view.dispatch(setDiagnostics(view.state, []));
      store.update({ status: 'synced', diagnostics: [], resourceCount: 1 });
    },

    /**
     * Editor → form. After the typing pause the text is checked off the main
     * thread (until then the form does not overwrite it: see `applying`);
     * `force` (the user chose the text) checks and applies it at once.
     */
    applyEditorText(force = false) {
      typingTimer.current = undefined;
      const view = viewRef.current;
      if (!view) return;
      if (force) {
        actions.current.applyCheck(view, checkEditorText(view.state.doc.toString(), resourceRef.current), true);
        return;
      }
      applyingRef.current = true;
      actions.current.checkLater(view, (check) => {
        applyingRef.current = false;
        actions.current.applyCheck(view, check, false);
      });
    },

    applyCheck(view: EditorView, check: EditorTextCheck, force: boolean) {
      const previous = editorDesignRef.current;
      const outcome = actions.current.showCheck(view, check);
      if (outcome.status !== 'synced') return;
      // The form changed while the editor could not follow: overwriting it now would lose that change.
      if (formAheadRef.current && !force) return;
      formAheadRef.current = false;
      store.update({ formAhead: false, status: 'synced' });
      const current = getValues();
      const toForm = (design: ConnectorDesign) => withFormLists(keepInactiveProtocolValues(keepFormPskLiterals(design, current, previous), current));
      const next = toForm(outcome.design);
      syncedHclRef.current = renderConnectorHcl(next, optionsRef.current);
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      // Only what the text changed, found between the previous and the new reading of the file (read the same way, a
      // default the file leaves out is no change): a reset would rebuild every row of the form. A conflict resolved
      // for the text takes all of it.
      const textChanges = previous && !force ? formPatches(toForm(previous), next) : null;
      if (textChanges) applyFormPatches(setValue, textChanges);
      else if (!patchForm(setValue, current, next)) reset(next);
      // Show the validator's findings at the fields straight away.
      void trigger();
    },
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: syncedHclRef.current,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          hclWithWholeStrings,
          hclEditorLook,
          lintGutter(),
          // Tab is left alone so keyboard users can move on from the editor.
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': 'Terraform HCL (editable)' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            docVersion.current++;
            // A check of the previous text will not be applied (the next pause checks this one).
            applyingRef.current = false;
            if (mirrorRef.current) mirrorRef.current.textContent = update.state.doc.toString();
            if (update.transactions.some((tr) => tr.annotation(fromOutside))) return;
            clearTimeout(typingTimer.current);
            typingTimer.current = setTimeout(() => actions.current.applyEditorText(), APPLY_DELAY_MS);
          }),
        ],
      }),
    });
    viewRef.current = view;
    // The scroller scrolls sideways past long lines; keyboard users must be able to reach and scroll it too.
    view.scrollDOM.tabIndex = 0;
    view.scrollDOM.setAttribute('role', 'group');
    view.scrollDOM.setAttribute('aria-label', 'HCL editor (scroll with the arrow keys)');
    if (mirrorRef.current) mirrorRef.current.textContent = view.state.doc.toString();
    // The editor starts with the form's rendering: nothing to check now; its reading (for the first edit in the editor) comes off the main thread.
    store.update({ status: 'synced', diagnostics: [], resourceCount: 1 });
    actions.current.noteReadLater(view);
    actions.current.checkLater(view);
    store.attachEditor({
      getText: () => view.state.doc.toString(),
      reveal(from, to) {
        const length = view.state.doc.length;
        view.dispatch({
          selection: EditorSelection.single(Math.min(from, length), Math.min(Math.max(to, from), length)),
          scrollIntoView: true,
        });
        view.focus();
      },
      replaceWithFormHcl() {
        const text = actions.current.renderForm();
        syncedHclRef.current = text;
        actions.current.setText(view, text, true);
      },
      applyToForm: () => actions.current.applyEditorText(true),
      selectResource(label) {
        resourceRef.current = { label };
        // Another resource: the keys the editor kept for the previous one say nothing about it.
        editorDesignRef.current = undefined;
        actions.current.applyEditorText(true);
      },
      showSource(text) {
        // The form was just loaded from this text: record its HCL so the form's re-render does not replace the file.
        syncedHclRef.current = actions.current.renderForm();
        resourceRef.current = { label: resourceLabel(getValues().resource_name) };
        actions.current.setText(view, text, false);
        view.dispatch({ selection: EditorSelection.cursor(0), scrollIntoView: true });
      },
    });
    return () => {
      clearTimeout(typingTimer.current);
      checker.current?.dispose();
      checker.current = null;
      store.attachEditor(null);
      view.destroy();
      viewRef.current = null;
    };
  }, [store]);

  // Form → editor.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || formHcl === syncedHclRef.current) return;
    if (typingTimer.current !== undefined || applyingRef.current || !appliedRef.current) {
      // Keep what the user typed; the notes offer to take the form's HCL instead.
      formAheadRef.current = true;
      store.update({ formAhead: true });
      return;
    }
    const text = view.state.doc.toString();
    const before = appliedOptionsRef.current;
    const optionsChanged = before.preSharedKeys !== options.preSharedKeys || before.omitDefaults !== options.omitDefaults;
    appliedOptionsRef.current = options;
    // Text the form generated and nobody changed is ours to re-render: an option switch then reads as a fresh rendering.
    const pristine = text === syncedHclRef.current;
    syncedHclRef.current = formHcl;
    if (optionsChanged && pristine) {
      actions.current.setText(view, formHcl, true);
      actions.current.noteReadLater(view);
      return;
    }
    // The whole file stays: the form's change becomes an in-place edit of the chosen resource, then is re-checked.
    const convertKeys = before.preSharedKeys !== options.preSharedKeys;
    actions.current.setText(view, actions.current.documentWithForm(text, formHcl, convertKeys), true, false, 'later');
  }, [formHcl, options, store]);

  return (
    <>
      <div ref={hostRef} className="h-full min-h-0" data-testid="hcl-editor" />
      {/* The editor's exact text for tests and tools (CodeMirror only renders the visible lines). */}
      <pre ref={mirrorRef} hidden data-testid="hcl-preview" />
    </>
  );
}
