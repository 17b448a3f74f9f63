/**
 * A stored secret: a sensitive value (pre-shared key, remote auth value) the
 * server holds but never reveals. It is its own variant, `{ "stored": true }`,
 * so it cannot be confused with any text a user types: a design's sensitive
 * attribute is text the caller supplies, or this — "keep what is stored".
 *
 * It is what our API carries in place of every stored secret (designs,
 * versions, the live connector as a design) and what a caller sends back to
 * keep one. Only the Alkira REST boundary (lib/alkira/secrets.ts) translates
 * it to and from Alkira's own mask.
 */
import '@/lib/util/zod-jitless';
import { z } from 'zod';

/** The wire shape of a stored secret: exactly `{ "stored": true }`. */
export const storedSecretSchema = z.strictObject({ stored: z.literal(true) });

export type StoredSecret = z.infer<typeof storedSecretSchema>;

/** What a sensitive attribute holds: text the caller supplies, or the stored secret. */
export type SecretValue = string | StoredSecret;

/** The stored secret (frozen: one value, shared). */
export const STORED_SECRET: StoredSecret = Object.freeze({ stored: true });

/** True for `{ stored: true }` (and nothing else: no text is a stored secret). */
export function isStoredSecret(value: unknown): value is StoredSecret {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { stored?: unknown }).stored === true &&
    Object.keys(value).length === 1
  );
}
