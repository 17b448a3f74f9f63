/**
 * The editor's colours from the HCL engine (lib/hcl/highlight.ts): only the
 * lines in the viewport are read, from the last line start before them that
 * lies outside every template, so an edit costs a screenful of scanning
 * whatever the file's size (a grammar would re-parse the file ahead of the
 * cursor, in slices that hold up the page).
 */
import { RangeSetBuilder, StateEffect } from '@codemirror/state';
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

/** The restart points found in idle time now reach the viewport: colour it again. */
const restartsFound = StateEffect.define<null>();

/** What one update may read ahead to find where to start (the rest is read in idle time). */
const READ_BUDGET = 65_536;

class EngineHighlighter {
  decorations: DecorationSet;
  private readonly restarts: RestartPoints;
  private idle: number | undefined;

  constructor(private readonly view: EditorView) {
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
    const found = update.transactions.some((tr) => tr.effects.some((e) => e.is(restartsFound)));
    if (update.docChanged || update.viewportChanged || found) this.decorations = this.build(update.view);
  }

  destroy(): void {
    if (this.idle !== undefined) cancelIdleCallback(this.idle);
  }

  private build(view: EditorView): DecorationSet {
    const doc = view.state.doc;
    const { from, to } = view.viewport;
    const read = (a: number, b: number) => doc.sliceString(a, b);
    const { point: start, exact } = this.restarts.before(from, read, READ_BUDGET);
    if (!exact) this.findRestartsLater();
    const end = doc.lineAt(to).to;
    const builder = new RangeSetBuilder<Decoration>();
    for (const span of highlightSpans(doc.sliceString(start, end))) {
      if (start + span.to <= from) continue;
      builder.add(start + span.from, start + span.to, MARKS[span.kind]);
    }
    return builder.finish();
  }

  /** Reads on in idle time until the viewport's restart point is known, then colours the viewport again. */
  private findRestartsLater(): void {
    if (this.idle !== undefined || typeof requestIdleCallback !== 'function') return;
    const step = (deadline: IdleDeadline) => {
      this.idle = undefined;
      const doc = this.view.state.doc;
      const read = (a: number, b: number) => doc.sliceString(a, b);
      let done = false;
      while (!done && deadline.timeRemaining() > 8) done = this.restarts.extend(this.view.viewport.from, read, 16_384);
      if (done) this.view.dispatch({ effects: restartsFound.of(null) });
      else this.idle = requestIdleCallback(step);
    };
    this.idle = requestIdleCallback(step);
  }
}

export const engineHighlighting = ViewPlugin.fromClass(EngineHighlighter, {
  decorations: (plugin) => plugin.decorations,
});
