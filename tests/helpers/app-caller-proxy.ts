/**
 * A loopback HTTP forwarder that adds the test app token: lets an app in
 * portal mode use a second test server's emulator as its "remote portal"
 * (the emulator answers only its own app, see lib/emulator/app-caller.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_CALLER_HEADERS } from './server';

/** `onRequest`: sees every forwarded request (tests count upstream calls with it). */
export async function appCallerProxy(
  targetPort: number,
  onRequest?: (method: string, url: string) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    onRequest?.(req.method ?? '', req.url ?? '');
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, ...APP_CALLER_HEADERS, host: `127.0.0.1:${targetPort}` },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.statusCode = 502;
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
