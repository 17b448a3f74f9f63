/**
 * A credential only this server process knows: generated at first use (never
 * configured, never logged), shared by every route bundle through a global
 * symbol, and sent by the app's Alkira client to the embedded emulator. The
 * emulator shows stored secrets (pre-shared keys, remote auth values) in clear
 * only to a caller presenting it — that is, only to the app itself.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const INTERNAL_CREDENTIAL_HEADER = 'x-connector-studio-internal';

const KEY = Symbol.for('connector-studio.internal-credential');

type WithCredential = typeof globalThis & { [KEY]?: string };

export function internalCredential(): string {
  const g = globalThis as WithCredential;
  g[KEY] ??= randomBytes(32).toString('base64url');
  return g[KEY];
}

/** True when the request carries this process's internal credential. */
export function isInternalCaller(headers: Headers): boolean {
  const presented = headers.get(INTERNAL_CREDENTIAL_HEADER);
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(internalCredential());
  return a.length === b.length && timingSafeEqual(a, b);
}
