/**
 * The .tf file stored next to a design version (`hcl` of the workspace's
 * create and save): what makes a file acceptable, checked on the engine's one
 * tree (`parseHcl`). Pure and browser-safe, so the designer can ask the same
 * question before it saves.
 *
 * A file is accepted when
 * - it is within the HCL input limits of `POST /api/hcl/parse`: at most
 *   `MAX_DESIGN_FILE_BYTES` of UTF-8 text (no control characters other than
 *   tab, line breaks and form feed, no unpaired surrogate: it must read back
 *   byte for byte from either database) and within `hclBoundsProblem`;
 * - it parses without a syntax error (`parseHcl(text).diagnostics` is empty);
 * - it holds exactly one `resource "alkira_connector_azure_expressroute"`
 *   whose label is the design's `resource_name` (a connector block and its
 *   label as `parseConnectorHcl` reads them: `isConnectorBlock`, `labels[1]`);
 * - no secret is written in it: the file is stored as sent, in clear (the
 *   design's keys are encrypted; a file cannot be), so every sensitive
 *   attribute (`SENSITIVE_ATTRIBUTES`: pre_shared_key, remote_auth_value), in
 *   any block, must refer to something (`var.dmz_psk`, `local.k`,
 *   `lookup(var.keys, "dmz")`, `each.value.psk`), be empty (`""`) or `null`.
 *   A value the file spells out itself — a quoted or heredoc string, a number,
 *   or an expression of literals only (`"${"x"}"`, `sensitive("x")`) — is
 *   refused, and so is a non-empty literal `default` of a variable such a
 *   reference names (or of any variable declared `sensitive = true`) and a
 *   literal local value it names. Problems name the attribute's path and line,
 *   never its value.
 */
import { hclBoundsProblem } from './hcl/bounds';
import { isConnectorBlock } from './hcl/parse';
import { RESOURCE_TYPE, SENSITIVE_ATTRIBUTES } from './resource';
import { INPUT_LIMITS } from './limits';
import { Lines } from '@/lib/hcl/lines';
import { parseHcl } from '@/lib/hcl/parser';
import type { Attribute, Block, Body, Expression, HclFile } from '@/lib/hcl/syntax';
import { templateLiteral } from '@/lib/hcl/values';
import { itemAt } from '@/lib/util/indexing';

/** The largest file text accepted: the body limit of `POST /api/hcl/parse` (1 MiB, `MAX_TEXT_BODY_BYTES`). */
export const MAX_DESIGN_FILE_BYTES = 1024 * 1024;

/** What is wrong with a file: too large (413 at the route) or not acceptable as written (422). */
export type DesignFileProblemKind = 'too-large' | 'invalid';

export interface DesignFileProblem {
  kind: DesignFileProblemKind;
  message: string;
  /** 1-based line and column of the place, when there is one. */
  line?: number;
  column?: number;
}

export interface DesignFileCheck {
  ok: boolean;
  /** One sentence for the whole answer (empty when ok). */
  summary: string;
  /** Every problem found (at most `MAX_LISTED` of a kind), in file order. */
  problems: DesignFileProblem[];
}

const MAX_LISTED = 10;

/** Bytes of `text` as UTF-8 (unpaired surrogates count as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Control characters that never occur in a text file (tab, line breaks and form feed do), as `POST /api/hcl/parse` refuses them. */
const CONTROL_RE = /[\u0000-\u0008\u000e-\u001f]/;
/** A surrogate without its pair: not text, and not stored back the same. */
const LONE_SURROGATE_RE = /\p{Cs}/u;

function fail(summary: string, problems: DesignFileProblem[]): DesignFileCheck {
  return { ok: false, summary, problems };
}

/**
 * Whether `text` may be stored as the file of a design whose label is
 * `resourceName` (see the module comment for the rules). `what` names the
 * text in messages (the request field, `"hcl"`).
 */
