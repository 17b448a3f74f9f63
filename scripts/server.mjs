// The production HTTP server: Next.js as a custom server
// (https://nextjs.org/docs/app/guides/custom-server) behind a node:http server
// of our own, so that requests which never reach Next's router are answered
// like every other wrong method — a JSON 405 with `Allow` and the security
// headers — instead of Next's bare 500 or a dropped connection:
//   - TRACE and TRACK: the fetch standard's Request refuses them, and Next's
//     proxy (proxy.ts) builds one for every request, so Next fails with a 500
//     before any of our code runs;
//   - CONNECT: Node emits 'connect' rather than 'request' (unhandled, the
//     socket is destroyed);
//   - verbs Node's HTTP parser does not know (`FOO / HTTP/1.1`): 'clientError'
//     with HPE_INVALID_METHOD (by default an empty 400 and a closed socket).
// It refuses (400) a request target that is not a path (the absolute form
// `GET http://other.host/`, meant for proxies) and a missing or empty Host
// header, which Next would answer with a redirect to that other host.
// It also refuses (400) API paths with "." or ".." segments, which Next would
// answer with a bare 308 to the normalised path (browsers never send them),
// and answers a parse request from a client already at its parse limit with
// the app's 429 before Next streams its body (busyParser).
// It applies the root proxy's checks and security headers to API and emulator
// paths and to the build's static files itself (apiGate), and marks those
// requests so Next's proxy skips them.
// It tells the app who is calling: route handlers get a fetch Request without
// a socket, so the socket's peer address goes into the PEER_HEADER request
// header, always overwriting what the client sent under that name, and the
// header's name is announced on globalThis (lib/http/peer-address.ts reads it
// only then). X-Forwarded-For/-Proto/-Host, which any client can write, are
// believed only from the proxies listed in CONNECTOR_STUDIO_TRUSTED_PROXIES
// (the client is then the right-most X-Forwarded-For address that is not one
// of them) and removed from everyone else's requests.
// The answers are built by the app (lib/route/server-answers.ts, registered by
// instrumentation.ts at start), from the same route table and headers as the
// proxy's. Every other request goes to Next unchanged; other parse errors get
// Node's usual answers (400, 408, 413, 431).
import http from 'node:http';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import next from 'next';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_ANSWERS = Symbol.for('connector-studio.server-answers');
const PEER = Symbol.for('connector-studio.peer-header');
const PEER_HEADER = 'x-connector-studio-peer';
const LISTENING = Symbol.for('connector-studio.listening-origin');
/** lib/route/api-gate.ts's GATED_HEADER: this request passed the API gate (the proxy skips it). */
const GATED_HEADER = 'x-connector-studio-gated';
/** Methods Node parses but Next cannot route. */
const UNROUTABLE = new Set(['TRACE', 'TRACK']);
/** How long an idle keep-alive connection stays open (see serve()). */
const KEEP_ALIVE_MS = 65_000;

/** The app's 405 for `method` on `target`; a plain one if the app has not registered its answers (it always does at start). */
function methodNotAllowed(method, target) {
  const answers = globalThis[SERVER_ANSWERS];
  if (answers) return answers.methodNotAllowed(method, target);
  const body = JSON.stringify({ error: 'Method not allowed' });
  return {
    status: 405,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'X-Content-Type-Options': 'nosniff',
    },
    body,
  };
}

/** The app's 400 for an API path with dot segments, or null. */
function dotSegments(target) {
  return globalThis[SERVER_ANSWERS]?.dotSegments(target) ?? null;
}

/** The app's 400 for an absolute-form target or a missing or empty Host header, or null (a plain 400 if the app has not registered its answers). */
function badTarget(req) {
  const answers = globalThis[SERVER_ANSWERS];
  const target = req.url ?? '';
  if (answers?.badTarget) return answers.badTarget(req.method, target, req.headers.host);
  if ((target.startsWith('/') || (req.method === 'OPTIONS' && target === '*')) && req.headers.host?.trim()) return null;
  return {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    body: 'Bad request target or Host header',
  };
}

/** The app's 429 for a parse request from a client already at its limit (before Next reads the body), or null. */
function busyParser(req) {
  return globalThis[SERVER_ANSWERS]?.busyParser?.(req.method, req.url ?? '/', req.headers) ?? null;
}

/**
 * The root proxy's checks and security headers for API and emulator paths,
 * applied here so Next's proxy (which costs more CPU than the cheapest routes)
 * can skip them: an answer to send instead, headers to put on the response,
 * or null for a page (the proxy's). See lib/route/api-gate.ts.
 */
function apiGate(req) {
  return globalThis[SERVER_ANSWERS]?.apiGate?.(req.method, req.url ?? '/', req.headers) ?? null;
}

