/**
 * Terraform's conversions of text to numbers and bools, as the importer
 * applies them to values written as strings (`"65001"`, `"true"`). Decoding
 * string literals is the HCL engine's (lib/hcl/values.ts).
 */

/**
 * Terraform's string → number conversion: a decimal number, optional sign and
 * exponent, nothing else (no spaces, no hex).
 */
const DECIMAL_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The number a numeric text stands for: a JS number when it is exactly
 * representable, else the text itself (numeric strings are valid design
 * values, so a 30-digit literal is not silently rounded). Null when not a number.
 */
export function numberFromText(text: string): number | string | null {
  if (!DECIMAL_RE.test(text)) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return text;
  return n;
}

/** Terraform's string → bool conversion. */
export function boolFromText(text: string): boolean | null {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}
