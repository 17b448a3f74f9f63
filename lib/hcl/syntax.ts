/**
 * The HCL syntax tree: every node carries the `[from, to)` offsets of its
 * text, so the text itself stays the source of truth (the tree never holds a
 * normalised copy). Between a node's children lie only white space and
 * comments; `HclFile.comments` lists the comments. Modelled on `hclsyntax`'s
 * node kinds, with what an editor needs added (the offsets of braces, `=`,
 * labels).
 */

/** A half-open range of character offsets in the source text, `[from, to)`. */
export interface Span {
  from: number;
  to: number;
}

export interface Identifier extends Span {
  name: string;
}

export interface Label extends Span {
  /** The label's value (decoded, for a quoted label). */
  value: string;
  quoted: boolean;
}

export interface Attribute extends Span {
  type: 'attribute';
  name: Identifier;
  /** Offset of the `=`. */
  equals: number;
  value: Expression;
}

export interface Block extends Span {
  type: 'block';
  blockType: Identifier;
  labels: Label[];
  /** Offset of the `{`, -1 when the header is cut short. */
  open: number;
  /** Offset of the `}`, -1 when the block is never closed. */
  close: number;
  body: Body;
}

export type BodyItem = Attribute | Block;

export interface Body extends Span {
  items: BodyItem[];
}

export interface HclFile {
  text: string;
  body: Body;
  /** `[from, to)` of each comment, flattened. */
  comments: number[];
  diagnostics: SyntaxDiagnostic[];
}

export interface SyntaxDiagnostic extends Span {
  /** One line naming the problem, e.g. "Missing newline after argument". */
  summary: string;
  /** What to do about it. */
  detail: string;
}

export type TemplatePart =
  | ({ type: 'literal' } & Span)
  | ({ type: 'interpolation'; expression: Expression; stripLeft: boolean; stripRight: boolean } & Span)
  | ({ type: 'directive'; keyword: 'if' | 'else' | 'endif' | 'for' | 'endfor'; expression?: Expression } & Span);

export type Traversal =
  | ({ type: 'attr'; name: string } & Span)
  | ({ type: 'index'; key: Expression } & Span)
  | ({ type: 'splat'; full: boolean } & Span);

export interface ObjectItem extends Span {
  key: Expression;
  value: Expression;
}

export type Expression =
  | ({ type: 'number'; raw: string } & Span)
  | ({ type: 'bool'; value: boolean } & Span)
  | ({ type: 'null' } & Span)
  | ({ type: 'template'; heredoc: boolean; parts: TemplatePart[] } & Span)
  | ({ type: 'variable'; name: string } & Span)
  | ({ type: 'traversal'; source: Expression; steps: Traversal[] } & Span)
  | ({ type: 'call'; name: string; args: Expression[]; expandFinal: boolean } & Span)
  | ({ type: 'tuple'; items: Expression[] } & Span)
  | ({ type: 'object'; items: ObjectItem[] } & Span)
  | ({
      type: 'for';
      keyVar?: string;
      valueVar: string;
      collection: Expression;
      key?: Expression;
      value: Expression;
      condition?: Expression;
      grouped: boolean;
      object: boolean;
    } & Span)
  | ({ type: 'conditional'; condition: Expression; whenTrue: Expression; whenFalse: Expression } & Span)
  | ({ type: 'binary'; op: string; left: Expression; right: Expression } & Span)
  | ({ type: 'unary'; op: '-' | '!'; operand: Expression } & Span)
  | ({ type: 'parens'; expression: Expression } & Span)
  /** What could not be read (a diagnostic says why). */
  | ({ type: 'invalid' } & Span);

export type TemplateExpression = Extract<Expression, { type: 'template' }>;