/** The socket's peer address (an IPv4-mapped IPv6 address as plain IPv4). */
function peerOf(socket) {
  const address = socket.remoteAddress ?? '';
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/**
 * Where this process reaches itself (its embedded emulator): the address it
 * listens on, a wildcard address as loopback. The app reads it instead of any
 * request's Host header (lib/alkira/config.ts).
 */
function ownOrigin(address, hostname) {
  const port = typeof address === 'object' && address ? address.port : 0;
  const host = !hostname || hostname === '0.0.0.0' ? '127.0.0.1' : hostname === '::' ? '::1' : hostname;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Headers a proxy sets about the client; believed only from a configured proxy. */
const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded'];

/** An address as compared with the trusted list: lower-case, an IPv4-mapped IPv6 address as plain IPv4, no zone. */
function normalAddress(address) {
  const plain = String(address)
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/.test(plain) ? plain.slice(7) : plain;
}

/** CONNECTOR_STUDIO_TRUSTED_PROXIES: the comma-separated addresses of the reverse proxies in front of this server. */
export function trustedProxies(env = process.env) {
  return new Set(
    (env.CONNECTOR_STUDIO_TRUSTED_PROXIES ?? '')
      .split(',')
      .map(normalAddress)
      .filter((a) => isIP(a) !== 0),
  );
}

/**
 * The client's address, and the request's X-Forwarded-* headers made
 * trustworthy: from a trusted proxy they stay, and the client is the
 * right-most X-Forwarded-For address that is not a trusted proxy; from anyone
 * else they are removed (Next then fills in the connection's own values), so a
 * client cannot claim HTTPS, another host or another address.
 */
export function clientOf(req, trusted) {
  const peer = peerOf(req.socket);
  if (!trusted.has(normalAddress(peer))) {
    for (const name of FORWARDED_HEADERS) delete req.headers[name];
    return peer;
  }
  const chain = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map(normalAddress)
    .filter((a) => a !== '');
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    if (isIP(chain[i]) === 0) break;
    client = chain[i];
    if (!trusted.has(chain[i])) break;
  }
  return client;
}

/** A whole HTTP/1.1 response as text, for a socket that has no response object. */
function rawResponse(status, headers, body = '') {
  const lines = Object.entries({ ...headers, Connection: 'close' }).map(([k, v]) => `${k}: ${v}`);
  return [`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`, ...lines, '', body].join('\r\n');
}

const PARSE_ERROR_STATUS = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

function onClientError(err, socket) {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  if (err.code === 'HPE_INVALID_METHOD') {
    const [method = '', target = '/'] = (err.rawPacket?.toString('latin1').split('\r\n', 1)[0] ?? '').split(' ');
    const { status, headers, body } = methodNotAllowed(method, target);
    socket.end(rawResponse(status, headers, body));
    return;
  }
  const status = PARSE_ERROR_STATUS[err.code] ?? 400;
  socket.end(rawResponse(status, { 'Content-Length': '0' }));
}

/** Prepares the production build in `dir` and listens on `hostname:port`; resolves with the listening server. */
export async function serve({ port, hostname, dir = ROOT }) {
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  globalThis[PEER] = PEER_HEADER;
  const trusted = trustedProxies();
  const server = http.createServer((req, res) => {
    req.headers[PEER_HEADER] = clientOf(req, trusted);
    // Only this server says a request passed the gate.
    delete req.headers[GATED_HEADER];
    let refusal = UNROUTABLE.has(req.method)
      ? methodNotAllowed(req.method, req.url ?? '/')
      : (badTarget(req) ?? dotSegments(req.url ?? '/') ?? busyParser(req));
    if (!refusal) {
      const gate = apiGate(req);
      if (gate?.answer) refusal = gate.answer;
      else if (gate) {
        for (const [name, value] of Object.entries(gate.headers)) res.setHeader(name, value);
        req.headers[GATED_HEADER] = '1';
      }
    }
    if (refusal) {
      req.resume();
      res.writeHead(refusal.status, refusal.headers).end(refusal.body);
      return;
    }
    handle(req, res).catch((err) => {
      console.error(
        `[server] ${req.method} ${req.url?.slice(0, 200)} failed: ${err instanceof Error ? err.name : 'error'}`,
      );
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal Server Error');
    });
  });
  server.on('connect', (req, socket) => {
    const { status, headers, body } = methodNotAllowed('CONNECT', req.url ?? '/');
    socket.end(rawResponse(status, headers, body));
  });
  server.on('clientError', onClientError);
  // An idle keep-alive connection is closed by the side that waits least. Node's
  // 5 s default made this server that side for every client and balancer that
  // reuses connections longer (HAProxy, browsers, Playwright's request context):
  // a request sent on a reused connection as the server closed it failed with a
  // reset. Waiting longer than a balancer's usual 60 s leaves the close to them.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  globalThis[LISTENING] = ownOrigin(server.address(), hostname);
  return server;
}
