/**
 * The JSON side of the input limits (`@/lib/connector/limits`), shared by every
 * JSON route (the app's API and the emulator) and checked before any expensive
 * work: nesting depth by a linear scan of the raw text (before `JSON.parse` or
 * any recursive walk can overflow the stack), then array lengths, string
 * lengths and object keys by an iterative walk.
 */
import { INPUT_LIMITS } from '@/lib/connector/limits';

export const REQUEST_LIMITS = {
  bodyBytes: INPUT_LIMITS.bodyBytes,
  depth: INPUT_LIMITS.jsonDepth,
  arrayLength: INPUT_LIMITS.arrayLength,
  stringLength: INPUT_LIMITS.stringLength,
  objectKeys: INPUT_LIMITS.objectKeys,
} as const;

/** Keys that would reach an object's prototype if copied with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first place `text` nests `{`/`[` deeper than `maxDepth`, ignoring
 * brackets inside strings; null when it does not. One pass, no recursion.
 */
export function excessiveNesting(text: string, maxDepth: number = REQUEST_LIMITS.depth): { offset: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return { offset: i };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    }
  }
  return null;
}

export interface JsonLimitOptions {
  /**
   * Top-level keys whose string value is a whole file's text (the workspace's
   * `hcl`): exempt from `stringLength`, bounded by the body limit and by the
   * route's own check of that text instead.
   */
  textFields?: ReadonlySet<string>;
}

/**
 * Why a parsed JSON value breaks the limits (naming the path), or null. Walks
 * with an explicit stack, so it is safe whatever the depth.
 */
export function jsonLimitProblem(
  value: unknown,
  limits = REQUEST_LIMITS,
  options: JsonLimitOptions = {},
): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    const where = path === '' ? 'the body' : path;
    if (typeof v === 'string') {
      if (v.length > limits.stringLength && !options.textFields?.has(path))
        return `String at ${where} is ${v.length} characters long; at most ${limits.stringLength} are accepted`;
    } else if (Array.isArray(v)) {
      if (v.length > limits.arrayLength)
        return `Array at ${where} has ${v.length} elements; at most ${limits.arrayLength} are accepted`;
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], path: path === '' ? String(i) : `${path}.${i}` });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length > limits.objectKeys)
        return `Object at ${where} has ${keys.length} keys; at most ${limits.objectKeys} are accepted`;
      for (const key of keys) {
        if (FORBIDDEN_KEYS.has(key)) return `Key "${key}" at ${where} is not allowed`;
        if (key.length > limits.stringLength)
          return `A key at ${where} is ${key.length} characters long; at most ${limits.stringLength} are accepted`;
        stack.push({ value: (v as Record<string, unknown>)[key], path: path === '' ? key : `${path}.${key}` });
      }
    }
  }
  return null;
}

export type JsonReading = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses JSON text within the limits; the message names the problem. */
export function parseJsonWithinLimits(
  text: string,
  limits = REQUEST_LIMITS,
  options: JsonLimitOptions = {},
): JsonReading {
  const deep = excessiveNesting(text, limits.depth);
  if (deep)
    return {
      ok: false,
      message: `JSON is nested deeper than ${limits.depth} levels (at character ${deep.offset + 1})`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // Only the position from V8's message: the rest may quote the body (which can hold keys).
    const position = err instanceof SyntaxError ? /position (\d+)/.exec(err.message)?.[1] : undefined;
    return {
      ok: false,
      message: `Request body is not valid JSON${position ? ` (at character ${Number(position) + 1})` : ''}`,
    };
  }
  const problem = jsonLimitProblem(value, limits, options);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}