export function checkDesignFile(text: string, resourceName: string, what = '"hcl"'): DesignFileCheck {
  const bytes = utf8Length(text);
  if (bytes > MAX_DESIGN_FILE_BYTES) {
    const summary = `${what} is ${bytes.toLocaleString('en-US')} bytes; at most ${MAX_DESIGN_FILE_BYTES.toLocaleString('en-US')} (1 MiB) are accepted`;
    return fail(summary, [{ kind: 'too-large', message: summary }]);
  }
  const lines = new Lines(text);
  const at = (offset: number) => lines.position(offset);
  const control = CONTROL_RE.exec(text);
  if (control) {
    const summary = `${what} contains a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) on line ${at(control.index).line}; send the .tf file as text`;
    return fail(summary, [{ kind: 'invalid', message: summary, ...at(control.index) }]);
  }
  const surrogate = LONE_SURROGATE_RE.exec(text);
  if (surrogate) {
    const summary = `${what} contains an unpaired UTF-16 surrogate on line ${at(surrogate.index).line}; it is not text`;
    return fail(summary, [{ kind: 'invalid', message: summary, ...at(surrogate.index) }]);
  }
  const bound = hclBoundsProblem(text, INPUT_LIMITS);
  if (bound) {
    return fail(`${what} is beyond the HCL input limits: ${bound.message} (line ${bound.line})`, [
      { kind: 'invalid', message: bound.message, line: bound.line, column: bound.column },
    ]);
  }

  const file = parseHcl(text);
  if (file.diagnostics.length > 0) {
    const problems = file.diagnostics
      .slice(0, MAX_LISTED)
      .map((d) => ({ kind: 'invalid' as const, message: `${d.summary}: ${d.detail}`, ...at(d.from) }));
    const first = itemAt(problems, 0, 'syntax problem');
    const n = file.diagnostics.length;
    return fail(
      `${what} has ${n} syntax error${n === 1 ? '' : 's'}; the first, on line ${first.line}: ${first.message}`,
      problems,
    );
  }

  const labelProblem = connectorLabelProblem(file, resourceName, what, at);
  if (labelProblem) return fail(labelProblem.message, [labelProblem]);

  const secrets = secretsInClear(file);
  if (secrets.length > 0) {
    const problems = secrets.slice(0, MAX_LISTED).map((s) => ({
      kind: 'invalid' as const,
      message: `${s.path} (line ${at(s.from).line}) ${s.why}; write it as a reference to a sensitive variable (var.<name>) instead`,
      ...at(s.from),
    }));
    const n = secrets.length;
    const named = secrets
      .slice(0, 3)
      .map((s) => `${s.path} (line ${at(s.from).line})`)
      .join(', ');
    return fail(
      `${what} writes ${n === 1 ? 'a sensitive value' : `${n} sensitive values`} in clear: ${named}${n > 3 ? ', …' : ''}. The file is stored as written, so keys must be references such as var.<name>`,
      problems,
    );
  }
  return { ok: true, summary: '', problems: [] };
}

/** The file must hold the design's connector, once. */
function connectorLabelProblem(
  file: HclFile,
  resourceName: string,
  what: string,
  at: (offset: number) => { line: number; column: number },
): DesignFileProblem | null {
  const connectors = file.body.items.filter((item): item is Block => isConnectorBlock(item));
  // The label as parseConnectorHcl reads it (its designs' resource_name).
  const labelOf = (block: Block) => block.labels[1]?.value ?? '';
  const matching = connectors.filter((block) => labelOf(block) === resourceName);
  if (matching.length === 1) return null;
  const second = matching[1];
  if (second) {
    const where = matching.map((b) => at(b.from).line);
    return {
      kind: 'invalid',
      message: `${what} defines resource "${RESOURCE_TYPE}" "${resourceName}" ${matching.length} times (lines ${where.join(', ')}); Terraform accepts one`,
      ...at(second.from),
    };
  }
  const [firstConnector] = connectors;
  if (firstConnector === undefined) {
    return {
      kind: 'invalid',
      message: `${what} has no resource "${RESOURCE_TYPE}"; it must hold the design's, labelled "${resourceName}" (its resource_name)`,
    };
  }
  const others = [...new Set(connectors.map(labelOf))]
    .slice(0, 5)
    .map((l) => JSON.stringify(l))
    .join(', ');
  return {
    kind: 'invalid',
    message: `${what} has no resource "${RESOURCE_TYPE}" labelled "${resourceName}" (the design's resource_name); its connector${connectors.length === 1 ? ' is' : 's are'} labelled ${others}`,
    ...at(firstConnector.from),
  };
}

interface SecretInClear {
  /** Where, as an address: `alkira_connector_azure_expressroute.dmz.instances.0.….tunnel.0.pre_shared_key`. */
  path: string;
  from: number;
  why: string;
}

/** Every expression directly inside `expr` (not `expr` itself). */
function childrenOf(expr: Expression): Expression[] {
  switch (expr.type) {
    case 'template':
      return expr.parts.flatMap((p) =>
        p.type === 'interpolation' ? [p.expression] : p.type === 'directive' && p.expression ? [p.expression] : [],
      );
    case 'traversal':
      return [expr.source, ...expr.steps.flatMap((s) => (s.type === 'index' ? [s.key] : []))];
    case 'call':
      return expr.args;
    case 'tuple':
      return expr.items;
    case 'object':
      return expr.items.flatMap((i) => [i.key, i.value]);
    case 'for':
      return [
        expr.collection,
        ...(expr.key ? [expr.key] : []),
        expr.value,
        ...(expr.condition ? [expr.condition] : []),
      ];
    case 'conditional':
      return [expr.condition, expr.whenTrue, expr.whenFalse];
    case 'binary':
      return [expr.left, expr.right];
    case 'unary':
      return [expr.operand];
    case 'parens':
      return [expr.expression];
    default:
      return [];
  }
}

