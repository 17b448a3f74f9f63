import 'server-only';
import { trimCharEnd } from '@/lib/util/trim';
/**
 * Where the Alkira API is and how to authenticate, from the environment:
 * - `ALKIRA_PORTAL` set → portal mode. A host name gives `https://<host>/api`
 *   (as the Terraform provider does); a full URL gives `<url>/api`.
 *   Auth: `ALKIRA_API_KEY`, or the deprecated `ALKIRA_USERNAME`/`ALKIRA_PASSWORD`.
 * - unset → emulator mode: this server's own `/emulator/api`, over real HTTP,
 *   or, with `ALKIRA_EMULATOR_ORIGIN`, the one served by another instance
 *   (several instances sharing one emulator; they share its app token,
 *   `ALKIRA_EMULATOR_APP_TOKEN`).
 * Read on every call (cheap) so tests and operators can change env per process.
 */

import type { BackendMode } from '@/lib/contract';
import { APP_CALLER_HEADER, emulatorAppToken } from '@/lib/emulator/app-caller';

export interface AlkiraConfig {
  mode: BackendMode;
  /** e.g. `https://acme.portal.alkira.com/api`; no trailing slash. */
  baseUrl: string;
  /** Shown in the UI; never includes credentials. */
  host: string;
  /**
   * Which backend's data this is, for the app's history: the embedded emulator
   * is the same data whatever port the server runs on; a portal is its URL.
   */
  backendKey: string;
  authorization: string;
  /** Emulator mode: the emulator runs in this process (its writes and schedule are known here, so caches can be exact). */
  emulatorInProcess?: boolean;
  /** Further headers on every request (the emulator's app-caller token). */
  headers?: Record<string, string>;
  /** Values that must never appear in a message or log line. */
  secrets: string[];
  timeoutMs: number;
  retryBaseMs: number;
  /** Cap on any single wait between attempts (including Retry-After). */
  retryMaxDelayMs: number;
  maxRetries: number;
}

export const DEFAULT_EMULATOR_API_KEY = 'connector-studio-emulator';

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** `https://<host>/api` for a bare host, `<url>/api` for a URL. */
export function portalBaseUrl(portal: string): string {
  const trimmed = trimCharEnd(portal.trim(), '/');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const url = new URL(withScheme);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return trimCharEnd(url.toString(), '/') + '/api';
}

const LISTENING = Symbol.for('connector-studio.listening-origin');

/**
 * This server's own origin, for reaching its embedded emulator: where the
 * HTTP server (scripts/server.mjs) says it listens, else 127.0.0.1 on PORT
 * (3000 by default, as `next start` and `npm run serve` use). Never anything a
 * request says (its Host header or URL): the app token goes with every
 * emulator call, so a forged `Host: localhost:<other port>` would otherwise
 * send it to whatever listens there.
 */
export function selfOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const announced = (globalThis as { [LISTENING]?: unknown })[LISTENING];
  if (typeof announced === 'string' && /^http:\/\/[^/?#@]+$/.test(announced)) return announced;
  const port = Number(env.PORT);
  return `http://127.0.0.1:${Number.isInteger(port) && port > 0 && port < 65536 ? port : 3000}`;
}

/**
 * `ALKIRA_EMULATOR_ORIGIN` (`http://host:port` of the instance that serves the
 * embedded emulator), or null when this process uses its own.
 */
export function emulatorOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.ALKIRA_EMULATOR_ORIGIN?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AlkiraConfigError(
      'ALKIRA_EMULATOR_ORIGIN is not a URL (http://host:port of the instance serving the emulator)',
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new AlkiraConfigError('ALKIRA_EMULATOR_ORIGIN must be an http(s) origin without credentials');
  }
  return url.origin;
}

export class AlkiraConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlkiraConfigError';
  }
}

export function loadAlkiraConfig(env: NodeJS.ProcessEnv = process.env): AlkiraConfig {
  const common = {
    timeoutMs: positiveInt(env.ALKIRA_TIMEOUT_MS, 15_000) || 15_000,
    retryBaseMs: positiveInt(env.ALKIRA_RETRY_BASE_MS, 300),
    retryMaxDelayMs: positiveInt(env.ALKIRA_RETRY_MAX_DELAY_MS, 10_000),
    maxRetries: Math.min(positiveInt(env.ALKIRA_MAX_RETRIES, 4), 4),
  };
  const portal = env.ALKIRA_PORTAL?.trim();
  if (!portal) {
    const key = env.ALKIRA_EMULATOR_API_KEY || DEFAULT_EMULATOR_API_KEY;
    const remote = emulatorOrigin(env);
    const baseUrl = `${remote ?? selfOrigin(env)}/emulator/api`;
    const appToken = emulatorAppToken();
    return {
      mode: 'emulator',
      baseUrl,
      host: new URL(baseUrl).host,
      backendKey: 'emulator',
      authorization: `api-key ${b64(key)}`,
      emulatorInProcess: remote === null,
      headers: { [APP_CALLER_HEADER]: appToken },
      secrets: [key, b64(key), appToken],
      ...common,
    };
  }
  let baseUrl: string;
  try {
    baseUrl = portalBaseUrl(portal);
  } catch {
    throw new AlkiraConfigError('ALKIRA_PORTAL is not a valid host name or URL');
  }
  const host = new URL(baseUrl).host;
  if (env.ALKIRA_API_KEY) {
    const key = env.ALKIRA_API_KEY;
    return {
      mode: 'portal',
      baseUrl,
      host,
      backendKey: baseUrl,
      authorization: `api-key ${b64(key)}`,
      secrets: [key, b64(key)],
      ...common,
    };
  }
  if (env.ALKIRA_USERNAME && env.ALKIRA_PASSWORD) {
    const pair = `${env.ALKIRA_USERNAME}:${env.ALKIRA_PASSWORD}`;
    return {
      mode: 'portal',
      baseUrl,
      host,
      backendKey: baseUrl,
      authorization: `basic ${b64(pair)}`,
      secrets: [env.ALKIRA_PASSWORD, b64(pair)],
      ...common,
    };
  }
  throw new AlkiraConfigError('ALKIRA_PORTAL is set but neither ALKIRA_API_KEY nor ALKIRA_USERNAME/ALKIRA_PASSWORD is');
}
