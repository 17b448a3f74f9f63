/**
 * Differential test against HashiCorp's own parser (issue 17, item 2):
 * `@cdktf/hcl2json` is HCL v2.23's `hclsyntax` compiled to WebAssembly, with a
 * converter that prints the file as Terraform-JSON-like data. On every corpus
 * file Terraform accepts, and on generated configuration files (fast-check),
 * our tree must give the same blocks, labels, attribute names and expression
 * source text; on every file Terraform rejects, both must report an error.
 *
 * How: `Mirror` converts OUR tree into the JSON hcl2json prints, following
 * hcl2json's conversion (tmccombs/hcl2json `convert/convert.go`, cdktf fork),
 * then the two JSON values are compared. The source text of an expression
 * is compared exactly wherever hcl2json prints it (`"${" + source + "}"`);
 * where hcl2json rewrites an expression, we compare in the form both can
 * produce. Each such normalisation is one small named function below:
 *  - `numberValue`: a number literal is compared as a value (JSON numbers;
 *    one beyond float64, `1e400`, hcl2json prints as null).
 *  - `numberText`: a number inside a template, as cty prints it (`1.50` → `1.5`).
 *  - `foldUnary`: `-3`, `!true` are folded into values, as hcl2json folds them.
 *  - `literalString`: a template with no sequences is compared as its decoded
 *    string (our `templateLiteral`), with `${`/`%{` doubled again, as hcl2json
 *    prints every template's literal text.
 *  - `templateString`: a template with sequences is rebuilt as hcl2json
 *    rebuilds it: literal parts decoded (strip markers `~` and `<<-`
 *    indentation applied as `hclsyntax` applies them), each interpolation as
 *    `${source}`, directives as `%{if source}…%{else}…%{endif}` and
 *    `%{for k, v in source}…%{endfor}`. This is exact, not loose: no
 *    template needs a looser rule. One hcl2json quirk is mirrored (`Mirror.part`):
 *    `"x${c ? a : b}"` prints as `x%{if c}a%{else}b%{endif}`.
 *  - `isPassthrough`: `"${x}"` (one interpolation, nothing else) is `x` itself.
 *  - tuples and objects at the top of a value are converted element by
 *    element (`Mirror.value`), object keys as hcl2json names them (`Mirror.key`).
 * Where hcl2json loses or refuses information, the mirror does the same (named
 * in `Mirror.body` and `Mirror.block`): an attribute with the same name as a
 * block replaces the block; blocks of one type with different numbers of
 * labels make hcl2json throw `convert to HCL` (valid HCL it cannot print as
 * JSON), and so does a unary operator on a literal of the wrong type (`-true`).
 * Comments are not compared (hcl2json drops them).
 *
 * `FOUND` lists the disagreements this test found in our parser (all fixed
 * in lib/hcl), as examples that must keep agreeing. The generated part runs
 * 200 files; HCL_DIFFERENTIAL_RUNS=100000 searches harder (~1 ms a file).
 *
 * The corpus part is skipped, saying so, when `../shared/corpora` is absent (a
 * fresh clone); the generated part always runs.
 */
import { parse as hcl2json } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHcl } from '@/lib/hcl/parser';
import type { Block, Body, Expression, Span, TemplateExpression } from '@/lib/hcl/syntax';
import { decodeQuoted, templateLiteral } from '@/lib/hcl/values';
import { corporaPresent, readCorpusFile, verdicts, warnSkipped } from '../helpers/corpora';
import { at } from '../helpers/present';

warnSkipped('HCL differential corpus tests (the generated-input test still runs)');

/**
 * Corpus files Terraform accepts on which hcl2json itself throws `convert to
 * HCL` for a reason the mirror does not predict, with that reason. (None
 * today: the only cases known, blocks of one type with different numbers of
 * labels and `-true`, are predicted by the mirror and checked for.)
 */
const CONVERT_EXCEPTIONS: ReadonlyMap<string, string> = new Map();

// ---------------------------------------------------------------------------
// Our tree → hcl2json's JSON

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

/** A plain map without a prototype, so a key such as `__proto__` is an ordinary key. */
function object(): JsonObject {
  return Object.create(null) as JsonObject;
}

