/**
 * Shared helpers for the emulator API tests: a server of their own for the
 * file, an authenticated JSON client for `/emulator/api/...` and the admin
 * endpoints, and a design as the app sends it.
 */
import type { AlkiraConnector } from '@/lib/connector/alkira-types';
import { designToAlkiraConnector } from '@/lib/connector/mapping';
import { afterAll, beforeAll } from 'vitest';
import { parsedDesign } from './designs';
import { APP_CALLER_HEADERS, startServer, type RunningServer } from './server';

export const API_KEY = 'connector-studio-emulator';
export const AUTH = 'api-key ' + Buffer.from(API_KEY).toString('base64');
export const CONNECTORS = '/v1/tenantnetworks/1/azure-express-route-connectors';

export const EMULATOR_ENV = { ALKIRA_EMULATOR_ADMIN: '1', ALKIRA_EMULATOR_PROVISION_MS: '600' };

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A client of `server`, or of whichever server the function answers at each call. */
export function client(server: RunningServer | (() => RunningServer)) {
  const url = () => (typeof server === 'function' ? server() : server).url;
  async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(url() + '/emulator/api' + path, {
      method,
      headers: { ...APP_CALLER_HEADERS, authorization: AUTH, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }
  async function admin(path: string, body?: unknown): Promise<Reply> {
    const res = await fetch(url() + '/emulator/_admin/' + path, {
      method: 'POST',
      headers: { ...APP_CALLER_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }
  /** Polls a provision request until it leaves PENDING/IN_PROGRESS; returns every state seen. */
  async function settle(requestId: string, timeoutMs = 10_000): Promise<{ final: any; seen: string[] }> {
    const seen: string[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await call('GET', `/tenantnetworks/1/provision-requests/${requestId}`);
      if (r.status !== 200) throw new Error(`provision request ${requestId}: HTTP ${r.status}`);
      if (seen[seen.length - 1] !== r.body.state) seen.push(r.body.state);
      if (!['PENDING', 'IN_PROGRESS'].includes(r.body.state)) return { final: r.body, seen };
      if (Date.now() > deadline) throw new Error(`provision request ${requestId} still ${r.body.state}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  }
  return { call, admin, settle };
}

const SEGMENT_NAMES: Record<string, string> = {
  '1': 'prod',
  '2': 'dmz',
  '3': 'internal',
  '4': 'dev',
  '5': 'shared-services',
};

/** A design (./designs.ts) as the app sends it to the Alkira API. */
export function toBody(design: Record<string, unknown>): AlkiraConnector {
  return designToAlkiraConnector(parsedDesign(design), { segmentName: (id) => SEGMENT_NAMES[id] });
}

export interface EmulatorServer {
  /** The running server (after the file's first `beforeAll`). */
  readonly server: RunningServer;
  /** A client of whichever server is running now (it follows `restart`). */
  readonly api: ReturnType<typeof client>;
  /** Stops the server and starts it again on the same data directory. */
  restart(): Promise<void>;
}

/** Starts the production server with the emulator's admin endpoints for the test file, and stops it after the file. */
export function emulatorServerForFile(): EmulatorServer {
  let running: RunningServer | undefined;
  const current = (): RunningServer => {
    if (!running) throw new Error('the emulator server is not started yet: use it inside a test');
    return running;
  };
  beforeAll(async () => {
    running = await startServer(EMULATOR_ENV);
  });
  afterAll(async () => running?.stop());
  return {
    get server() {
      return current();
    },
    api: client(current),
    async restart() {
      const { dataDir } = current();
      await current().stop();
      running = undefined;
      running = await startServer(EMULATOR_ENV, { dataDir });
    },
  };
}
