/**
 * Keys the file keeps in variables (`pre_shared_key = var.x`): their values
 * live in this tab only, by variable name, and the form shows them in place
 * of the reference. A variable may stand for a stored secret (the server's
 * key, never known here): the form shows it as stored. Which values are
 * sensitive is the description's.
 */
import type { ConnectorDesign } from '@/lib/connector/design';
import { listPskVariablesAt, sensitiveVariableReferences } from '@/lib/connector/hcl/psk';
import { replaceSensitiveValues } from '@/lib/connector/sensitive';
import { isStoredSecret, type SecretValue } from '@/lib/connector/stored-secret';
import { valueAt } from './document-state';

/** The keys of `design` that its rendering (`text`, in variable mode) keeps in variables: variable → value. */
export function secretsFromDesign(text: string, design: ConnectorDesign): Map<string, SecretValue> {
  const out = new Map<string, SecretValue>();
  const slots = listPskVariablesAt(design);
  if (slots.length === 0) return out;
  // One pass over the text for the variables its sensitive values reference: a search per key is quadratic.
  const used = new Set<string>();
  for (const m of text.matchAll(sensitiveVariableReferences())) used.add(m[1] ?? '');
  for (const { name, segments } of slots) {
    const value = valueAt(design, segments);
    if ((typeof value === 'string' || isStoredSecret(value)) && used.has(name)) out.set(name, value);
  }
  return out;
}

const VARIABLE_VALUE_RE = /^\$\{var\.([\p{L}\p{N}_-]+)\}$/u;

/** `design` read from the file, with each key kept in a variable whose value this tab knows shown as that value. */
export function withSecrets(design: ConnectorDesign, secrets: ReadonlyMap<string, SecretValue>): ConnectorDesign {
  if (secrets.size === 0) return design;
  return replaceSensitiveValues(design, (value) => {
    const variable = typeof value === 'string' ? VARIABLE_VALUE_RE.exec(value)?.[1] : undefined;
    return variable !== undefined && secrets.has(variable) ? secrets.get(variable) : value;
  });
}
