// `npm run serve` / `npm start`: starts the production server (scripts/server.mjs).
// Without sign-in (local mode) it listens on 127.0.0.1 only, so nobody else on
// the network can reach the local operator; with OIDC configured, or an
// explicit HOST, it listens where told (default all interfaces). PORT: 3000
// unless set. The server itself refuses unsafe configurations at start
// (instrumentation.ts).
process.env.NODE_ENV = 'production';
const { serve } = await import('./server.mjs');

const port = Number(process.env.PORT || '3000');
const oidc = Boolean(process.env.OIDC_ISSUER?.trim());
const hostname = process.env.HOST?.trim() || (oidc ? '0.0.0.0' : '127.0.0.1');
if (!oidc && !process.env.HOST?.trim()) console.log(`Local mode (no OIDC_ISSUER): listening on ${hostname} only`);

const server = await serve({ port, hostname });
console.log(`Connector Studio on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
