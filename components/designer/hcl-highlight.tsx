'use client';
import { useMemo } from 'react';

export type HclTokenType = 'block' | 'attr' | 'string' | 'number' | 'bool' | 'comment' | 'ident' | 'punct' | 'space';

export interface HclToken {
  type: HclTokenType;
  text: string;
}

const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_-]*/;
const NUMBER_RE = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const HEREDOC_RE = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/;

/** Index just past the closing quote of the string starting at `start` (honours escapes and `${…}` nesting). */
function endOfString(src: string, start: number): number {
  let depth = 0;
  for (let i = start + 1; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '\n') return i; // unterminated: stop at the line end
    if (depth === 0 && ch === '"') return i + 1;
    if ((ch === '$' || ch === '%') && src[i + 1] === '{') {
      depth++;
      i++;
    } else if (depth > 0 && ch === '{') depth++;
    else if (depth > 0 && ch === '}') depth--;
  }
  return src.length;
}

function endOfHeredoc(src: string, bodyStart: number, marker: string): number {
  let lineStart = bodyStart;
  while (lineStart < src.length) {
    const nl = src.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? src.length : nl;
    if (src.slice(lineStart, lineEnd).trim() === marker) return lineEnd;
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return src.length;
}

/**
 * Splits HCL into tokens for highlighting. Lossless: the tokens' texts joined
 * are exactly the input, so the highlighted element's textContent stays the
 * file that gets copied and downloaded.
 */
export function tokenizeHcl(src: string): HclToken[] {
  const tokens: HclToken[] = [];
  let i = 0;
  // Only whitespace since the last newline: an identifier here is a block type or an attribute name.
  let atLineStart = true;
  const push = (type: HclTokenType, text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.type === type && (type === 'space' || type === 'punct')) last.text += text;
    else tokens.push({ type, text });
  };

  while (i < src.length) {
    const rest = src.slice(i, i + 256);
    const ch = src[i];

    if (/\s/.test(ch)) {
      let j = i;
      while (j < src.length && /\s/.test(src[j])) {
        if (src[j] === '\n') atLineStart = true;
        j++;
      }
      push('space', src.slice(i, j));
      i = j;
      continue;
    }

    let end = -1;
    let type: HclTokenType = 'punct';
    if (ch === '#' || rest.startsWith('//')) {
      const nl = src.indexOf('\n', i);
      end = nl === -1 ? src.length : nl;
      type = 'comment';
    } else if (rest.startsWith('/*')) {
      const close = src.indexOf('*/', i + 2);
      end = close === -1 ? src.length : close + 2;
      type = 'comment';
    } else if (ch === '"') {
      end = endOfString(src, i);
      type = 'string';
    } else if (HEREDOC_RE.test(rest)) {
      const m = HEREDOC_RE.exec(rest)!;
      end = endOfHeredoc(src, i + m[0].length, m[1]);
      type = 'string';
    } else if (NUMBER_RE.test(rest) && !/[A-Za-z0-9_.-]/.test(src[i - 1] ?? '')) {
      end = i + NUMBER_RE.exec(rest)![0].length;
      type = 'number';
    } else if (IDENT_RE.test(rest)) {
      const word = IDENT_RE.exec(rest)![0];
      end = i + word.length;
      if (word === 'true' || word === 'false' || word === 'null') type = 'bool';
      else if (atLineStart) {
        const after = src.slice(end, src.indexOf('\n', end) === -1 ? src.length : src.indexOf('\n', end));
        if (/^\s*=(?!=)/.test(after)) type = 'attr';
        else if (/^\s*("|\{|[A-Za-z_])/.test(after)) type = 'block';
        else type = 'ident';
      } else type = 'ident';
    } else {
      end = i + 1;
      type = 'punct';
    }
    push(type, src.slice(i, end));
    atLineStart = false;
    i = end;
  }
  return tokens;
}

const TOKEN_CLASS: Record<HclTokenType, string> = {
  block: 'text-violet-300 font-semibold',
  attr: 'text-sky-300',
  string: 'text-emerald-300',
  number: 'text-amber-300',
  bool: 'text-orange-300',
  comment: 'text-slate-400 italic',
  ident: 'text-slate-100',
  punct: 'text-slate-400',
  space: '',
};

/** Highlighted HCL. The element's textContent is exactly `text`. */
export function HclHighlight({ text, testId }: { text: string; testId?: string }) {
  const tokens = useMemo(() => tokenizeHcl(text), [text]);
  return (
    <code data-testid={testId} className="block whitespace-pre font-mono text-[12.5px] leading-5">
      {tokens.map((t, k) =>
        t.type === 'space' ? t.text : (
          <span key={k} className={TOKEN_CLASS[t.type]} data-token={t.type}>
            {t.text}
          </span>
        ),
      )}
    </code>
  );
}
