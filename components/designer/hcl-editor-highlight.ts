/**
 * The editor's colours from the HCL engine (lib/hcl/highlight.ts): only the
 * lines in the viewport are read, from the last line start before them that
 * lies outside every template, so an edit costs a screenful of scanning
 * whatever the file's size (a grammar would re-parse the file ahead of the
 * cursor, in slices that hold up the page).
 */
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import { highlightSpans, RestartPoints, type HighlightKind } from '@/lib/hcl/highlight';

const MARKS: Record<HighlightKind, Decoration> = {
  block: Decoration.mark({ class: 'hcl-tok-block' }),
  attr: Decoration.mark({ class: 'hcl-tok-attr' }),
  string: Decoration.mark({ class: 'hcl-tok-string' }),
  number: Decoration.mark({ class: 'hcl-tok-number' }),
  bool: Decoration.mark({ class: 'hcl-tok-bool' }),
  comment: Decoration.mark({ class: 'hcl-tok-comment' }),
  ident: Decoration.mark({ class: 'hcl-tok-ident' }),
  punct: Decoration.mark({ class: 'hcl-tok-punct' }),
};

class EngineHighlighter {
  decorations: DecorationSet;
  private readonly restarts: RestartPoints;

  constructor(view: EditorView) {
    this.restarts = new RestartPoints(view.state.doc.length);
    this.decorations = this.build(view);
  }

  update(update: ViewUpdate): void {
    if (update.docChanged) {
      let first = Number.POSITIVE_INFINITY;
      update.changes.iterChangedRanges((fromA) => {
        first = Math.min(first, fromA);
      });
      this.restarts.changedFrom(first, update.state.doc.length);
    }
    if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
  }

  private build(view: EditorView): DecorationSet {
    const doc = view.state.doc;
    const { from, to } = view.viewport;
    const start = this.restarts.before(from, (a, b) => doc.sliceString(a, b));
    const end = doc.lineAt(to).to;
    const builder = new RangeSetBuilder<Decoration>();
    for (const span of highlightSpans(doc.sliceString(start, end))) {
      if (start + span.to <= from) continue;
      builder.add(start + span.from, start + span.to, MARKS[span.kind]);
    }
    return builder.finish();
  }
}

export const engineHighlighting = ViewPlugin.fromClass(EngineHighlighter, { decorations: (plugin) => plugin.decorations });
