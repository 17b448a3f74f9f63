/**
 * Line geometry of a text: line numbers, line bounds and indentation by
 * offset (messages name lines; edits work on whole lines).
 */
export class Lines {
  /** Line starts, found on first use (never empty: the first line starts at 0, so every index below is in range). */
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  private get starts(): number[] {
    if (this.lineStarts === undefined) {
      const starts = [0];
      const { text } = this;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  private index(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line number. */
  line(offset: number): number {
    return this.index(offset) + 1;
  }

  /** 1-based line and column (in UTF-16 code units, as editors count). */
  position(offset: number): { line: number; column: number } {
    const index = this.index(offset);
    return { line: index + 1, column: offset - this.starts[index]! + 1 };
  }

  start(offset: number): number {
    return this.starts[this.index(offset)]!;
  }

  /** End of the line (before its newline, and before a `\r`). */
  end(offset: number): number {
    let at = offset;
    while (at < this.text.length && this.text[at] !== '\n') at++;
    return at > offset && this.text[at - 1] === '\r' ? at - 1 : at;
  }

  /** Leading whitespace of the offset's line. */
  indent(offset: number): number {
    const start = this.start(offset);
    let at = start;
    while (at < this.text.length && (this.text[at] === ' ' || this.text[at] === '\t')) at++;
    return at - start;
  }

  /** Whether only whitespace precedes the offset on its line. */
  firstOnLine(offset: number): boolean {
    return this.start(offset) + this.indent(offset) === offset;
  }
}
