import 'server-only';
/**
 * Answers, at the Node HTTP server, the requests Next cannot: TRACE and TRACK
 * (fetch's Request refuses them, so Next's proxy fails with a bare 500 before
 * any of our code runs), CONNECT, and methods Node's parser does not know
 * (which it would answer with an empty 400 and a closed connection). Each gets
 * the same JSON 405 with `Allow` and security headers as any wrong method.
 * Installed once per process from instrumentation.ts by wrapping
 * `http.Server.prototype.emit` (there is no custom server to hook instead).
 */
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { allowedMethods } from './routes';
import { createNonce, securityHeaders } from './security-headers';

/** Methods the fetch standard forbids in a Request, which Next therefore cannot route. */
const UNROUTABLE = new Set(['TRACE', 'TRACK', 'CONNECT']);

const INSTALLED = Symbol.for('connector-studio.node-guard');

function pathOf(target: string): string {
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

function methodNotAllowed(method: string, target: string): { head: Record<string, string>; body: string } {
  const path = pathOf(target);
  const allow = allowedMethods(path);
  const safeMethod = method.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 20) || 'this method';
  const body = JSON.stringify({ error: `Method ${safeMethod} is not allowed on ${path}; use ${allow.join(' or ')}` });
  return {
    head: {
      ...securityHeaders(createNonce(), false),
      Allow: [...allow, 'OPTIONS'].join(', '),
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
    },
    body,
  };
}

/** A whole HTTP/1.1 405 response as raw text, for sockets with no response object. */
function rawResponse(method: string, target: string): string {
  const { head, body } = methodNotAllowed(method, target);
  const lines = Object.entries(head).map(([k, v]) => `${k}: ${v}`);
  return ['HTTP/1.1 405 Method Not Allowed', ...lines, '', body].join('\r\n');
}

export function installNodeGuard(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const method = (req.method ?? '').toUpperCase();
      if (UNROUTABLE.has(method)) {
        const { head, body } = methodNotAllowed(method, req.url ?? '/');
        req.resume();
        res.writeHead(405, head).end(body);
        return true;
      }
    } else if (event === 'connect') {
      const [req, socket] = args as [http.IncomingMessage, Duplex];
      socket.end(rawResponse('CONNECT', req.url ?? '/'));
      return true;
    } else if (event === 'clientError') {
      const [err, socket] = args as [NodeJS.ErrnoException & { rawPacket?: Buffer }, Duplex];
      if (err.code === 'HPE_INVALID_METHOD' && socket.writable) {
        const firstLine = err.rawPacket?.toString('latin1').split('\r\n', 1)[0] ?? '';
        const [method = '', target = '/'] = firstLine.split(' ');
        socket.end(rawResponse(method, target));
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
