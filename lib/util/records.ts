/**
 * Safe access to loosely typed objects (half-filled form state, parsed JSON, API answers): anything may be missing
 * or of the wrong type, and the caller must still produce output.
 */

export type LooseRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is LooseRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The object entries of a list, each with its index in the original array
 * (so paths such as `instances.2` still point at the right form row). A
 * non-array yields nothing; non-object entries are skipped.
 */
export function recordsOf(value: unknown): { item: LooseRecord; index: number }[] {
  if (!Array.isArray(value)) return [];
  const out: { item: LooseRecord; index: number }[] = [];
  value.forEach((item, index) => {
    if (isRecord(item)) out.push({ item, index });
  });
  return out;
}

/** A string field, or '' when it is not a string. */
export function stringField(record: LooseRecord, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}

/** `record[key]` when the record has it as its own (never an inherited `toString`, never the prototype). */
export function ownValue(record: LooseRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `key` as the record's own property, whatever the key (an assignment to `__proto__` would set the prototype). */
export function setOwn(record: LooseRecord, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
