/**
 * The key option switched on a file: the resource's sensitive values move
 * into new sensitive variables, or back inline. Only those values' bytes (and
 * the declarations) change; the file keeps its layout and comments.
 */
import { CONNECTOR_RESOURCE, type BodySpec } from '../../resource';
import { isStoredSecret, type SecretValue } from '../../stored-secret';
import { quoteHclString } from '../strings';
import { parseHcl } from '@/lib/hcl/parser';
import { decodeQuoted } from '@/lib/hcl/values';
import { applyOperations, type TextEdit } from '@/lib/hcl/edit';
import type { HclFile } from '@/lib/hcl/syntax';
import { attributesBelow, findConnector } from './paths';
import { changedRange, fileOf, namesOf, replaceText, startRun, textOf, type OperationResult } from './run';
import { declareVariables, withoutUnusedVariables } from './variables';

const isSecretAttribute = (spec: BodySpec, name: string) => spec.attributes[name]?.sensitive === true;

const isQuoted = (text: string) => text.startsWith('"');

/**
 * The resource's sensitive values written inline moved into new sensitive variables (`variable` mode, or a
 * file to be stored): the file keeps its layout and comments, the values are the caller's (`secrets`).
 */
export function keysIntoVariables(file: HclFile, resource: string): OperationResult {
  const run = startRun(file, { resource, preSharedKeys: 'variable' });
  const connector = findConnector(file, resource);
  if (!connector || file.diagnostics.length)
    return { text: file.text, file, resource, secrets: run.secrets, change: null };
  const edits: TextEdit[] = [];
  for (const { attribute: a, spec } of attributesBelow(connector, CONNECTOR_RESOURCE)) {
    if (!isSecretAttribute(spec, a.name.name)) continue;
    const written = file.text.slice(a.value.from, a.value.to);
    if (!isQuoted(written) || written === '""') continue;
    const variable = namesOf(run).fresh(a.name.name);
    run.secrets.set(variable, decodeQuoted(written.slice(1, -1)));
    edits.push({ from: a.value.from, to: a.value.to, insert: `var.${variable}` });
  }
  if (edits.length === 0) return { text: file.text, file, resource, secrets: run.secrets, change: null };
  edits.push(...declareVariables(file, run.names?.added ?? [], connector));
  replaceText(run, applyOperations(file.text, edits));
  return { text: textOf(run), file: fileOf(run), resource, secrets: run.secrets, change: run.change };
}

/**
 * The resource's keys kept in variables whose values the caller knows (`secrets`) written inline again
 * (the user chose inline keys); declarations nothing references any more, that say only type and
 * sensitive, go.
 */
export function keysInline(
  file: HclFile,
  resource: string,
  secrets: ReadonlyMap<string, SecretValue>,
): OperationResult {
  const connector = findConnector(file, resource);
  if (!connector || file.diagnostics.length)
    return { text: file.text, file, resource, secrets: new Map(), change: null };
  const edits: TextEdit[] = [];
  const released = new Set<string>();
  for (const { attribute: a, spec } of attributesBelow(connector, CONNECTOR_RESOURCE)) {
    if (!isSecretAttribute(spec, a.name.name)) continue;
    const variable = /^var\.([\p{L}\p{N}_-]+)$/u.exec(file.text.slice(a.value.from, a.value.to))?.[1];
    const value = variable === undefined ? undefined : secrets.get(variable);
    if (value === undefined || isStoredSecret(value)) continue;
    released.add(variable!);
    edits.push({ from: a.value.from, to: a.value.to, insert: quoteHclString(value) });
  }
  if (edits.length === 0) return { text: file.text, file, resource, secrets: new Map(), change: null };
  const next = withoutUnusedVariables(parseHcl(applyOperations(file.text, edits)), released);
  return { text: next.text, file: next, resource, secrets: new Map(), change: changedRange(file.text, next.text) };
}
