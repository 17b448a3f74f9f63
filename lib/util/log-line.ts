/**
 * Text that came from a request (or anything a client can shape) as one log
 * line: control characters, line and paragraph separators and bidirectional
 * controls are written as `\uXXXX`, so a value cannot start a forged line or
 * reorder what an operator reads. Bounded in length.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being escaped
const UNSAFE_IN_LOG = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function logSafe(text: string, max = 500): string {
  const escaped = text.replace(UNSAFE_IN_LOG, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}
