/**
 * The embedded emulator answers only the app itself. The app's Alkira client
 * sends a per-process random token in `x-connector-studio-app` (it never
 * leaves the server: the client talks to the emulator over loopback), so a
 * visitor who knows the emulator's default API key still cannot read or
 * change the emulated tenant. `ALKIRA_EMULATOR_APP_TOKEN` fixes the token
 * for tests that drive the emulator directly. With `ALKIRA_PORTAL` set the
 * emulator is off altogether, as it is on an instance that uses another
 * instance's (`ALKIRA_EMULATOR_ORIGIN`): one tenant, served by one process.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const APP_CALLER_HEADER = 'x-connector-studio-app';

const TOKEN_KEY = Symbol.for('connector-studio.emulator-app-token');
type TokenHolder = { [TOKEN_KEY]?: string };

/** One per server process (shared by every route bundle through globalThis). */
export function emulatorAppToken(): string {
  const configured = process.env.ALKIRA_EMULATOR_APP_TOKEN?.trim();
  if (configured) return configured;
  const holder = globalThis as TokenHolder;
  holder[TOKEN_KEY] ??= randomBytes(32).toString('base64url');
  return holder[TOKEN_KEY];
}

export function emulatorEnabled(): boolean {
  return !process.env.ALKIRA_PORTAL?.trim() && !process.env.ALKIRA_EMULATOR_ORIGIN?.trim();
}

export function isAppCaller(req: Request): boolean {
  const sent = Buffer.from(req.headers.get(APP_CALLER_HEADER) ?? '');
  const expected = Buffer.from(emulatorAppToken());
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** Why the emulator must not answer this request (status and message), or null. */
export function emulatorRefusal(req: Request): { status: number; message: string } | null {
  if (!emulatorEnabled()) return { status: 404, message: 'Not found' };
  if (!isAppCaller(req)) return { status: 403, message: 'The embedded emulator answers only Connector Studio itself' };
  return null;
}
