'use client';
import { useMemo, type ReactNode } from 'react';
import { highlightSpans, type HighlightKind } from '@/lib/hcl/highlight';

const KIND_CLASS: Record<HighlightKind, string> = {
  block: 'text-violet-300 font-semibold',
  attr: 'text-sky-300',
  string: 'text-emerald-300',
  number: 'text-amber-300',
  bool: 'text-orange-300',
  comment: 'text-slate-400 italic',
  ident: 'text-slate-100',
  punct: 'text-slate-400',
};

const COLOURED_CHARS = 16_384;
/** Lines per block of the uncoloured rest (its line height is the code's, leading-5: 20 px). */
const PLAIN_BLOCK_LINES = 200;

/** Highlighted HCL, coloured as the editor colours it (the engine's scanner). The element's textContent is exactly `text`. */
export function HclHighlight({ text, testId }: { text: string; testId?: string }) {
  const children = useMemo(() => {
    const nodes: ReactNode[] = [];
    // A large file is coloured as far as a screen or two shows; the rest is plain (the editor replaces this view
    // within a second, and thousands of spans would only hold up the page meanwhile).
    const cut = text.length > COLOURED_CHARS ? text.indexOf('\n', COLOURED_CHARS) + 1 || text.length : text.length;
    let at = 0;
    for (const span of highlightSpans(text.slice(0, cut))) {
      if (span.from > at) nodes.push(text.slice(at, span.from));
      nodes.push(
        <span key={span.from} className={KIND_CLASS[span.kind]} data-token={span.kind}>
          {text.slice(span.from, span.to)}
        </span>,
      );
      at = span.to;
    }
    if (at < cut) nodes.push(text.slice(at, cut));
    at = cut;
    // The rest (from a line's start) in blocks of lines the browser lays out only when scrolled to: one text node of
    // a 250 KB file took the page's first layout over 100 ms (the text is the same, and so is its height).
    while (at < text.length) {
      let end = at;
      let lines = 0;
      for (; lines < PLAIN_BLOCK_LINES && end < text.length; lines++) end = text.indexOf('\n', end) + 1 || text.length;
      nodes.push(
        <span
          key={`lines-${at}`}
          className="block [content-visibility:auto]"
          style={{ containIntrinsicSize: `auto ${lines * 20}px` }}
        >
          {text.slice(at, end)}
        </span>,
      );
      at = end;
    }
    return nodes;
  }, [text]);
  return (
    <code data-testid={testId} className="block whitespace-pre font-mono text-[12.5px] leading-5 text-slate-100">
      {children}
    </code>
  );
}
