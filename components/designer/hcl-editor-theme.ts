/**
 * The editor's look: the dark slate panel and token colours of the former
 * read-only preview (Tailwind's palette), so switching to the editor changes
 * nothing visually. Tokens get stable `hcl-tok-*` classes (./hcl-editor-highlight.ts),
 * so tests and styles can name them.
 */
import { EditorView } from '@codemirror/view';

const COLORS = {
  panel: '#0f172a', // slate-900
  // slate-400: line numbers are text; slate-500 on slate-900 falls short of 4.5:1.
  gutter: '#94a3b8', // slate-400
  activeLine: '#1e293b80', // slate-800, translucent
  selection: '#334155', // slate-700
  text: '#f1f5f9', // slate-100
  block: '#c4b5fd', // violet-300
  attr: '#7dd3fc', // sky-300
  string: '#6ee7b7', // emerald-300
  number: '#fcd34d', // amber-300
  bool: '#fdba74', // orange-300
  comment: '#94a3b8', // slate-400 (italic); slate-500 is below 4.5:1 on the panel
  punct: '#94a3b8', // slate-400
  error: '#f87171', // red-400
  warning: '#fbbf24', // amber-400
  info: '#60a5fa', // blue-400
};

const darkTheme = EditorView.theme(
  {
    '&': { height: '100%', backgroundColor: COLORS.panel, color: COLORS.text, fontSize: '12.5px' },
    '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '20px', overflow: 'auto' },
    '.cm-content': { padding: '12px 0', caretColor: COLORS.text },
    '.cm-line': { padding: '0 12px 0 8px' },
    '&.cm-focused': { outline: '2px solid #3b82f6', outlineOffset: '-2px' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: COLORS.text },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: COLORS.selection,
    },
    '.cm-gutters': { backgroundColor: COLORS.panel, color: COLORS.gutter, border: 'none' },
    '.cm-activeLine': { backgroundColor: COLORS.activeLine },
    '.cm-activeLineGutter': { backgroundColor: COLORS.activeLine, color: '#cbd5e1' },
    '.cm-matchingBracket': { backgroundColor: '#47556980', outline: '1px solid #64748b' },
    '.cm-tooltip': {
      backgroundColor: '#1e293b',
      color: COLORS.text,
      border: '1px solid #334155',
      borderRadius: '6px',
      maxWidth: '26rem',
    },
    '.cm-diagnostic': { fontFamily: 'var(--font-sans)', fontSize: '12px', padding: '4px 8px' },
    '.cm-diagnostic-error': { borderLeftColor: COLORS.error },
    '.cm-diagnostic-warning': { borderLeftColor: COLORS.warning },
    '.cm-diagnostic-info': { borderLeftColor: COLORS.info },
    '.cm-lintRange-error': { textDecoration: `underline wavy ${COLORS.error}`, backgroundImage: 'none' },
    '.cm-lintRange-warning': { textDecoration: `underline wavy ${COLORS.warning}`, backgroundImage: 'none' },
    '.cm-lintRange-info': { textDecoration: `underline dotted ${COLORS.info}`, backgroundImage: 'none' },
    '.cm-lintRange-active': { backgroundColor: '#47556966' },
    '.cm-panels': { backgroundColor: '#1e293b', color: COLORS.text },
    '.hcl-tok-block': { color: COLORS.block, fontWeight: '600' },
    '.hcl-tok-attr': { color: COLORS.attr },
    '.hcl-tok-string': { color: COLORS.string },
    '.hcl-tok-number': { color: COLORS.number },
    '.hcl-tok-bool': { color: COLORS.bool },
    '.hcl-tok-comment': { color: COLORS.comment, fontStyle: 'italic' },
    '.hcl-tok-ident': { color: COLORS.text },
    '.hcl-tok-punct': { color: COLORS.punct },
  },
  { dark: true },
);

export const hclEditorLook = [darkTheme];
