/**
 * The result type of the structural check (./structure.ts), and the signal
 * that ends it. Kept apart so the lexer and the nesting analysis can both
 * raise a problem without depending on each other.
 */

export interface StructureProblem {
  message: string;
  /** Where to underline. */
  from: number;
  to: number;
  /** Offset from which the text cannot be trusted: the import reads only what comes before. */
  cut: number;
  /** Start of the header of the top-level block the problem lies in, if any. */
  topBlock?: number;
}

/**
 * Thrown to end the scan at a structural error (or, with `null`, to end it
 * silently: too many problems already, or input too odd to judge).
 */
export class Stop {
  constructor(readonly problem: StructureProblem | null) {}
}