/** Every expression of the tree under `expr`, itself included (iteratively: depth is bounded, but not by us). */
function* walk(expr: Expression): Generator<Expression> {
  const stack = [expr];
  while (stack.length > 0) {
    const next = stack.pop()!;
    yield next;
    stack.push(...childrenOf(next));
  }
}

/** Whether the value names anything Terraform evaluates (a variable, local, resource, iterator…): then it is not written in the file. */
function refersToSomething(expr: Expression): boolean {
  for (const e of walk(expr)) if (e.type === 'variable') return true;
  return false;
}

/** `""`, `<<EOT\nEOT` or `null`: nothing to keep secret. */
function isEmptyValue(text: string, expr: Expression): boolean {
  if (expr.type === 'null') return true;
  if (expr.type === 'parens') return isEmptyValue(text, expr.expression);
  return expr.type === 'template' && templateLiteral(text, expr) === '';
}

/** A value the file itself spells out (not a reference, not empty). */
function isWrittenOut(text: string, expr: Expression): boolean {
  return !refersToSomething(expr) && !isEmptyValue(text, expr);
}

/** `var.<name>` and `local.<name>` that `expr` refers to: [root, name]. */
function namedValues(expr: Expression): [string, string][] {
  const out: [string, string][] = [];
  for (const e of walk(expr)) {
    if (e.type !== 'traversal' || e.source.type !== 'variable') continue;
    const root = e.source.name;
    const first = e.steps[0];
    if ((root === 'var' || root === 'local') && first?.type === 'attr') out.push([root, first.name]);
  }
  return out;
}

/** A block's segment of an address: top-level blocks as Terraform names them, nested ones by type, labels and index. */
function topLevelAddress(block: Block): string {
  const labels = block.labels.map((l) => l.value);
  if (block.blockType.name === 'resource' && labels.length >= 2) return `${labels[0]}.${labels[1]}`;
  return [block.blockType.name, ...labels].join('.');
}

function secretsInClear(file: HclFile): SecretInClear[] {
  const { text } = file;
  const found: SecretInClear[] = [];
  const referenced = new Set<string>();

  const visitBody = (body: Body, path: string) => {
    const seen = new Map<string, number>();
    for (const item of body.items) {
      if (item.type === 'attribute') {
        if (!SENSITIVE_ATTRIBUTES.has(item.name.name)) continue;
        for (const [root, name] of namedValues(item.value)) referenced.add(`${root}.${name}`);
        if (isWrittenOut(text, item.value))
          found.push({
            path: `${path}.${item.name.name}`,
            from: item.from,
            why: 'holds a value written in the file, not a reference',
          });
        continue;
      }
      const key = [item.blockType.name, ...item.labels.map((l) => l.value)].join('.');
      const index = seen.get(key) ?? 0;
      seen.set(key, index + 1);
      visitBody(item.body, `${path}.${key}.${index}`);
    }
  };
  for (const item of file.body.items) if (item.type === 'block') visitBody(item.body, topLevelAddress(item));

  // Where those references lead, when the file itself gives the value: a variable's default, a local.
  for (const item of file.body.items) {
    if (item.type !== 'block') continue;
    const type = item.blockType.name;
    const soleLabel = item.labels.length === 1 ? item.labels[0] : undefined;
    if (type === 'variable' && soleLabel) {
      const name = soleLabel.value;
      const attrs = attributesOf(item.body);
      const value = attrs.get('default');
      const sensitive = attrs.get('sensitive');
      const declaredSensitive = sensitive?.value.type === 'bool' && sensitive.value.value;
      if (value && (referenced.has(`var.${name}`) || declaredSensitive) && isWrittenOut(text, value.value)) {
        found.push({
          path: `variable.${name}.default`,
          from: value.from,
          why: declaredSensitive
            ? 'is the default of a sensitive variable, written in the file'
            : 'is the default of a variable that a sensitive attribute uses, written in the file',
        });
      }
    } else if (type === 'locals' && item.labels.length === 0) {
      for (const [name, attr] of attributesOf(item.body)) {
        if (referenced.has(`local.${name}`) && isWrittenOut(text, attr.value)) {
          found.push({
            path: `local.${name}`,
            from: attr.from,
            why: 'is a local value that a sensitive attribute uses, written in the file',
          });
        }
      }
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

function attributesOf(body: Body): Map<string, Attribute> {
  const out = new Map<string, Attribute>();
  for (const item of body.items) if (item.type === 'attribute') out.set(item.name.name, item);
  return out;
}
