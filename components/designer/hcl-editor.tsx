'use client';
/**
 * The HCL editor (CodeMirror 6): a view of the designer's document
 * (./design-document.ts). Loaded lazily by the preview pane, so CodeMirror
 * stays out of the designer's first load.
 *
 * Typing hands the new text to the document, which is the file from then on;
 * every other change of the document (a form edit, undo, a load) arrives here
 * as the smallest replacement of the editor's text, so the cursor and scroll
 * stay. Undo and redo are the document's: one history for the form and the
 * editor.
 */
import { useEffect, useRef } from 'react';
import { Annotation, EditorSelection, EditorState, type ChangeSet, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { HclDiagnostic } from '@/lib/connector/hcl/import/diagnostics';
import { changedRange } from '@/lib/connector/hcl/document/operations';
import type { TextEdit } from '@/lib/hcl/align';
import type { DesignDocument } from './design-document';
import { NO_MARKS } from './document-state';
import { hclEditorLook } from './hcl-editor-theme';
import { engineHighlighting } from './hcl-editor-highlight';

/** Marks changes the editor got from the document rather than from the keyboard. */
const fromDocument = Annotation.define<boolean>();

function toEditorDiagnostics(diagnostics: readonly HclDiagnostic[], length: number): Diagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.min(d.from, length);
    return {
      from,
      to: Math.min(Math.max(d.to, from), length),
      severity: d.severity,
      message: d.message,
      source: 'HCL',
    };
  });
}

/** The edit as one range of the text before it (`before`), when the editor's change is one; else undefined. */
function singleChange(changes: ChangeSet, doc: Text, before: string): { before: string; change: TextEdit } | undefined {
  let change: TextEdit | undefined;
  let ranges = 0;
  changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    ranges++;
    change = { from: fromA, to: toA, insert: doc.sliceString(fromB, toB) };
  });
  return ranges === 1 && change ? { before, change } : undefined;
}

export default function HclEditor({ store }: { store: DesignDocument }) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // What the editor marks: nothing yet, so marks the document already has are set by the first `follow`.
    let shownDiagnostics = NO_MARKS;
    let heldMarks = NO_MARKS;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: store.getState().text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          engineHighlighting,
          hclEditorLook,
          lintGutter(),
          // The document's history, shared with the form. Tab is left alone so keyboard users can move on.
          keymap.of([
            { key: 'Mod-z', run: () => store.undo() || true, preventDefault: true },
            { key: 'Mod-Shift-z', run: () => store.redo() || true, preventDefault: true },
            { key: 'Mod-y', run: () => store.redo() || true, preventDefault: true },
            ...defaultKeymap,
          ]),
          EditorView.contentAttributes.of({ 'aria-label': 'Terraform HCL (editable)' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((tr) => tr.annotation(fromDocument))) return;
            const before = synced;
            synced = update.state.doc.toString();
            store.editorChanged(synced, singleChange(update.changes, update.state.doc, before));
          }),
        ],
      }),
    });
    // The scroller scrolls sideways past long lines; keyboard users must be able to reach and scroll it too.
    view.scrollDOM.tabIndex = 0;
    view.scrollDOM.setAttribute('role', 'group');
    view.scrollDOM.setAttribute('aria-label', 'HCL editor (scroll with the arrow keys)');

    // The text the editor holds (as the document last gave it or got it): most notifications are not about the text.
    let synced = store.getState().text;
    const follow = () => {
      const { text, textChange, shown, held } = store.getState();
      // The editor holds `synced` (what it last gave or got): the document's own account of the change from that text
      // is applied as it is; otherwise the two texts are compared (the editor's own text is never read back).
      const change =
        text === synced ? null : textChange?.before === synced ? textChange.change : changedRange(synced, text);
      synced = text;
      if (change) view.dispatch({ changes: change, annotations: [fromDocument.of(true)] });
      // Marks already shown move with the text; new ones come when the text has been read again.
      if (shown !== shownDiagnostics || held !== heldMarks) {
        shownDiagnostics = shown;
        heldMarks = held;
        // The values the file keeps for fields it cannot take yet are marked as well.
        view.dispatch(setDiagnostics(view.state, toEditorDiagnostics([...shown, ...held], view.state.doc.length)));
      }
    };
    follow();
    // A change the user did not make here (a form edit, undo) is in the editor at once: CodeMirror writes its DOM
    // now and measures in the coming frame, so the preview is painted with the keystroke's own frame.
    const unsubscribe = store.subscribe(follow);
    store.editorReveal = (from, to) => {
      const length = view.state.doc.length;
      view.dispatch({
        selection: EditorSelection.single(Math.min(from, length), Math.min(Math.max(to, from), length)),
        scrollIntoView: true,
      });
      view.focus();
    };
    return () => {
      unsubscribe();
      store.editorReveal = null;
      view.destroy();
    };
  }, [store]);

  return <div ref={hostRef} className="h-full min-h-0" data-testid="hcl-editor" />;
}
