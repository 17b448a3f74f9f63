/**
 * Server-to-server calls never go where a request's headers point: the
 * dashboard page reads its first rows from the embedded emulator with the
 * app's token, and a `Host: localhost:<other port>` (which passes the host
 * allow-list) must not send that token to whatever listens on that port.
 * The server runs without a PORT variable (the port given to `serve()`), where
 * the emulator's address used to be taken from the request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, TEST_APP_TOKEN, type RunningServer } from '../helpers/server';
import { basicDesign } from '../helpers/designs';
import { call, TEST_ENV } from './support';

let server: RunningServer;
let trap: http.Server;
let trapPort = 0;
const trapped: Array<{ url: string; headers: http.IncomingHttpHeaders }> = [];

beforeAll(async () => {
  trap = http.createServer((req, res) => {
    trapped.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapPort = (trap.address() as AddressInfo).port;
  server = await startServer(TEST_ENV, { withoutPortEnv: true });
});
afterAll(async () => {
  await server?.stop();
  trap?.closeAllConnections();
  await new Promise<void>((resolve) => trap?.close(() => resolve()));
});

/** A raw GET with a Host header of our choosing (fetch would not let us set it). */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path, method: 'GET', headers: { host } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the emulator address is the server’s own, never the Host header', () => {
  it('Host: localhost:<other port> on /connectors and the API sends nothing (no app token) to that port, and the rows still come from the emulator', async () => {
    expect((await call(server, 'POST', '/api/connectors?provision=false', basicDesign('outbound-origin'))).status).toBe(
      201,
    );

    const page = await getWithHost('/connectors', `localhost:${trapPort}`);
    const api = await getWithHost('/api/connectors?page=1', `localhost:${trapPort}`);

    // Nothing reached the other port, least of all the app's token.
    expect(trapped.some((t) => JSON.stringify(t.headers).includes(TEST_APP_TOKEN))).toBe(false);
    expect(trapped.map((t) => t.url)).toEqual([]);
    // The first rows are rendered with the page, read from the real emulator, as is the API's list.
    expect(page.status).toBe(200);
    expect(page.body.includes('outbound-origin'), 'the connector is in the server-rendered page').toBe(true);
    expect(api.status).toBe(200);
    expect(api.body).toContain('outbound-origin');
  });
});