function own(o: JsonObject, key: string): Json | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Normalisation: a number literal as a JSON number; one beyond float64 (`1e400`) prints as null. */
function numberValue(raw: string): number | null {
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * Normalisation: a number literal inside a template, as cty formats it: the
 * decimal it stands for, without exponent, leading or trailing zeros
 * (`1.50` → `1.5`, `2E-2` → `0.02`, `007` → `7`).
 */
function numberText(raw: string): string {
  const [, whole, fraction = '', exponent = '0'] = /^([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(raw) ?? [];
  if (whole === undefined) return raw;
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point, '0');
  const integer = digits.slice(0, point).replace(/^0+(?=.)/, '') || '0';
  const decimals = digits.slice(point).replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}

/** hcl2json prints a template's literal text as Terraform JSON does: `${` and `%{` doubled. */
function escapeTemplate(s: string): string {
  return s.replace(/([$%])\{/g, (_, sigil: string) => `${sigil}${sigil}{`);
}

/** Go's unicode.IsSpace: what a strip marker (`~`) and `<<-` remove. */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`);
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A template as `hclsyntax` sees it before building the tree: literal tokens (decoded) and sequences. */
type TemplateToken =
  | { kind: 'literal'; value: string }
  | { kind: 'interpolation'; expression: Expression }
  | { kind: 'if'; condition: Expression }
  | { kind: 'for'; keyVar: string; valueVar: string; collection: Expression }
  | { kind: 'else' | 'endif' | 'endfor' };

class Mirror {
  /** Why hcl2json must throw `convert to HCL` on this file (empty: it must not). */
  readonly conflicts: string[] = [];

  constructor(readonly text: string) {}

  source(span: Span): string {
    return this.text.slice(span.from, span.to);
  }

  /** What hcl2json prints for an expression it does not convert: its source text, first token to last. */
  wrap(e: Expression): string {
    return `\${${this.source(e)}}`;
  }

  /** Blocks first, then attributes: an attribute with the same name as a block replaces it (hcl2json loses the block). */
  body(body: Body): JsonObject {
    const out = object();
    for (const item of body.items) if (item.type === 'block') this.block(item, out);
    for (const item of body.items) if (item.type === 'attribute') out[item.name.name] = this.value(item.value);
    return out;
  }

  /** `type "l1" "l2" {…}` → `{type: {l1: {l2: [body, …]}}}`; a key holding bodies and labels at once is hcl2json's conflict. */
  block(block: Block, out: JsonObject): void {
    let into = out;
    let key = block.blockType.name;
    for (const label of block.labels) {
      let next = own(into, key);
      if (next === undefined) {
        next = object();
        into[key] = next;
      }
      if (!isObject(next)) {
        this.conflicts.push(`blocks "${block.blockType.name}" with different numbers of labels`);
        return;
      }
      into = next;
      key = label.value;
    }
    const bodies = own(into, key);
    if (bodies !== undefined && !Array.isArray(bodies)) {
      this.conflicts.push(`blocks "${block.blockType.name}" with different numbers of labels`);
      return;
    }
    const converted = this.body(block.body);
    if (bodies) bodies.push(converted);
    else into[key] = [converted];
  }

  /** An attribute's value, or an element of a tuple or object at the top of one. */
  value(e: Expression): Json {
    switch (e.type) {
      case 'number':
        return numberValue(e.raw);
      case 'bool':
        return e.value;
      case 'null':
        return null;
      case 'unary':
        return this.foldUnary(e);
      case 'template': {
        const sole = isPassthrough(e);
        return sole ? this.value(sole) : this.templateString(e);
      }
      case 'tuple':
        return e.items.map((item) => this.value(item));
      case 'object': {
        const out = object();
        for (const item of e.items) out[this.key(item.key)] = this.value(item.value);
        return out;
      }
      default:
        return this.wrap(e);
    }
  }

  /** Normalisation: a unary operator on a literal is folded (`-3`, `!true`); on anything else it is source text. */
  foldUnary(e: Extract<Expression, { type: 'unary' }>): Json {
    const operand = e.operand;
    if (operand.type !== 'number' && operand.type !== 'bool' && operand.type !== 'null') return this.wrap(e);
    if (e.op === '-' && operand.type === 'number') {
      const n = numberValue(operand.raw);
      return n === null ? null : -n;
    }
    if (e.op === '!' && operand.type === 'bool') return !operand.value;
    this.conflicts.push(`unary ${e.op} on a literal of another type`);
    return null;
  }

  /** An object key: a name or traversal as written, anything else as a template part. */
  key(e: Expression): string {
    if (e.type === 'variable') return this.source(e);
    if (
      e.type === 'traversal' &&
      e.source.type === 'variable' &&
      e.steps.every((s) => s.type === 'attr' || (s.type === 'index' && isLiteralKey(s.key)))
    )
      return this.source(e);
    return this.part(e);
  }

  /** An expression inside a template (hcl2json's convertStringPart). */
  part(e: Expression): string {
    switch (e.type) {
      case 'number':
        return numberText(e.raw);
      case 'bool':
        return String(e.value);
      case 'null':
        return 'null';
      case 'template': {
        const sole = isPassthrough(e);
        return sole ? this.part(sole) : this.templateString(e);
      }
      case 'conditional': {
        // hcl2json prints `${c ? a : b}` inside a longer template as the directive it is equivalent to.
        const whenFalse = this.part(e.whenFalse);
        return `%{if ${this.source(e.condition)}}${this.part(e.whenTrue)}${whenFalse ? `%{else}${whenFalse}` : ''}%{endif}`;
      }
      default:
        return this.wrap(e);
    }
  }

  /** Normalisation: a template as hcl2json prints it (see the file comment). */
  templateString(t: TemplateExpression): string {
    const literal = literalString(this.text, t);
    if (literal !== null) return literal;
    const tokens = this.templateTokens(t);
    let at = 0;
    const sequence = (): string => {
      let out = '';
      while (at < tokens.length) {
        const token = tokens[at]!; // at < tokens.length
        if (token.kind === 'else' || token.kind === 'endif' || token.kind === 'endfor') return out;
        at++;
        if (token.kind === 'literal') out += escapeTemplate(token.value);
        else if (token.kind === 'interpolation') out += this.part(token.expression);
        else if (token.kind === 'if') {
          const whenTrue = sequence();
          let whenFalse = '';
          if (tokens[at]?.kind === 'else') {
            at++;
            whenFalse = sequence();
          }
          at++; // endif
          out += `%{if ${this.source(token.condition)}}${whenTrue}${whenFalse ? `%{else}${whenFalse}` : ''}%{endif}`;
        } else if (token.kind === 'for') {
          const body = sequence();
          at++; // endfor
          out += `%{for ${token.keyVar ? `${token.keyVar}, ` : ''}${token.valueVar} in ${this.source(token.collection)}}${body}%{endfor}`;
        }
      }
      return out;
    };
    return sequence();
  }

  /**
   * The template's tokens as `hclsyntax` makes them: literal text decoded (a
   * heredoc has one literal token per line), strip markers applied to the
   * literal token next to them, then `<<-` indentation removed.
   */
  templateTokens(t: TemplateExpression): TemplateToken[] {
    const text = this.text;
    const tokens: TemplateToken[] = [];
    let trimNext = false;
    for (const part of t.parts) {
      if (part.type === 'literal') {
        const raw = text.slice(part.from, part.to);
        const chunks = t.heredoc ? raw.split(/(?<=\n)/) : [raw];
        for (const chunk of chunks) {
          let value = (t.heredoc ? chunk.replace(/([$%])\1\{/g, '$1{') : decodeQuoted(chunk)).normalize('NFC');
          if (trimNext) value = value.replace(LEADING_SPACE, '');
          trimNext = false;
          tokens.push({ kind: 'literal', value });
        }
        continue;
      }
      const opener = text.slice(part.from, part.from + 3);
      const closer = text.slice(part.to - 2, part.to);
      const previous = tokens[tokens.length - 1];
      if (opener.endsWith('~') && previous?.kind === 'literal')
        previous.value = previous.value.replace(TRAILING_SPACE, '');
      trimNext = closer === '~}';
      if (part.type === 'interpolation') tokens.push({ kind: 'interpolation', expression: part.expression });
      else if (part.keyword === 'if') tokens.push({ kind: 'if', condition: part.expression! });
      else if (part.keyword === 'for') {
        const header = text.slice(part.from, part.expression!.from);
        const names = /for\s+([^\s,]+)\s*(?:,\s*([^\s,]+)\s*)?\s+in\s*$/.exec(header);
        if (!names) throw new Error(`unreadable for directive: ${header}`);
        const [, first, second] = names;
        if (first === undefined) throw new Error(`unreadable for directive: ${header}`);
        tokens.push({
          kind: 'for',
          keyVar: second ? first : '',
          valueVar: second ?? first,
          collection: part.expression!,
        });
      } else tokens.push({ kind: part.keyword });
    }
    if (t.heredoc && text.startsWith('<<-', t.from)) flushHeredoc(tokens);
    return tokens;
  }
}

/** `a[0]`, `a["k"]`: an index hclsyntax keeps in a plain traversal. */
function isLiteralKey(e: Expression): boolean {
  return e.type === 'number' || (e.type === 'template' && !e.heredoc && e.parts.every((p) => p.type === 'literal'));
}

/** `"${x}"` with nothing else (strip markers allowed) is `x` itself (hclsyntax's TemplateWrapExpr). */
function isPassthrough(t: TemplateExpression): Expression | null {
  const [only] = t.parts;
  return t.parts.length === 1 && only?.type === 'interpolation' ? only.expression : null;
}

/** Normalisation: a template without sequences as its decoded string (our `templateLiteral`), `${`/`%{` doubled as hcl2json prints them. */
function literalString(text: string, t: TemplateExpression): string | null {
  const value = templateLiteral(text, t);
  return value === null ? null : escapeTemplate(value);
}

/**
 * `<<-`: hclsyntax's flushHeredocTemplateParts. The smallest count of leading
 * white-space characters (grapheme clusters) over the literal tokens that
 * start a line (a line starting with a sequence counts 0; a blank line is not
 * counted) is removed from each of those tokens.
 */
function flushHeredoc(tokens: TemplateToken[]): void {
  let min = Number.POSITIVE_INFINITY;
  let lineStart = true;
  const adjust: { kind: 'literal'; value: string }[] = [];
  for (const token of tokens) {
    if (lineStart) {
      lineStart = false;
      let spaces = 0;
      if (token.kind === 'literal') {
        const leading = LEADING_SPACE.exec(token.value)?.[0] ?? '';
        if (leading.length === token.value.length && token.value.endsWith('\n')) spaces = Number.POSITIVE_INFINITY;
        else {
          spaces = [...graphemes.segment(leading)].length;
          adjust.push(token);
        }
      }
      min = Math.min(min, spaces);
    }
    if (token.kind === 'literal' && token.value.endsWith('\n')) lineStart = true;
  }
  if (!Number.isFinite(min)) return;
  for (const token of adjust) {
    const clusters = [...graphemes.segment(token.value)];
    token.value = clusters
      .slice(min)
      .map((c) => c.segment)
      .join('');
  }
}

// ---------------------------------------------------------------------------
// Running both parsers

type Outcome =
  | { kind: 'json'; json: Json }
  /** hcl2json's parser reported an error (`parse config: …`). */
  | { kind: 'syntax error'; message: string }
  /** Valid HCL that hcl2json cannot print as JSON (`convert to HCL: …`). */
  | { kind: 'convert error'; message: string };

async function theirs(text: string): Promise<Outcome> {
  try {
    return { kind: 'json', json: (await hcl2json('input.tf', text)) as Json };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message.startsWith('parse config:')) return { kind: 'syntax error', message };
    if (message.startsWith('convert to HCL:')) return { kind: 'convert error', message };
    throw err;
  }
}

/** Where two JSON values differ, as `path: ours … theirs …` lines (at most `limit`). */
function differences(ours: Json, theirs: Json, at = '', out: string[] = [], limit = 5): string[] {
  if (out.length >= limit) return out;
  const show = (v: Json | undefined) => (v === undefined ? 'nothing' : JSON.stringify(v).slice(0, 200));
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    if (ours.length !== theirs.length)
      out.push(`${at || '/'}: ours has ${ours.length} elements, theirs ${theirs.length}`);
    else ours.forEach((v, i) => differences(v, theirs[i]!, `${at}[${i}]`, out, limit)); // same length
  } else if (isObject(ours) && isObject(theirs)) {
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
    for (const key of [...keys].sort()) {
      const a = own(ours, key);
      const b = own(theirs, key);
      if (a === undefined || b === undefined) out.push(`${at}/${key}: ours ${show(a)}, theirs ${show(b)}`);
      else differences(a, b, `${at}/${key}`, out, limit);
    }
  } else if (ours !== theirs) out.push(`${at || '/'}: ours ${show(ours)}, theirs ${show(theirs)}`);
  return out.slice(0, limit);
}

/** What is wrong (empty: the parsers agree) for a file both should accept (or reject, when `accepted` is false). */
async function compare(text: string): Promise<string[]> {
  const file = parseHcl(text);
  const outcome = await theirs(text);
  const ourError = file.diagnostics[0];
  if (ourError && outcome.kind === 'syntax error') return [];
  if (ourError) return [`we report "${ourError.summary}" at ${ourError.from}, HCL accepts the file`];
  if (outcome.kind === 'syntax error') return [`HCL reports ${outcome.message}, we accept the file`];
  const mirror = new Mirror(text);
  const ours = mirror.body(file.body);
  if (outcome.kind === 'convert error')
    return mirror.conflicts.length > 0
      ? []
      : [`hcl2json cannot convert it (${outcome.message}), and the mirror predicts no reason`];
  if (mirror.conflicts.length > 0)
    return [`the mirror predicts hcl2json throws (${mirror.conflicts[0]}), it converts the file`];
  return differences(ours, outcome.json);
}

beforeAll(async () => {
  // The first call starts the Go runtime in WebAssembly (0.2–0.9 s).
  await hcl2json('warm-up.tf', 'a = 1\n');
});

// ---------------------------------------------------------------------------
// The corpus

describe.skipIf(!corporaPresent)('our HCL parser against HashiCorp’s (hcl2json) on the corpus', () => {
  it('gives the same blocks, labels, attribute names and expression source text on every file Terraform accepts', async () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const v of verdicts()) {
      if (!v.accepted) continue;
      const text = readCorpusFile(v.file);
      if (text === null) continue;
      compared++;
      const file = parseHcl(text);
      if (file.diagnostics.length > 0) {
        wrong.push(`${v.file}: we report "${at(file.diagnostics, 0).summary}"`);
        continue;
      }
      const outcome = await theirs(text);
      if (outcome.kind === 'syntax error') {
        wrong.push(`${v.file}: hcl2json rejects it: ${outcome.message}`);
        continue;
      }
      const mirror = new Mirror(text);
      const ours = mirror.body(file.body);
      if (outcome.kind === 'convert error') {
        if (!CONVERT_EXCEPTIONS.has(v.file) && mirror.conflicts.length === 0)
          wrong.push(`${v.file}: hcl2json cannot convert it, for no listed reason: ${outcome.message}`);
        continue;
      }
      if (CONVERT_EXCEPTIONS.has(v.file)) wrong.push(`${v.file}: listed as an exception, but hcl2json converts it now`);
      for (const d of differences(ours, outcome.json)) wrong.push(`${v.file}: ${d}`);
    }
    expect(compared).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
  }, 180_000);

  it('reports an error, as HCL does, on every file Terraform rejects', async () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const v of verdicts()) {
      if (v.accepted) continue;
      const text = readCorpusFile(v.file);
      if (text === null) continue;
      compared++;
      const ours = parseHcl(text).diagnostics.length > 0;
      const outcome = await theirs(text);
      if (!ours) wrong.push(`${v.file}: we report no error`);
      if (outcome.kind !== 'syntax error') wrong.push(`${v.file}: hcl2json reports no syntax error`);
    }
    expect(compared).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------
// Disagreements this test found in our parser (now fixed), kept as examples

const FOUND: [string, string][] = [
  ['a quoted label keeps its text as written (not NFC-normalised)', 'resource "n\u0303" {}\n'],
  ['<<- leaves a blank line as it is', 'a = <<-EOT\n    a\n      \n    b\nEOT\n'],
  ['<<- counts Unicode spaces as indentation', 'a = <<-EOT\n\u2003\u2003a\n  b\nEOT\n'],
  ['a heredoc keeps CRLF line ends in its value', 'a = <<EOT\r\nhi\r\nEOT\r\n'],
  ['a heredoc end marker may have white space after it', 'a = <<EOT\nx\nEOT \nb = c ? 1 : <<EOT\ny\n  EOT\t\n'],
  ['a heredoc needs a newline after its end marker', 'a = <<EOT\nx\nEOT'],
  ['[* and ] on different lines of a body', 'a = x[*\n]\n'],
  ['1.2.3 is one number token, and no number', 'a = 1.2.3\n'],
  ['1.e5 is a number', 'a = 1.e5\n'],
  ['x.0.1 chains two legacy indexes', 'a = x.0.1\n'],
  ['a for directive needs its names', 'a = "%{ for , v in x }${v}%{ endfor }"\n'],
  ['\\U of a code point beyond U+10FFFF', 'a = "\\U00110000"\n'],
  ['\\u of a surrogate', 'a = "\\uD800"\n'],
  ['null(…) is a call of a function named null', 'a = [null\n(1)]\n'],
  ['a splat inside an attribute-only splat', 'a = x.*.*\n'],
  ['a carriage return alone in a quoted string', 'a = "x\ry"\n'],
  ['a carriage return alone in a heredoc', 'a = <<EOT\nx\ry\nEOT\n'],
  ['a byte order mark opening the file', '\ufeffa = 1\n'],
];

describe('our HCL parser against HashiCorp’s (hcl2json) where they once disagreed', () => {
  it.each(FOUND)('%s', async (_what, text) => {
    expect(await compare(text)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Generated configuration files

/** A name: identifiers, one with a dash, non-ASCII letters (one astral); `tags` is also a block type (an attribute replaces such a block). */
const NAMES = ['a', 'b', 'name', 'x_1', 'with-dash', 'föo', '𝒜b', 'tags', 'count'];
const name = fc.constantFrom(...NAMES);
/** An attribute's name may also be a keyword. */
const attributeName = fc.oneof(
  { weight: 9, arbitrary: name },
  { weight: 1, arbitrary: fc.constantFrom('null', 'true', 'for', 'in', 'if') },
);

const number = fc.oneof(
  fc.nat(1000).map(String),
  fc.constantFrom('0', '1.50', '3.14159', '1e3', '2E-2', '1.e5', '007', '12345678901234567890', '0.5'),
  fc.integer({ min: 1, max: 99 }).map((n) => `-${n}`),
);
const keyword = fc.constantFrom('true', 'false', 'null', '!true', '!false');

/** Literal text of a quoted string: plain text, escapes, `$${`/`%%{`, unicode (precomposed, combining = not NFC, astral). */
const quotedPiece = fc.constantFrom(
  'web',
  'a b',
  ' ',
  '-',
  '10.0.0.0/16',
  '$5',
  '100% ',
  '\\n',
  '\\t',
  '\\"',
  '\\\\',
  '\\u00e9',
  '\\U0001F600',
  '$${x}',
  '%%{y}',
  'é',
  'n\u0303',
  'e\u0301',
  '日本',
  '👋',
);
const quotedLiteral = fc.array(quotedPiece, { maxLength: 5 }).map((pieces) => `"${pieces.join('')}"`);

/** A reference: `a.b[0].c`, splats, string keys, legacy `.0`. */
const reference = fc.oneof(
  fc.constantFrom(
    'var.x',
    'a.b[0].c',
    'aws_instance.web[*].id',
    'aws_instance.web.*.id',
    'x[*].b[0]',
    'local.m["k"].y',
    'each.value',
    'count.index',
    'a.0.b',
    'a[b + 1]',
    'föo',
  ),
  fc
    .tuple(
      name,
      fc.array(
        fc.oneof(
          name.map((n) => `.${n}`),
          fc.nat(3).map((n) => `[${n}]`),
          fc.constantFrom('.*', '[*]'),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([head, steps]) => head + steps.join('')),
);

const OPERATORS = ['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||'];

/** A heredoc at `indent`, with or without `-`, its lines of text and `${…}` sequences. */
function heredoc(inner: fc.Arbitrary<string>, indent: string): fc.Arbitrary<string> {
  const linePiece = fc.oneof(
    fc.constantFrom('text', 'a "quoted" word', '$${literal}', '%%{literal}', 'back\\slash', 'é n\u0303', ' '),
    inner.map((e) => `\${${e}}`),
    inner.map((e) => `\${~ ${e} ~}`),
    inner.map((e) => `%{ if ${e} }yes%{ else }no%{ endif }`),
  );
  const line = fc
    .tuple(fc.constantFrom('', '  ', '    ', '\t'), fc.array(linePiece, { maxLength: 3 }))
    .map(([lead, pieces]) => lead + pieces.join(''));
  return fc
    .tuple(fc.boolean(), fc.array(line, { minLength: 0, maxLength: 4 }))
    .map(([flush, lines]) =>
      flush
        ? `<<-EOT\n${lines.map((l) => `${indent}  ${l}\n`).join('')}${indent}  EOT`
        : `<<EOT\n${lines.map((l) => `${l}\n`).join('')}EOT`,
    );
}

/** A quoted template with sequences: interpolations (with strip markers), `%{if}` and `%{for}` directives. */
function template(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const text = fc.array(quotedPiece, { maxLength: 2 }).map((p) => p.join(''));
  const piece = fc.oneof(
    text,
    inner.map((e) => `\${${e}}`),
    fc.tuple(fc.boolean(), inner, fc.boolean()).map(([l, e, r]) => `\${${l ? '~ ' : ''}${e}${r ? ' ~' : ''}}`),
    fc
      .tuple(inner, text, fc.option(text, { nil: undefined }))
      .map(([c, t, f]) => `%{ if ${c} }${t}${f === undefined ? '' : `%{ else }${f}`}%{ endif }`),
    fc
      .tuple(fc.boolean(), inner, text)
      .map(([pair, coll, t]) => `%{~ for ${pair ? 'k, v' : 'v'} in ${coll} ~}${t}\${v}%{ endfor }`),
  );
  return fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => `"${pieces.join('')}"`);
}

/** Expressions nested up to `depth`; `indent` is where a multi-line one starts. Memoised per depth and indent. */
const expressions = new Map<string, fc.Arbitrary<string>>();
function expression(depth: number, indent = '  '): fc.Arbitrary<string> {
  const memo = `${depth}/${indent}`;
  const known = expressions.get(memo);
  if (known) return known;
  const leaf = fc.oneof(number, keyword, quotedLiteral, reference);
  if (depth <= 0) {
    expressions.set(memo, leaf);
    return leaf;
  }
  const inner = expression(depth - 1, `${indent}  `);
  const deeper = `${indent}  `;
  const args = fc.array(inner, { maxLength: 3 });
  const compound = fc.oneof(
    fc
      .tuple(fc.constantFrom('f', 'merge', 'lookup', 'provider::ns::fn', 'jsonencode'), args)
      .map(([fn, a]) => `${fn}(${a.join(', ')})`),
    fc.tuple(inner, fc.constant('xs')).map(([a, xs]) => `concat(${a}, ${xs}...)`),
    // arguments on lines of their own, with a comment, a trailing comma, a heredoc
    fc
      .tuple(fc.array(inner, { minLength: 1, maxLength: 3 }), heredoc(inner, deeper), fc.boolean())
      .map(
        ([a, doc, withHeredoc]) =>
          `f(\n${[...a, ...(withHeredoc ? [doc] : [])].map((x, i) => `${deeper}${x},${i === 0 ? ' # inside' : ''}\n`).join('')}${indent})`,
      ),
    // a multi-line object argument, with a comment inside
    fc
      .tuple(inner, fc.array(fc.tuple(name, inner), { minLength: 1, maxLength: 3 }))
      .map(
        ([first, items]) =>
          `merge(${first}, {\n${items.map(([k, v], i) => `${deeper}${k}${i} = ${v}${i === 0 ? ' # inside' : ''}\n`).join('')}${indent}})`,
      ),
    fc.array(inner, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc
      .array(inner, { minLength: 1, maxLength: 3 })
      .map((items) => `[\n${items.map((i) => `${deeper}${i},\n`).join('')}${indent}]`),
    fc
      .array(
        fc.tuple(
          fc.oneof(
            name,
            quotedLiteral,
            reference.map((r) => `(${r})`),
            name.map((n) => `"\${${n}}"`),
          ),
          fc.constantFrom(' = ', ': '),
          inner,
        ),
        { maxLength: 3 },
      )
      .map((items) => `{ ${items.map(([k, sep, v]) => `${k}${sep}${v}`).join(', ')} }`),
    fc
      .array(fc.tuple(name, inner), { minLength: 1, maxLength: 3 })
      .map(
        (items) =>
          `{\n${items.map(([k, v], i) => `${deeper}${k} = ${v}${i === 0 ? ' // inside' : ''}\n`).join('')}${indent}}`,
      ),
    fc.tuple(inner, inner, inner).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc
      .tuple(inner, fc.constantFrom(...OPERATORS), fc.constantFrom(' ', ' /* inline */ '), inner)
      .map(([a, op, gap, b]) => `${a} ${op}${gap}${b}`),
    fc.tuple(fc.constantFrom('!', '-'), reference).map(([op, r]) => `${op}${r}`),
    inner.map((e) => `(${e})`),
    fc.tuple(reference, inner).map(([coll, v]) => `[for v in ${coll} : ${v}]`),
    fc.tuple(reference, inner).map(([coll, v]) => `{ for k, v in ${coll} : k => ${v} if v != null }`),
    fc.tuple(reference, inner).map(([coll, v]) => `{ for k, v in ${coll} : ${v} => k... }`),
    template(inner),
  );
  const arbitrary = fc.oneof({ weight: 2, arbitrary: leaf }, { weight: 3, arbitrary: compound });
  expressions.set(memo, arbitrary);
  return arbitrary;
}

const label = fc.constantFrom('"l1"', '"web server"', '"é"', '"a\\"b"', '"$${x}"', 'l2', '"n\u0303"');
const blockType = fc.constantFrom('resource', 'provider', 'b', 'ebs', 'dynamic', 'content', 'tags');
const comment = fc.constantFrom('# a comment', '// a comment', '/* a comment */', '/* two\n   lines */');

type Item =
  | { kind: 'attribute'; name: string; value: string; comment?: string }
  | { kind: 'block'; header: string; body: Item[] | null }
  | { kind: 'one-line'; header: string; attribute?: [string, string] }
  | { kind: 'comment'; text: string };

function items(depth: number): fc.Arbitrary<Item[]> {
  const header = fc.tuple(blockType, fc.array(label, { maxLength: 2 })).map(([t, labels]) => [t, ...labels].join(' '));
  const attribute = fc.record(
    {
      kind: fc.constant('attribute' as const),
      name: attributeName,
      value: fc.oneof(
        { weight: 5, arbitrary: expression(2, '  '.repeat(depth + 1)) },
        { weight: 1, arbitrary: heredoc(expression(1), '  '.repeat(depth)) },
      ),
      comment: fc.option(
        comment.filter((c) => !c.includes('\n')),
        { nil: undefined },
      ),
    },
    { requiredKeys: ['kind', 'name', 'value'] },
  );
  const choices: fc.Arbitrary<Item>[] = [
    attribute,
    attribute,
    fc.record({ kind: fc.constant('comment' as const), text: comment }),
    fc.record(
      {
        kind: fc.constant('one-line' as const),
        header,
        attribute: fc.option(fc.tuple(name, expression(1)), { nil: undefined }),
      },
      { requiredKeys: ['kind', 'header'] },
    ),
  ];
  if (depth < 2)
    choices.push(
      fc.record({ kind: fc.constant('block' as const), header, body: fc.option(items(depth + 1), { nil: null }) }),
    );
  return fc.array(fc.oneof(...choices), { maxLength: depth === 0 ? 5 : 3 });
}

/** The items as text, an attribute renamed where its name is taken in the body (a duplicate is an error, but a dull one). */
function render(list: Item[], depth: number): string {
  const pad = '  '.repeat(depth);
  const taken = new Set<string>();
  let out = '';
  list.forEach((item, i) => {
    if (item.kind === 'attribute') {
      const attributeName = taken.has(item.name) ? `${item.name}_${i}` : item.name;
      taken.add(attributeName);
      out += `${pad}${attributeName} = ${item.value}${item.comment && !item.value.startsWith('<<') ? ` ${item.comment}` : ''}\n`;
    } else if (item.kind === 'comment') out += `${pad}${item.text}\n`;
    else if (item.kind === 'one-line')
      out += `${pad}${item.header} {${item.attribute ? ` ${item.attribute[0]} = ${item.attribute[1]} ` : ''}}\n`;
    else out += `${pad}${item.header} {\n${item.body ? render(item.body, depth + 1) : ''}${pad}}\n`;
  });
  return out;
}

/** Sometimes a character or two deleted ('') or inserted, so that both parsers also see broken files. */
const mutations = fc.oneof(
  { weight: 2, arbitrary: fc.constant([]) },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          '',
          '',
          '{',
          '}',
          '"',
          '=',
          '\n',
          '\r',
          '\t',
          '[',
          ')',
          ',',
          '.',
          ':',
          '?',
          '*',
          '<',
          '!',
          '#',
          '\\',
          'x',
          '0',
          ' ',
          '$',
          '%',
          '~',
        ),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  },
);

const configuration = fc
  .record({ list: items(0), changes: mutations, crlf: fc.boolean(), bom: fc.boolean() })
  .map(({ list, changes, crlf, bom }) => {
    let text = render(list, 0);
    // Sometimes CRLF line ends throughout (heredocs keep them in their values), and a byte order mark.
    if (crlf && list.length % 3 === 0) text = text.replace(/\n/g, '\r\n');
    if (bom && list.length % 4 === 1) text = `\ufeff${text}`;
    // By code point: half a surrogate pair is no text a file could hold.
    const chars = Array.from(text);
    for (const [at, insert] of changes)
      if (chars.length > 0) chars.splice(at % chars.length, insert === '' ? 1 : 0, insert);
    return chars.join('');
  });

/** 200 by default; more with HCL_DIFFERENTIAL_RUNS=… to search harder. */
const RUNS = Number(process.env.HCL_DIFFERENTIAL_RUNS) || 200;

describe('our HCL parser against HashiCorp’s (hcl2json) on generated configuration files', () => {
  it('agrees on accepting or rejecting, and on the structure of what both accept', async () => {
    await fc.assert(
      fc.asyncProperty(configuration, async (text) => {
        const wrong = await compare(text);
        if (wrong.length > 0) throw new Error(`${wrong.join('\n')}\n--- input ---\n${text}`);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
