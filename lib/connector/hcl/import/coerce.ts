/**
 * Converts a read HCL value to a design value of an attribute's type, as
 * Terraform converts it (numbers and bools written as strings are accepted,
 * strings that are not numbers are not). Expressions are kept as `${source}`.
 */
import { toExpression } from '../../design';
import type { Span } from '@/lib/hcl/syntax';
import type { HclValue } from './expressions';
import { literalStringDesignValue } from './expressions';
import type { AttributeType } from './schema';
import { SENSITIVE_ATTRIBUTES } from './schema';
import { boolFromText, numberFromText } from './strings';

export interface CoercionProblem {
  message: string;
  range: Span;
  /** Design path of the problem (an attribute or a list item). */
  path: string;
}

export interface Coerced {
  /** undefined: nothing to store (null, or a value the design cannot hold). */
  value: unknown;
  problems: CoercionProblem[];
  /** Design path → range of list items, for mapping validator findings. */
  itemRanges: [string, Span][];
}

/** How a value is named in a message; sensitive values are never shown. */
function describe(value: HclValue, attribute: string): string {
  switch (value.kind) {
    case 'tuple':
      return 'a list';
    case 'object':
      return 'an object';
    case 'bool':
      return SENSITIVE_ATTRIBUTES.has(attribute) ? 'a bool' : String(value.value);
    case 'number':
      return SENSITIVE_ATTRIBUTES.has(attribute) ? 'a number' : String(value.value);
    case 'string':
      return SENSITIVE_ATTRIBUTES.has(attribute) ? 'a string' : JSON.stringify(value.value);
    default:
      return 'this value';
  }
}

type ScalarType = 'string' | 'number' | 'bool';

/** One scalar; `label` names it in messages (`customer_asn`, `virtual_network_interface[1]`). */
function coerceScalar(
  type: ScalarType,
  value: HclValue,
  attribute: string,
  label: string,
): { value?: unknown; problem?: string } {
  if (value.kind === 'expression') return { value: toExpression(value.source) };
  if (value.kind === 'null') return {};
  if (value.kind === 'invalid') return { problem: value.message };
  switch (type) {
    case 'string':
      if (value.kind === 'string') return { value: literalStringDesignValue(value.value, value.source) };
      if (value.kind === 'number' || value.kind === 'bool') return { value: String(value.value) };
      return { problem: `${label} must be a string, not ${describe(value, attribute)}` };
    case 'number':
      if (value.kind === 'number') return { value: value.value };
      if (value.kind === 'string') {
        // `""` is how the form's empty state renders an unset number: unset here too, so the
        // validator reports it once as required rather than twice (here as "not a number").
        if (value.value.trim() === '') return {};
        const n = numberFromText(value.value);
        // Keep what was written, so the form shows it; the problem blocks it anyway.
        return n === null
          ? { value: value.value, problem: `${label} must be a number: ${describe(value, attribute)} is not` }
          : { value: n };
      }
      return { problem: `${label} must be a number, not ${describe(value, attribute)}` };
    case 'bool':
      if (value.kind === 'bool') return { value: value.value };
      if (value.kind === 'string') {
        const b = boolFromText(value.value);
        return b === null
          ? { value: value.value, problem: `${label} must be true or false: ${describe(value, attribute)} is not` }
          : { value: b };
      }
      return { problem: `${label} must be true or false, not ${describe(value, attribute)}` };
  }
}

/** Converts an attribute value at `path` (its range is `range`). */
export function coerceAttribute(
  type: AttributeType,
  value: HclValue,
  attribute: string,
  path: string,
  range: Span,
): Coerced {
  if (type === 'string' || type === 'number' || type === 'bool') {
    const { value: converted, problem } = coerceScalar(type, value, attribute, attribute);
    const problemRange = value.kind === 'invalid' ? value.range : range;
    return {
      value: converted,
      problems: problem ? [{ message: problem, range: problemRange, path }] : [],
      itemRanges: [],
    };
  }
  const itemType: ScalarType = type === 'string_list' ? 'string' : 'number';
  const what = type === 'string_list' ? 'a list of strings' : 'a list of numbers';
  if (value.kind === 'null') return { value: undefined, problems: [], itemRanges: [] };
  // A whole list as an expression (`var.ids`, a splat, a `for`, `concat(…)`): kept as written, as Terraform evaluates it.
  if (value.kind === 'expression') return { value: toExpression(value.source), problems: [], itemRanges: [] };
  if (value.kind !== 'tuple') {
    return {
      value: undefined,
      problems: [{ message: `${attribute} must be ${what}, not ${describe(value, attribute)}`, range, path }],
      itemRanges: [],
    };
  }
  const items: unknown[] = [];
  const problems: CoercionProblem[] = [];
  const itemRanges: [string, Span][] = [];
  value.items.forEach((item, i) => {
    const itemPath = `${path}.${i}`;
    itemRanges.push([itemPath, item.range]);
    const label = `${attribute}[${i}]`;
    const { value: converted, problem } =
      item.value.kind === 'null'
        ? { value: undefined, problem: `${label} is null; list items must have a value` }
        : coerceScalar(itemType, item.value, attribute, label);
    if (problem)
      problems.push({
        message: problem,
        range: item.value.kind === 'invalid' ? item.value.range : item.range,
        path: itemPath,
      });
    // Keep positions stable so item paths match the source: a hole becomes ''.
    items.push(converted ?? '');
  });
  return { value: items, problems, itemRanges };
}
