/**
 * Pre-shared keys (and other sensitive values) as Terraform variables.
 *
 * A literal key in a .tf file ends up in version control; by default the
 * exported HCL declares one sensitive variable per key instead and the UI
 * tells the user which variables to set (names and paths only, never the
 * values). Which attributes are treated so, and the variables' stems, is the
 * resource description's (`sensitive`, `variable`).
 */
import type { ConnectorDesign } from '../design';
import { expressionBody, isExpression } from '../design';
import { isRecord, recordsOf, stringField } from '@/lib/util/records';
import { isHclIdentifier, toHclIdentifier } from './strings';
import { CONNECTOR_RESOURCE, SENSITIVE_SPECS, type BodySpec } from '../resource';
import { isStoredSecret } from '../stored-secret';
import { isPlausibleExpression, isUnset } from './values';

export interface PskVariable {
  /** Terraform variable name, e.g. `multi_instance_psk_3`. */
  name: string;
  /** Dotted design path of the key, e.g. `instances.0.ipsec_customer_gateway.0.customer_gateway.0.tunnel.0.pre_shared_key`. */
  path: string;
}

/**
 * True when a pre_shared_key holds a literal secret (as opposed to nothing,
 * or an expression such as `${var.psk}` that already keeps it out of the file).
 * A malformed `${...}` would be written as a quoted string, so it counts as a
 * literal: whatever ends up quoted in the file must be a variable instead.
 */
export function isLiteralPsk(value: unknown): boolean {
  if (isUnset(value)) return false;
  if (isExpression(value)) return !isPlausibleExpression(expressionBody(value));
  return ['string', 'number', 'boolean', 'bigint'].includes(typeof value);
}

/** A variable with its design path as segments (block names and list indices), for walking alongside the design. */
export interface PskVariableAt extends PskVariable {
  segments: readonly (string | number)[];
}

/** Whether an attribute's written values become variables with the "variable" key option (the description names a stem). */
export function literalsBecomeVariables(name: string): boolean {
  return SENSITIVE_SPECS.get(name)?.variable !== undefined;
}

/** The stem of the variables that keep a sensitive attribute's values out of a file: its `variable` (`psk`), else its name. */
export function variableStem(name: string): string {
  return SENSITIVE_SPECS.get(name)?.variable ?? name;
}

/** `<sensitive attribute> = var.<name>` in HCL text; group 1 is the variable. */
export function sensitiveVariableReferences(): RegExp {
  return new RegExp(`\\b(?:${[...SENSITIVE_SPECS.keys()].join('|')})\\s*=\\s*var\\.([\\p{L}\\p{N}_-]+)`, 'gu');
}

/** Bodies holding a sensitive attribute, themselves or below: the walk skips the rest. */
const holdsSecrets = new WeakMap<BodySpec, boolean>();
function bodyHoldsSecrets(body: BodySpec): boolean {
  let known = holdsSecrets.get(body);
  if (known === undefined) {
    known =
      Object.values(body.attributes).some((a) => a.sensitive) ||
      Object.values(body.blocks).some((b) => bodyHoldsSecrets(b.body));
    holdsSecrets.set(body, known);
  }
  return known;
}

/**
 * listPskVariables, each variable also with its path as segments (the renderer follows them down without parsing
 * paths). `literals: false` lists only stored secrets (inline keys: literal keys stay in the file, a stored one cannot).
 */
export function listPskVariablesAt(design: ConnectorDesign | unknown, literals = true): PskVariableAt[] {
  if (!isRecord(design)) return [];
  const resourceName = stringField(design, 'resource_name');
  const label = isHclIdentifier(resourceName) ? resourceName : toHclIdentifier(resourceName, 'connector');
  const counters = new Map<string, number>();
  const out: PskVariableAt[] = [];
  // In document order: a body's attributes (in description order), then its blocks.
  const walk = (body: BodySpec, record: Record<string, unknown>, segments: (string | number)[]) => {
    for (const [name, spec] of Object.entries(body.attributes)) {
      if (!spec.sensitive) continue;
      const value = record[name];
      // Values the user wrote, for attributes kept out of files; any stored secret (its text is the server's).
      if (!isStoredSecret(value) && !(literals && spec.variable !== undefined && isLiteralPsk(value))) continue;
      const stem = spec.variable ?? name;
      const n = (counters.get(stem) ?? 0) + 1;
      counters.set(stem, n);
      const at = [...segments, name];
      out.push({ name: `${label}_${stem}_${n}`, path: at.join('.'), segments: at });
    }
    for (const [name, block] of Object.entries(body.blocks)) {
      if (!bodyHoldsSecrets(block.body)) continue;
      for (const { item, index } of recordsOf(record[name])) walk(block.body, item, [...segments, name, index]);
    }
  };
  walk(CONNECTOR_RESOURCE, design, []);
  return out;
}

/**
 * Every literal pre-shared key in the design, in document order, with a unique
 * variable name: the resource label plus a counter (`<label>_psk_<n>`), the
 * same scheme the document editor uses for a key it moves into a variable, so
 * the preview, the variables list and an export agree, and renaming a gateway
 * or tunnel never renames a variable (existing tfvars keep working).
 */
export function listPskVariables(design: ConnectorDesign | unknown): PskVariable[] {
  return listPskVariablesAt(design).map(({ name, path }) => ({ name, path }));
}
